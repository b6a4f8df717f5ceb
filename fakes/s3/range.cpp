#include "fakes/s3/range.hpp"

#include <charconv>

namespace pipemu::s3 {

namespace {
bool number(const std::string& s, std::uint64_t& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

std::optional<ByteRange> parse_range(const std::string& header, std::uint64_t size) {
  const std::string unit = "bytes=";
  if (header.rfind(unit, 0) != 0) return std::nullopt;
  std::string spec = header.substr(unit.size());
  if (spec.find(',') != std::string::npos) return std::nullopt;
  auto dash = spec.find('-');
  if (dash == std::string::npos) return std::nullopt;
  std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
  std::uint64_t first = 0, last = 0;
  if (a.empty()) {  // suffix: the last N bytes
    if (!number(b, last)) return std::nullopt;
    if (last == 0 || size == 0) return ByteRange{false, 0, 0};
    std::uint64_t n = last > size ? size : last;
    return ByteRange{true, size - n, n};
  }
  if (!number(a, first)) return std::nullopt;
  if (b.empty()) {
    last = size == 0 ? 0 : size - 1;
  } else {
    if (!number(b, last) || last < first) return std::nullopt;
    if (last >= size) last = size == 0 ? 0 : size - 1;
  }
  if (first >= size) return ByteRange{false, 0, 0};
  return ByteRange{true, first, last - first + 1};
}

}  // namespace pipemu::s3
