#include "fakes/core/registry.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace pipemu::fakes {

namespace fs = std::filesystem;

Registry::Registry(Options options) : options_(std::move(options)) {
  if (options_.state_dir) {
    root_ = *options_.state_dir;
    fs::create_directories(root_ / "regions");
  } else {
    std::string tmpl = (fs::temp_directory_path() / "pipemu-mem-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temp directory");
    root_ = tmpl;
  }
  blobs_ = std::make_unique<BlobStore>(root_ / "blobs", options_.durable_blobs);
}

Registry::~Registry() {
  regions_.clear();
  global_.reset();
  if (in_memory()) {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
}

fs::path Registry::state_dir() const { return root_; }

bool Registry::valid_region(const std::string& region) {
  if (region.empty() || region.size() > 32) return false;
  for (char c : region)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

Database& Registry::region(const std::string& region) {
  if (!valid_region(region))
    throw std::invalid_argument(fmt::format("invalid region name '{}'", region));
  std::lock_guard lock(mutex_);
  auto it = regions_.find(region);
  if (it == regions_.end()) {
    std::string path = in_memory() ? "" : (root_ / "regions" / (region + ".db")).string();
    it = regions_.emplace(region, std::make_unique<Database>(path, SchemaScope::Region)).first;
  }
  it->second->ensure_migrated();
  return *it->second;
}

Database& Registry::global() {
  std::lock_guard lock(mutex_);
  if (!global_) {
    std::string path = in_memory() ? "" : (root_ / "global.db").string();
    global_ = std::make_unique<Database>(path, SchemaScope::Global);
  }
  global_->ensure_migrated();
  return *global_;
}

std::vector<std::string> Registry::region_names() {
  std::vector<std::string> out;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, db] : regions_) out.push_back(name);
  }
  if (!in_memory()) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root_ / "regions", ec)) {
      const auto& p = e.path();
      std::string name = p.stem().string();
      if (p.extension() == ".db" && valid_region(name) &&
          std::find(out.begin(), out.end(), name) == out.end())
        out.push_back(name);
    }
  }
  return out;
}

Registry::BlobGuard::BlobGuard(const fs::path& lock_file, bool exclusive) {
  fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw DatabaseError("cannot open " + lock_file.string() + ": " + std::strerror(errno));
  while (::flock(fd_, exclusive ? LOCK_EX : LOCK_SH) != 0) {
    if (errno == EINTR) continue;
    int e = errno;
    ::close(fd_);
    throw DatabaseError("cannot lock " + lock_file.string() + ": " + std::strerror(e));
  }
}

Registry::BlobGuard::~BlobGuard() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

Registry::BlobGuard Registry::blob_guard(bool exclusive) const {
  return BlobGuard(blobs_->root() / ".gc-lock", exclusive);
}

void Registry::queue_garbage(const std::vector<std::string>& blobs) {
  if (blobs.empty()) return;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(garbage_mutex_);
  for (const auto& b : blobs)
    if (!b.empty()) garbage_.emplace_back(now, b);
}

std::vector<std::string> Registry::take_garbage(std::chrono::milliseconds delay) {
  auto now = std::chrono::steady_clock::now();
  std::vector<std::string> out;
  std::lock_guard lock(garbage_mutex_);
  if (garbage_.empty() || (delay.count() > 0 && garbage_.front().first > now - delay)) return out;
  auto cutoff = now - delay / 2;
  std::size_t n = 0;  // queued in time order: the old ones are a prefix
  while (n < garbage_.size() && (delay.count() == 0 || garbage_[n].first <= cutoff)) ++n;
  for (std::size_t i = 0; i < n; ++i) out.push_back(std::move(garbage_[i].second));
  garbage_.erase(garbage_.begin(), garbage_.begin() + static_cast<std::ptrdiff_t>(n));
  return out;
}

void Registry::reset() {
  if (!in_memory()) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root_ / "regions", ec)) {
      const auto& p = e.path();
      if (p.extension() == ".db") region(p.stem().string());  // open so clear() reaches it
    }
  }
  global().clear();
  std::vector<Database*> dbs;
  {
    std::lock_guard lock(mutex_);
    for (auto& [name, db] : regions_) dbs.push_back(db.get());
  }
  for (auto* db : dbs) db->clear();
  {
    auto gc = blob_guard(true);
    blobs_->clear();
  }
  {
    std::lock_guard lock(garbage_mutex_);
    garbage_.clear();
  }
  faults_.clear();
}

}  // namespace pipemu::fakes
