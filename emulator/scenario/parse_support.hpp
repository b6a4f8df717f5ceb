#pragma once
// Small readers the scenario parser files share: each reports a wrong shape as a Diagnostic at
// the node and returns what it could read.
#include <map>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/node.hpp"
#include "scenario/spec.hpp"

namespace pipemu::scenario::detail {

inline constexpr const char* kRule = "scenario";

struct Reader {
  model::Diagnostics& diags;

  void error(const Mark& m, std::string msg, std::string hint = {}) {
    diags.error(m, std::move(msg), kRule, std::move(hint));
  }
  // A scalar's text; any other shape is an error naming `what`.
  std::string str(const model::Node& n, const std::string& what);
  Text text(const model::Node& n, const std::string& what) { return {str(n, what), n.mark()}; }
  // A map of scalar -> scalar.
  std::map<std::string, std::string> string_map(const model::Node& n, const std::string& what);
  std::map<std::string, Text> text_map(const model::Node& n, const std::string& what);
  // A scalar or a list of scalars.
  std::vector<Text> text_list(const model::Node& n, const std::string& what);
  // Checks `n` is a map and reports keys outside `known`.
  bool map(const model::Node& n, const std::string& what, const std::vector<std::string>& known);
  // An integer, or an error.
  long integer(const model::Node& n, const std::string& what, long fallback);
  // A word from `allowed`, or an error with "did you mean".
  std::string word(const model::Node& n, const std::string& what,
                   const std::vector<std::string>& allowed);
};

// The status words CodePipeline (and pipemu's NotStarted) use.
const std::vector<std::string>& status_words();

}  // namespace pipemu::scenario::detail
