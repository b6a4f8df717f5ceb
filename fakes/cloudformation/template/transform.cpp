// The Transform section: SAM is expanded in process; any other macro fails the way AWS fails
// for a macro that is not defined in the account.
#include "fakes/cloudformation/template/transform.hpp"

#include <fmt/format.h>

#include "fakes/cloudformation/template/serverless/sam.hpp"

namespace pipemu::cfn {

bool has_transforms(const model::Node& root) {
  const model::Node* t = root.is_map() ? root.find("Transform") : nullptr;
  return t && !t->is_null() && !(t->is_sequence() && t->size() == 0);
}

Result<model::Node> process_transforms(const model::Node& root, const StackInfo& stack) {
  if (!has_transforms(root)) return root;
  const model::Node& t = *root.find("Transform");
  std::vector<const model::Node*> names;
  if (t.is_sequence())
    for (const auto& i : t.items()) names.push_back(&i);
  else
    names.push_back(&t);
  model::Node doc = root;
  for (const model::Node* n : names) {
    std::string name = n->is_map() && n->find("Name") ? n->find("Name")->as_string() : n->as_string();
    if (name == "AWS::LanguageExtensions") {
      // Fn::Length, Fn::ToJsonString and FindInMap defaults are evaluated in place; Fn::ForEach
      // would need expanding here, which pipemu does not do.
      if (auto* res = doc.find("Resources"); res && res->is_map())
        for (const auto& e : res->entries())
          if (e.key.rfind("Fn::ForEach::", 0) == 0)
            return fail("Transform AWS::LanguageExtensions failed with: Fn::ForEach is not supported by pipemu",
                        e.key_mark);
      continue;
    }
    if (name == kServerlessTransform) {
      auto r = sam::expand(doc, stack);
      if (!r) return r;
      doc = std::move(*r);
      continue;
    }
    return fail(fmt::format("Template format error: Unresolved transform: {}. No transform named {} is "
                            "available in account {} (pipemu expands only {})",
                            name, name, stack.account_id, kServerlessTransform), n->mark());
  }
  doc.erase("Transform");
  return doc;
}

}  // namespace pipemu::cfn
