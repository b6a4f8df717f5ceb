#pragma once
// The live view an operation evaluates against: the stack's resources as they stand right now
// (by logical id), exposed to the template evaluator through its callbacks. For change-set
// previews, resources that do not exist yet (or will be replaced) answer with placeholders, so
// the preview can tell a Static change from a Dynamic one.
#include <map>
#include <set>
#include <string>

#include "fakes/cloudformation/engine/env.hpp"
#include "fakes/cloudformation/template/context.hpp"

namespace pipemu::cfn {

class Runtime {
 public:
  std::map<std::string, Resource> resources;
  // Preview mode: Ref of these ids / GetAtt on these ids yield placeholders.
  std::set<std::string> unknown_refs;
  std::set<std::string> unknown_attributes;
  // Export names the template imported (for ListImports and export-in-use checks).
  std::set<std::string> imports;

  // Callbacks bound to this runtime and the env; both must outlive the context.
  EvalContext context(Env& env, const Stack& stack);
};

StackInfo stack_info(const Env& env, const Stack& stack);

// "{{pipemu:unresolved:<what>}}": never a valid AWS value, so it cannot collide.
std::string placeholder(const std::string& what);
bool has_placeholder(const Json& value);

// Evaluated properties as JSON (Null properties -> {}).
Json to_properties(const model::Node& node);

}  // namespace pipemu::cfn
