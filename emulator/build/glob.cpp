#include "build/glob.hpp"

#include <fnmatch.h>

#include <vector>

#include "model/text.hpp"

namespace pipemu::build {
namespace {

std::vector<std::string> segments(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t slash = s.find('/', start);
    if (slash == std::string_view::npos) slash = s.size();
    std::string seg(s.substr(start, slash - start));
    if (!seg.empty() && seg != ".") out.push_back(seg);
    start = slash + 1;
  }
  return out;
}

bool match_from(const std::vector<std::string>& pat, size_t pi, const std::vector<std::string>& path,
                size_t si) {
  if (pi == pat.size()) return si == path.size();
  if (pat[pi] == "**") {
    for (size_t k = si; k <= path.size(); ++k)
      if (match_from(pat, pi + 1, path, k)) return true;
    return false;
  }
  if (si == path.size()) return false;
  if (fnmatch(pat[pi].c_str(), path[si].c_str(), 0) != 0) return false;
  return match_from(pat, pi + 1, path, si + 1);
}

}  // namespace

bool has_glob_chars(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_from(segments(pattern), 0, segments(path), 0);
}

std::string glob_prefix(std::string_view pattern) {
  std::string out;
  for (const auto& seg : segments(pattern)) {
    if (has_glob_chars(seg)) break;
    if (!out.empty()) out += '/';
    out += seg;
  }
  if (!pattern.empty() && pattern[0] == '/') out = "/" + out;
  return out;
}

}  // namespace pipemu::build
