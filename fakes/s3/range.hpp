#pragma once
// HTTP Range for GetObject: one "bytes=" range. Unparseable or multi-range headers are ignored
// (whole object, 200), as S3 does; a syntactically valid but unsatisfiable range is InvalidRange.
#include <cstdint>
#include <optional>
#include <string>

namespace pipemu::s3 {

struct ByteRange {
  bool satisfiable = true;
  std::uint64_t first = 0;
  std::uint64_t length = 0;
};

// nullopt: no usable range (serve the whole object).
std::optional<ByteRange> parse_range(const std::string& header, std::uint64_t size);

}  // namespace pipemu::s3
