#include "fakes/core/blob_store.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

#include <fmt/format.h>

#include "fakes/core/digest_thread.hpp"

namespace pipemu::fakes {

namespace fs = std::filesystem;

namespace {

std::string hex(const unsigned char* p, unsigned n) {
  static const char* d = "0123456789abcdef";
  std::string s;
  s.reserve(n * 2);
  for (unsigned i = 0; i < n; ++i) {
    s += d[p[i] >> 4];
    s += d[p[i] & 15];
  }
  return s;
}

std::string temp_name() {
  static std::atomic<unsigned long> counter{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return fmt::format("{}-{}-{:x}.part", getpid(), counter++, rng());
}

bool fsync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

struct BlobWriter::Hashes {
  EVP_MD_CTX* md5 = EVP_MD_CTX_new();
  EVP_MD_CTX* sha = EVP_MD_CTX_new();
  std::optional<Checksum> extra;
  explicit Hashes(std::optional<ChecksumAlgorithm> a) {
    EVP_DigestInit_ex(md5, EVP_md5(), nullptr);
    EVP_DigestInit_ex(sha, EVP_sha256(), nullptr);
    if (a) extra.emplace(*a);
  }
  ~Hashes() {
    EVP_MD_CTX_free(md5);
    EVP_MD_CTX_free(sha);
  }
  void update_md5(const char* d, std::size_t n) { EVP_DigestUpdate(md5, d, n); }
  void update_sha(const char* d, std::size_t n) {
    EVP_DigestUpdate(sha, d, n);
    if (extra) extra->update(d, n);
  }
};

BlobWriter::BlobWriter(fs::path root, bool durable, std::optional<ChecksumAlgorithm> checksum)
    : root_(std::move(root)), durable_(durable), checksum_(checksum),
      h_(std::make_unique<Hashes>(checksum)) {}

BlobWriter::BlobWriter(BlobWriter&& o) noexcept
    : root_(std::move(o.root_)), durable_(o.durable_), checksum_(o.checksum_), fd_(o.fd_),
      tmp_(std::move(o.tmp_)), failed_(o.failed_), errno_(o.errno_), size_(o.size_),
      small_(std::move(o.small_)), chunk_(std::move(o.chunk_)), h_(std::move(o.h_)),
      md5_thread_(std::move(o.md5_thread_)), sha_thread_(std::move(o.sha_thread_)) {
  o.fd_ = -1;
  o.tmp_.clear();
}

BlobWriter::~BlobWriter() {
  md5_thread_.reset();  // joins before the hashes they update go away
  sha_thread_.reset();
  if (fd_ >= 0) ::close(fd_);  // an O_TMPFILE vanishes with its last descriptor
  if (!tmp_.empty()) {
    std::error_code ec;
    fs::remove(tmp_, ec);
  }
}

bool BlobWriter::open_temp(const fs::path& dir) {
  fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd_ >= 0) return true;
  // Filesystems without O_TMPFILE: a named temp file under tmp/, renamed at commit.
  tmp_ = root_ / "tmp" / temp_name();
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ >= 0) return true;
  tmp_.clear();
  errno_ = errno;
  failed_ = true;
  return false;
}

bool BlobWriter::write_fd(const char* data, std::size_t n) {
  std::size_t off = 0;
  while (off < n) {
    ssize_t k = ::write(fd_, data + off, n - off);
    if (k < 0) {
      if (errno == EINTR) continue;
      errno_ = errno;
      failed_ = true;
      return false;
    }
    off += static_cast<std::size_t>(k);
  }
  return true;
}

bool BlobWriter::start_streaming() {
  if (!open_temp(root_ / "tmp")) return false;
  Hashes* h = h_.get();
  md5_thread_ = std::make_unique<DigestThread>(
      [h](const char* d, std::size_t n) { h->update_md5(d, n); });
  sha_thread_ = std::make_unique<DigestThread>(
      [h](const char* d, std::size_t n) { h->update_sha(d, n); });
  chunk_ = std::make_shared<std::string>(std::move(small_));
  chunk_->reserve(kChunk);
  small_ = std::string();
  return true;
}

bool BlobWriter::ship_chunk() {
  if (chunk_->empty()) return true;
  if (!write_fd(chunk_->data(), chunk_->size())) return false;
  std::shared_ptr<const std::string> done = std::move(chunk_);
  md5_thread_->push(done);
  sha_thread_->push(done);
  chunk_ = std::make_shared<std::string>();
  chunk_->reserve(kChunk);
  return true;
}

bool BlobWriter::write(const char* data, std::size_t n) {
  if (failed_) return false;
  size_ += n;
  if (!chunk_) {
    if (small_.size() + n <= kSmallBody) {
      small_.append(data, n);
      return true;
    }
    if (!start_streaming()) return false;
  }
  while (n > 0) {
    std::size_t k = std::min(n, kChunk - chunk_->size());
    chunk_->append(data, k);
    data += k;
    n -= k;
    if (chunk_->size() == kChunk && !ship_chunk()) return false;
  }
  return true;
}

Result<BlobInfo> BlobWriter::commit(std::size_t inline_limit) {
  auto io_error = [&](const std::string& what) {
    return unexpected(aws_error("InternalError",
                                fmt::format("pipemu could not store the body ({}: {})", what,
                                            std::strerror(errno_ ? errno_ : errno)),
                                500));
  };
  if (failed_) return io_error("write");
  if (chunk_) {
    if (!ship_chunk()) return io_error("write");
    md5_thread_->finish();
    sha_thread_->finish();
  } else {
    h_->update_md5(small_.data(), small_.size());
    h_->update_sha(small_.data(), small_.size());
  }
  unsigned char md5[EVP_MAX_MD_SIZE], sha[EVP_MAX_MD_SIZE];
  unsigned md5n = 0, shan = 0;
  EVP_DigestFinal_ex(h_->md5, md5, &md5n);
  EVP_DigestFinal_ex(h_->sha, sha, &shan);
  BlobInfo info{hex(sha, shan), hex(md5, md5n), std::string(reinterpret_cast<char*>(md5), md5n),
                size_, h_->extra ? h_->extra->finish() : std::string(), std::nullopt};
  if (fits_inline(inline_limit)) {
    info.inline_body = std::move(small_);
    small_ = std::string();
    return info;
  }
  return link_into_place(std::move(info));
}

Result<BlobInfo> BlobWriter::link_into_place(BlobInfo info) {
  auto io_error = [&](const std::string& what) {
    return unexpected(aws_error(
        "InternalError",
        fmt::format("pipemu could not store the body ({}: {})", what, std::strerror(errno_)),
        500));
  };
  fs::path dest = root_ / info.sha256.substr(0, 2) / info.sha256;
  std::error_code ec;
  if (!chunk_) {
    // Small body: the same bytes are already stored, or they get written now.
    if (fs::exists(dest, ec)) return info;
    fs::create_directories(dest.parent_path(), ec);
    if (!open_temp(dest.parent_path())) return io_error("open");
    if (!write_fd(small_.data(), small_.size())) return io_error("write");
  } else {
    fs::create_directories(dest.parent_path(), ec);
  }
  if (durable_ && ::fsync(fd_) != 0) {
    errno_ = errno;
    return io_error("fsync");
  }
  if (tmp_.empty()) {
    // Give the anonymous file its content name. EEXIST: another writer stored the same bytes.
    std::string proc = fmt::format("/proc/self/fd/{}", fd_);
    int rc = ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, dest.c_str(), AT_SYMLINK_FOLLOW);
    if (rc != 0 && errno == ENOENT)  // no /proc: AT_EMPTY_PATH (needs CAP_DAC_READ_SEARCH)
      rc = ::linkat(fd_, "", AT_FDCWD, dest.c_str(), AT_EMPTY_PATH);
    if (rc != 0 && errno != EEXIST) {
      errno_ = errno;
      return io_error("link");
    }
  } else {
    if (::rename(tmp_.c_str(), dest.c_str()) != 0) {
      errno_ = errno;
      return io_error("rename");
    }
    tmp_.clear();
  }
  ::close(fd_);
  fd_ = -1;
  if (durable_ && !fsync_dir(dest.parent_path())) {
    errno_ = errno;
    return io_error("fsync directory");
  }
  return info;
}

