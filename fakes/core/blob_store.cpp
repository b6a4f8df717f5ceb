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

constexpr std::size_t kBuffer = 256 * 1024;

}  // namespace

struct BlobWriter::Hashes {
  EVP_MD_CTX* md5 = EVP_MD_CTX_new();
  EVP_MD_CTX* sha = EVP_MD_CTX_new();
  Hashes() {
    EVP_DigestInit_ex(md5, EVP_md5(), nullptr);
    EVP_DigestInit_ex(sha, EVP_sha256(), nullptr);
  }
  ~Hashes() {
    EVP_MD_CTX_free(md5);
    EVP_MD_CTX_free(sha);
  }
};

BlobWriter::BlobWriter(fs::path root, bool durable)
    : root_(std::move(root)), durable_(durable), h_(std::make_unique<Hashes>()) {
  tmp_ = root_ / "tmp" / temp_name();
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  buf_.reserve(kBuffer);
}

BlobWriter::BlobWriter(BlobWriter&& o) noexcept
    : root_(std::move(o.root_)), tmp_(std::move(o.tmp_)), fd_(o.fd_), failed_(o.failed_),
      durable_(o.durable_), size_(o.size_), buf_(std::move(o.buf_)), h_(std::move(o.h_)) {
  o.fd_ = -1;
  o.tmp_.clear();
}

BlobWriter::~BlobWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!tmp_.empty()) {
    std::error_code ec;
    fs::remove(tmp_, ec);
  }
}

bool BlobWriter::flush() {
  std::size_t off = 0;
  while (off < buf_.size()) {
    ssize_t n = ::write(fd_, buf_.data() + off, buf_.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      failed_ = true;
      return false;
    }
    off += static_cast<std::size_t>(n);
  }
  buf_.clear();
  return true;
}

bool BlobWriter::write(const char* data, std::size_t n) {
  if (!ok()) return false;
  EVP_DigestUpdate(h_->md5, data, n);
  EVP_DigestUpdate(h_->sha, data, n);
  size_ += n;
  if (buf_.size() + n > kBuffer && !flush()) return false;
  if (n >= kBuffer) {
    buf_.assign(data, n);
    return flush();
  }
  buf_.append(data, n);
  return true;
}

Result<BlobInfo> BlobWriter::commit() {
  auto io_error = [&](const std::string& what) {
    return unexpected(aws_error("InternalError",
                                fmt::format("pipemu could not store the body ({}: {})", what,
                                            std::strerror(errno)),
                                500));
  };
  if (fd_ < 0) return io_error("open " + tmp_.string());
  if (!flush() || failed_) return io_error("write");
  if (durable_ && ::fsync(fd_) != 0) return io_error("fsync");
  ::close(fd_);
  fd_ = -1;
  unsigned char md5[EVP_MAX_MD_SIZE], sha[EVP_MAX_MD_SIZE];
  unsigned md5n = 0, shan = 0;
  EVP_DigestFinal_ex(h_->md5, md5, &md5n);
  EVP_DigestFinal_ex(h_->sha, sha, &shan);
  BlobInfo info{hex(sha, shan), hex(md5, md5n), std::string(reinterpret_cast<char*>(md5), md5n),
                size_};
  fs::path dest = root_ / info.sha256.substr(0, 2) / info.sha256;
  std::error_code ec;
  fs::create_directories(dest.parent_path(), ec);
  if (::rename(tmp_.c_str(), dest.c_str()) != 0) return io_error("rename");
  tmp_.clear();
  return info;
}

BlobStore::BlobStore(fs::path root, bool durable) : root_(std::move(root)), durable_(durable) {
  fs::create_directories(root_ / "tmp");
  // Temp files of a killed writer are garbage: nothing refers to them.
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
  std::string buf(kBuffer, '\0');
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
    if (e.path().filename() != "tmp") fs::remove_all(e.path(), ec);
}

}  // namespace pipemu::fakes
