#pragma once
// S3's flexible checksums (x-amz-checksum-crc32 / crc32c / sha1 / sha256): one running digest of
// an object body, fed in chunks, finished as the raw big-endian bytes S3 base64-encodes on the
// wire. CRC32 comes from zlib, SHA-1/SHA-256 from OpenSSL; CRC32C (Castagnoli) has no Debian C
// library, so it is computed here (SSE4.2's crc32 instruction when the CPU has it, else a table).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace pipemu::fakes {

enum class ChecksumAlgorithm { Crc32, Crc32c, Sha1, Sha256 };

// "CRC32" | "CRC32C" | "SHA1" | "SHA256" (case-insensitive) -> algorithm.
std::optional<ChecksumAlgorithm> parse_checksum_algorithm(const std::string& name);
// The wire name ("CRC32", ...) and the header that carries the value ("x-amz-checksum-crc32").
std::string checksum_name(ChecksumAlgorithm a);
std::string checksum_header(ChecksumAlgorithm a);

class Checksum {
 public:
  explicit Checksum(ChecksumAlgorithm a);
  ~Checksum();
  Checksum(Checksum&&) noexcept;
  Checksum& operator=(Checksum&&) noexcept;
  void update(const char* data, std::size_t n);
  // Raw digest bytes (4 for the CRCs, 20 / 32 for the SHAs); call once.
  std::string finish();
  ChecksumAlgorithm algorithm() const { return algorithm_; }

 private:
  ChecksumAlgorithm algorithm_;
  unsigned long crc_ = 0;
  struct Evp;
  std::unique_ptr<Evp> evp_;
};

// One-shot helpers.
std::string checksum_of(ChecksumAlgorithm a, const std::string& data);
std::string base64_encode(const std::string& raw);
// Empty optional on malformed base64.
std::optional<std::string> base64_decode(const std::string& text);

}  // namespace pipemu::fakes