BlobStore::BlobStore(fs::path root, bool durable) : root_(std::move(root)), durable_(durable) {
  fs::create_directories(root_ / "tmp");
  // Temp files of a killed writer (named-temp fallback) are garbage: nothing refers to them.
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root_ / "tmp", ec)) fs::remove(e.path(), ec);
}

Result<BlobInfo> BlobStore::put(const std::string& data) const {
  auto w = writer();
  w.write(data.data(), data.size());
  return w.commit();  // reports a failed write
}

Result<BlobInfo> BlobStore::put_file(const fs::path& file) const {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return unexpected(aws_error("InternalError", "cannot read " + file.string(), 500));
  auto w = writer();
  std::string buf(BlobWriter::kChunk, '\0');
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    auto n = static_cast<std::size_t>(in.gcount());
    if (n > 0 && !w.write(buf.data(), n)) break;
  }
  return w.commit();
}

fs::path BlobStore::path(const std::string& sha256) const {
  return root_ / sha256.substr(0, 2) / sha256;
}

bool BlobStore::exists(const std::string& sha256) const {
  std::error_code ec;
  return fs::exists(path(sha256), ec);
}

bool BlobStore::read(const std::string& sha256, std::string& out) const {
  std::ifstream in(path(sha256), std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), {});
  return true;
}

void BlobStore::remove(const std::string& sha256) const {
  std::error_code ec;
  fs::remove(path(sha256), ec);
}

void BlobStore::clear() const {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root_, ec))
    // tmp/ holds writers' files; .gc-lock must stay the one file every guard locks.
    if (e.path().filename() != "tmp" && e.path().filename() != ".gc-lock")
      fs::remove_all(e.path(), ec);
}

}  // namespace pipemu::fakes
