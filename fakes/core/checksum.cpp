#include "fakes/core/checksum.hpp"

#include <openssl/evp.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#include <nmmintrin.h>
#endif

namespace pipemu::fakes {

namespace {

// CRC32C, reflected polynomial 0x82F63B78 (RFC 3720), byte-wise table for CPUs without SSE4.2.
std::uint32_t crc32c_table(std::uint32_t crc, const unsigned char* p, std::size_t n) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (std::size_t i = 0; i < n; ++i) crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t crc32c_sse42(std::uint32_t crc,
                                                              const unsigned char* p,
                                                              std::size_t n) {
  std::uint64_t c = ~crc;
  while (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    c = _mm_crc32_u64(c, v);
    p += 8;
    n -= 8;
  }
  auto c32 = static_cast<std::uint32_t>(c);
  while (n-- > 0) c32 = _mm_crc32_u8(c32, *p++);
  return ~c32;
}

bool has_sse42() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_2);
}
#endif

std::uint32_t crc32c(std::uint32_t crc, const unsigned char* p, std::size_t n) {
#if defined(__x86_64__)
  static const bool hw = has_sse42();
  if (hw) return crc32c_sse42(crc, p, n);
#endif
  return crc32c_table(crc, p, n);
}

std::string big_endian(std::uint32_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[static_cast<std::size_t>(i)] = static_cast<char>(v >> (24 - 8 * i));
  return s;
}

}  // namespace

std::optional<ChecksumAlgorithm> parse_checksum_algorithm(const std::string& name) {
  std::string n = name;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::toupper(c); });
  if (n == "CRC32") return ChecksumAlgorithm::Crc32;
  if (n == "CRC32C") return ChecksumAlgorithm::Crc32c;
  if (n == "SHA1") return ChecksumAlgorithm::Sha1;
  if (n == "SHA256") return ChecksumAlgorithm::Sha256;
  return std::nullopt;
}

std::string checksum_name(ChecksumAlgorithm a) {
  switch (a) {
    case ChecksumAlgorithm::Crc32: return "CRC32";
    case ChecksumAlgorithm::Crc32c: return "CRC32C";
    case ChecksumAlgorithm::Sha1: return "SHA1";
    case ChecksumAlgorithm::Sha256: return "SHA256";
  }
  return "";
}

std::string checksum_header(ChecksumAlgorithm a) {
  std::string n = checksum_name(a);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  return "x-amz-checksum-" + n;
}

struct Checksum::Evp {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Evp() { EVP_MD_CTX_free(ctx); }
};

Checksum::Checksum(ChecksumAlgorithm a) : algorithm_(a) {
  if (a == ChecksumAlgorithm::Sha1 || a == ChecksumAlgorithm::Sha256) {
    evp_ = std::make_unique<Evp>();
    EVP_DigestInit_ex(evp_->ctx, a == ChecksumAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256(),
                      nullptr);
  }
}
Checksum::~Checksum() = default;
Checksum::Checksum(Checksum&&) noexcept = default;
Checksum& Checksum::operator=(Checksum&&) noexcept = default;

void Checksum::update(const char* data, std::size_t n) {
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  switch (algorithm_) {
    case ChecksumAlgorithm::Crc32:
      // zlib takes uInt lengths: feed in bounded slices.
      while (n > 0) {
        auto k = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
        crc_ = ::crc32(crc_, p, k);
        p += k;
        n -= k;
      }
      break;
    case ChecksumAlgorithm::Crc32c:
      crc_ = crc32c(static_cast<std::uint32_t>(crc_), p, n);
      break;
    default:
      EVP_DigestUpdate(evp_->ctx, p, n);
  }
}

std::string Checksum::finish() {
  if (!evp_) return big_endian(static_cast<std::uint32_t>(crc_));
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_DigestFinal_ex(evp_->ctx, out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string checksum_of(ChecksumAlgorithm a, const std::string& data) {
  Checksum c(a);
  c.update(data.data(), data.size());
  return c.finish();
}

std::string base64_encode(const std::string& raw) {
  std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(raw.data()),
                          static_cast<int>(raw.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> base64_decode(const std::string& text) {
  if (text.empty()) return std::string();
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the '=' padding as zero bytes.
  std::size_t pad = 0;
  if (text.back() == '=') ++pad;
  if (text.size() >= 2 && text[text.size() - 2] == '=') ++pad;
  out.resize(static_cast<std::size_t>(n) - pad);
  return out;
}

}  // namespace pipemu::fakes
