#include "scenario/parse_support.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/node_read.hpp"
#include "model/text.hpp"

namespace pipemu::scenario::detail {

std::string Reader::str(const model::Node& n, const std::string& what) {
  if (n.is_scalar()) return n.str();
  if (n.is_null()) return {};
  error(n.mark(), fmt::format("{} must be a single value", what));
  return {};
}

std::map<std::string, std::string> Reader::string_map(const model::Node& n,
                                                      const std::string& what) {
  std::map<std::string, std::string> out;
  for (auto& [k, v] : text_map(n, what)) out[k] = v.value;
  return out;
}

std::map<std::string, Text> Reader::text_map(const model::Node& n, const std::string& what) {
  std::map<std::string, Text> out;
  if (n.is_null()) return out;
  if (!n.is_map()) {
    error(n.mark(), fmt::format("{} must be a mapping", what));
    return out;
  }
  for (const auto& e : n.entries()) out[e.key] = Text{str(e.value, what + "." + e.key), e.value.mark()};
  return out;
}

std::vector<Text> Reader::text_list(const model::Node& n, const std::string& what) {
  std::vector<Text> out;
  if (n.is_map()) {
    error(n.mark(), fmt::format("{} must be a value or a list of values", what));
    return out;
  }
  for (const auto& item : model::read::scalar_or_list(n)) out.push_back(text(item, what));
  return out;
}

bool Reader::map(const model::Node& n, const std::string& what,
                 const std::vector<std::string>& known) {
  if (!n.is_map()) {
    error(n.mark(), fmt::format("{} must be a mapping", what));
    return false;
  }
  model::read::unknown_keys(n, known, diags, model::Severity::Error, kRule,
                            [&](const std::string& k) {
                              return fmt::format("unknown key '{}' in {}", k, what);
                            });
  return true;
}

long Reader::integer(const model::Node& n, const std::string& what, long fallback) {
  auto v = model::read::integer(n);
  if (v) return *v;
  error(n.mark(), fmt::format("{} must be a whole number", what));
  return fallback;
}

std::string Reader::word(const model::Node& n, const std::string& what,
                         const std::vector<std::string>& allowed) {
  std::string v = str(n, what);
  if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
  std::string near = text::closest(v, allowed);
  error(n.mark(), fmt::format("{} '{}' is not one of: {}", what, v, text::join(allowed, ", ")),
        near.empty() ? std::string() : fmt::format("did you mean '{}'?", near));
  return v;
}

const std::vector<std::string>& status_words() {
  static const std::vector<std::string> w = {"NotStarted", "InProgress", "Succeeded",
                                             "Failed",     "Stopped",    "Abandoned"};
  return w;
}

}  // namespace pipemu::scenario::detail
