#pragma once
// Character-class checks for AWS names. Hand-written rather than std::regex: libstdc++'s regex
// recurses per character, so a pathological multi-megabyte name could overflow the stack.
#include <cctype>
#include <string_view>

namespace pipemu::model::validate {

// 1..max_len characters, each alphanumeric or one of `extra`.
inline bool name_ok(std::string_view s, std::string_view extra, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && extra.find(c) == std::string_view::npos)
      return false;
  return true;
}

}  // namespace pipemu::model::validate
