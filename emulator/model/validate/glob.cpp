#include "model/validate/glob.hpp"

#include <string>
#include <vector>

#include "model/text.hpp"

namespace pipemu::model::validate {
namespace {

bool segment_match(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p[0] == '*') {
    for (size_t i = 0; i <= s.size(); ++i)
      if (segment_match(p.substr(1), s.substr(i))) return true;
    return false;
  }
  if (s.empty()) return false;
  return (p[0] == '?' || p[0] == s[0]) && segment_match(p.substr(1), s.substr(1));
}

bool match(const std::vector<std::string>& p, size_t pi, const std::vector<std::string>& s,
           size_t si) {
  if (pi == p.size()) return si == s.size();
  if (p[pi] == "**") {
    for (size_t k = si; k <= s.size(); ++k)
      if (match(p, pi + 1, s, k)) return true;
    return false;
  }
  return si < s.size() && segment_match(p[pi], s[si]) && match(p, pi + 1, s, si + 1);
}

std::vector<std::string> segments(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  std::vector<std::string> out;
  for (auto& seg : text::split(path, '/'))
    if (!seg.empty() && seg != ".") out.push_back(seg);
  return out;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return match(segments(pattern), 0, segments(path), 0);
}

}  // namespace pipemu::model::validate
