#pragma once
// Content-addressed storage for object bodies: <dir>/<sha256[0:2]>/<sha256>. File names come only
// from hex digests, so no client input ever becomes a path.
//
// Writing (BlobWriter): a body up to kSmallBody stays in memory; at commit() it is hashed and, if
// a blob with that address exists, nothing is written at all (re-uploads of the same bytes, the
// common case for build artifacts, cost no file I/O). Otherwise, and for larger bodies streamed as
// they arrive, the bytes go to an anonymous O_TMPFILE that is linked under its content name only
// once complete: a killed writer leaves nothing behind, never a half-written blob under a content
// name (a named temp file + rename is the fallback where O_TMPFILE is unsupported). Large bodies
// are hashed on two DigestThreads (MD5; SHA-256 + the flexible checksum) beside the writes.
//
// Durability (docs/fakes.md "Durability"): durable=false (the default) is durable against a
// killed process (written pages belong to the kernel), like SQLite's WAL with synchronous=NORMAL;
// durable=true (`serve --fsync`) fsyncs the file and its directory before the blob becomes
// visible, so a row that survives a power loss never names a lost body.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "fakes/core/aws_error.hpp"
#include "fakes/core/checksum.hpp"

namespace pipemu::fakes {

struct BlobInfo {
  std::string sha256;   // hex, the blob's address
  std::string md5_hex;  // hex, S3's single-part ETag
  std::string md5_raw;  // 16 binary bytes (multipart ETags hash these)
  std::uint64_t size = 0;
  std::string checksum;  // raw bytes of the requested flexible checksum ("" when none)
  // The body itself when commit(inline_limit) kept it out of the store (small bodies the caller
  // stores inline, in its database row); nullopt when the body is a blob file.
  std::optional<std::string> inline_body;
};

class DigestThread;

class BlobWriter {
 public:
  static constexpr std::size_t kSmallBody = 256 * 1024;
  static constexpr std::size_t kChunk = 1024 * 1024;

  BlobWriter(std::filesystem::path root, bool durable,
             std::optional<ChecksumAlgorithm> checksum = std::nullopt);
  ~BlobWriter();  // discards an uncommitted body
  BlobWriter(const BlobWriter&) = delete;
  BlobWriter& operator=(const BlobWriter&) = delete;
  BlobWriter(BlobWriter&&) noexcept;

  bool ok() const { return !failed_; }
  bool write(const char* data, std::size_t n);  // false on an I/O error
  // Hashes the body and links it under its content name. A body of at most inline_limit bytes
  // (still in memory) is not written at all: it comes back in BlobInfo::inline_body.
  Result<BlobInfo> commit(std::size_t inline_limit = 0);
  // True when commit(inline_limit) will hand the body back instead of storing a blob.
  bool fits_inline(std::size_t inline_limit) const { return !chunk_ && size_ <= inline_limit; }

 private:
  struct Hashes;
  bool open_temp(const std::filesystem::path& dir);
  bool write_fd(const char* data, std::size_t n);
  bool start_streaming();  // the body outgrew kSmallBody
  bool ship_chunk();       // writes the current chunk and hands it to the digest threads
  Result<BlobInfo> link_into_place(BlobInfo info);
  std::filesystem::path root_;
  bool durable_ = false;
  std::optional<ChecksumAlgorithm> checksum_;
  int fd_ = -1;
  std::filesystem::path tmp_;  // named temp file (fallback only)
  bool failed_ = false;
  int errno_ = 0;
  std::uint64_t size_ = 0;
  std::string small_;
  std::shared_ptr<std::string> chunk_;
  std::unique_ptr<Hashes> h_;
  std::unique_ptr<DigestThread> md5_thread_;
  std::unique_ptr<DigestThread> sha_thread_;
};

class BlobStore {
 public:
  explicit BlobStore(std::filesystem::path root, bool durable = false);
  BlobWriter writer(std::optional<ChecksumAlgorithm> checksum = std::nullopt) const {
    return BlobWriter(root_, durable_, checksum);
  }
  Result<BlobInfo> put(const std::string& data) const;
  Result<BlobInfo> put_file(const std::filesystem::path& file) const;
  std::filesystem::path path(const std::string& sha256) const;
  bool exists(const std::string& sha256) const;
  // Reads a whole blob (small bodies only; large ones are streamed from path()).
  bool read(const std::string& sha256, std::string& out) const;
  void remove(const std::string& sha256) const;
  void clear() const;
  const std::filesystem::path& root() const { return root_; }
  bool durable() const { return durable_; }

 private:
  std::filesystem::path root_;
  bool durable_;
};

}  // namespace pipemu::fakes
