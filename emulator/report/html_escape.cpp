#include <algorithm>

#include "report/html.hpp"
#include "report/html_parts.hpp"

namespace pipemu::report {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace html {

std::string status_class(engine::Status s) {
  std::string name(engine::to_string(s));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "st-" + name;
}

std::string status_glyph(engine::Status s) {
  switch (s) {
    case engine::Status::Succeeded:
      return "✔";
    case engine::Status::Failed:
      return "✘";
    case engine::Status::InProgress:
      return "…";
    case engine::Status::Stopped:
    case engine::Status::Abandoned:
      return "■";
    case engine::Status::NotStarted:
      return "○";
  }
  return "?";
}

std::string region_class(const RunView& v, const std::string& region) {
  auto it = std::find(v.regions.begin(), v.regions.end(), region);
  std::size_t i = it == v.regions.end() ? 0 : static_cast<std::size_t>(it - v.regions.begin());
  return "rg-" + std::to_string(i % 8);
}

std::string short_hash(const std::string& sha256) {
  return sha256.substr(0, 12);
}

}  // namespace html
}  // namespace pipemu::report
