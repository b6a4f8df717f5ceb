#pragma once
// Content-addressed storage for object bodies: <dir>/<sha256[0:2]>/<sha256>. A body is streamed
// into a temporary file under <dir>/tmp while its MD5 (the S3 ETag) and SHA-256 (its address) are
// computed; commit() fsyncs and renames it into place, so a killed writer leaves at most a stray
// temp file and never a half-written blob under a content name. File names come only from hex
// digests, so no client input ever becomes a path.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "fakes/core/aws_error.hpp"

namespace pipemu::fakes {

struct BlobInfo {
  std::string sha256;   // hex, the blob's address
  std::string md5_hex;  // hex, S3's single-part ETag
  std::string md5_raw;  // 16 binary bytes (multipart ETags hash these)
  std::uint64_t size = 0;
};

class BlobWriter {
 public:
  BlobWriter(std::filesystem::path root, bool durable);
  ~BlobWriter();  // removes the temp file unless committed
  BlobWriter(const BlobWriter&) = delete;
  BlobWriter& operator=(const BlobWriter&) = delete;
  BlobWriter(BlobWriter&&) noexcept;

  bool ok() const { return fd_ >= 0 && !failed_; }
  bool write(const char* data, std::size_t n);  // false on an I/O error
  Result<BlobInfo> commit();

 private:
  bool flush();
  struct Hashes;
  std::filesystem::path root_;
  std::filesystem::path tmp_;
  int fd_ = -1;
  bool failed_ = false;
  bool durable_ = true;
  std::uint64_t size_ = 0;
  std::string buf_;
  std::unique_ptr<Hashes> h_;
};

class BlobStore {
 public:
  // durable: fsync each blob before it becomes visible.
  explicit BlobStore(std::filesystem::path root, bool durable = true);
  BlobWriter writer() const { return BlobWriter(root_, durable_); }
  Result<BlobInfo> put(const std::string& data) const;
  Result<BlobInfo> put_file(const std::filesystem::path& file) const;
  std::filesystem::path path(const std::string& sha256) const;
  bool exists(const std::string& sha256) const;
  // Reads a whole blob (small bodies only; large ones are streamed from path()).
  bool read(const std::string& sha256, std::string& out) const;
  void remove(const std::string& sha256) const;
  void clear() const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  bool durable_;
};

}  // namespace pipemu::fakes
