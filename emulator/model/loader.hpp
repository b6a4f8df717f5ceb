#pragma once
// Loads YAML or JSON (JSON is read by the YAML parser, so it gets marks too) into a Node tree.
// CloudFormation short-form tags are normalised to long forms. A syntax error becomes one
// Diagnostic with the parser's position; the loader never throws.
#include <string>

#include "model/diagnostic.hpp"
#include "model/expected.hpp"
#include "model/node.hpp"

namespace pipemu::model {

using LoadResult = Expected<Node, Diagnostic>;

LoadResult load_file(const std::string& path);
// `path` only labels marks and diagnostics.
LoadResult load_text(const std::string& path, std::string text);

// The short-form tags CloudFormation accepts, without the leading '!'.
const std::vector<std::string>& short_form_tags();

}  // namespace pipemu::model
