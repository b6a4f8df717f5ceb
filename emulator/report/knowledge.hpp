#pragma once
// What pipemu knows about CodePipeline actions and AWS errors, as data: what an action of a given
// kind does (in words) and, for an AWS error message, what it means and the usual fix. The HTML
// report, the terminal's failure block and `pipemu explain` all read these two tables, so the
// wording lives in one place (knowledge_table.cpp) and never in the renderers.
//
// Texts are templates. `{Name}` is replaced by vars["Name"] (action configuration keys such as
// StackName, plus region, action, stage, inputs, outputs, pipeline_region); `{Name|fallback}` uses
// the fallback when the variable is missing or empty. In error fixes `$1`..`$9` are the pattern's
// capture groups.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pipemu::report {

using Vars = std::map<std::string, std::string, std::less<>>;

// One kind of action. Empty category/provider/mode match anything; the most specific row wins.
struct ActionKnowledge {
  std::string_view category;
  std::string_view provider;
  std::string_view mode;  // CloudFormation ActionMode; "" for providers without modes
  std::string_view does;  // template: what the action does, in words
};

// One AWS error. `code` (exact, "" = any) and `pattern` (ECMAScript regex searched in the
// message, "" = any) must both match. The first matching row wins, so specific rows come first.
struct ErrorKnowledge {
  std::string_view id;  // stable key ("missing-export"), for tests and `pipemu explain`
  std::string_view code;
  std::string_view pattern;
  std::string_view meaning;  // template: what AWS is saying
  std::string_view fix;      // template: the usual fix
};

std::span<const ActionKnowledge> action_knowledge();
std::span<const ErrorKnowledge> error_knowledge();

// The filled-in description of an action of this kind ("" never: a generic row always matches).
std::string describe_action(std::string_view category, std::string_view provider,
                            std::string_view mode, const Vars& vars);

struct Advice {
  std::string id;
  std::string meaning;
  std::string fix;
};

// The advice for an error, or nullopt when no row matches (then say nothing rather than guess).
std::optional<Advice> advise(std::string_view code, std::string_view message, const Vars& vars);

// Fills `{Name}` / `{Name|fallback}` from vars and `$1`..`$9` from captures (index 0 = whole
// match).
std::string fill_template(std::string_view text, const Vars& vars,
                          std::span<const std::string> captures = {});

}  // namespace pipemu::report
