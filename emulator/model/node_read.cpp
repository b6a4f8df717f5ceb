#include "model/node_read.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "model/text.hpp"

namespace pipemu::model::read {

std::string scalar(const Node* n) {
  return n && n->is_scalar() ? n->str() : std::string();
}

Mark key_mark(const Node& map, std::string_view key) {
  const Entry* e = map.find_entry(key);
  return e ? e->key_mark : map.mark();
}

std::optional<bool> boolean(const Node& n) {
  if (!n.is_scalar()) return std::nullopt;
  std::string v = n.str();
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
  if (v == "true" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "no" || v == "off") return false;
  return std::nullopt;
}

std::optional<long> integer(const Node& n) {
  if (!n.is_scalar()) return std::nullopt;
  const std::string& s = n.str();
  if (s.empty() || s.size() > 18) return std::nullopt;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) return std::nullopt;
  for (size_t j = i; j < s.size(); ++j)
    if (!std::isdigit(static_cast<unsigned char>(s[j]))) return std::nullopt;
  return std::stol(s);
}

std::vector<Node> scalar_or_list(const Node& n) {
  if (n.is_scalar()) return {n};
  if (n.is_sequence()) return n.items();
  return {};
}

void unknown_keys(const Node& map, const std::vector<std::string>& known, Diagnostics& diags,
                  Severity severity, const std::string& rule,
                  const std::function<std::string(const std::string&)>& message) {
  if (!map.is_map()) return;
  for (const auto& e : map.entries()) {
    if (std::find(known.begin(), known.end(), e.key) != known.end()) continue;
    std::string near = text::closest(e.key, known);
    std::string hint = near.empty() ? fmt::format("known keys here: {}", text::join(known, ", "))
                                    : fmt::format("did you mean '{}'?", near);
    diags.add(Diagnostic{severity, e.key_mark, message(e.key), rule, hint});
  }
}

static bool expect_kind(const Node* n, Node::Kind kind, const char* noun, const std::string& what,
                        Diagnostics& diags, const std::string& rule) {
  if (!n || n->is_null() || n->kind() == kind) return true;
  diags.error(n->mark(), fmt::format("{} must be a {}", what, noun), rule);
  return false;
}

bool expect_map(const Node* n, const std::string& what, Diagnostics& diags,
                const std::string& rule) {
  return expect_kind(n, Node::Kind::Map, "mapping", what, diags, rule);
}
bool expect_sequence(const Node* n, const std::string& what, Diagnostics& diags,
                     const std::string& rule) {
  return expect_kind(n, Node::Kind::Sequence, "list", what, diags, rule);
}

}  // namespace pipemu::model::read
