#pragma once
// Helpers the model loaders share to read a Node tree defensively: every wrong shape becomes
// a diagnostic at the offending node, never an exception.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/node.hpp"

namespace pipemu::model::read {

// The scalar's text, or "" when the node is absent, null, a map (e.g. an unresolved intrinsic
// such as {Ref: X}) or a sequence.
std::string scalar(const Node* n);

// The mark of `key` inside `map` (the key itself, which reads best in a diagnostic), or the
// map's own mark when the key is absent.
Mark key_mark(const Node& map, std::string_view key);

// YAML/JSON booleans the way AWS reads them: true/false, yes/no (buildspec), any case.
std::optional<bool> boolean(const Node& n);

// A plain or quoted integer; nullopt for anything else (including unresolved intrinsics).
std::optional<long> integer(const Node& n);

// A scalar or a list of scalars (buildspec `files: x` and `files: [x, y]` both mean a list).
// Each item keeps its node for its mark.
std::vector<Node> scalar_or_list(const Node& n);

// Reports every key of `map` not in `known`. `message(key)` builds the text; the hint is
// "did you mean 'X'?" when a known key is close.
void unknown_keys(const Node& map, const std::vector<std::string>& known, Diagnostics& diags,
                  Severity severity, const std::string& rule,
                  const std::function<std::string(const std::string&)>& message);

// Checks the node is a map (or absent); otherwise reports "`what` must be a mapping".
bool expect_map(const Node* n, const std::string& what, Diagnostics& diags,
                const std::string& rule);
bool expect_sequence(const Node* n, const std::string& what, Diagnostics& diags,
                     const std::string& rule);

}  // namespace pipemu::model::read
