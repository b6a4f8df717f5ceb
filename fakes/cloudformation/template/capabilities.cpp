// Capabilities a template needs, as CreateStack/CreateChangeSet check them.
#include "fakes/cloudformation/template/capabilities.hpp"

#include <algorithm>

#include "fakes/cloudformation/template/transform.hpp"
#include "model/text.hpp"

namespace pipemu::cfn {
namespace {

// IAM types and the property that gives each a custom name (which needs CAPABILITY_NAMED_IAM).
struct IamType {
  const char* type;
  const char* name_property;
};
constexpr IamType kIamTypes[] = {
    {"AWS::IAM::Role", "RoleName"},
    {"AWS::IAM::User", "UserName"},
    {"AWS::IAM::Group", "GroupName"},
    {"AWS::IAM::ManagedPolicy", "ManagedPolicyName"},
    {"AWS::IAM::InstanceProfile", "InstanceProfileName"},
    {"AWS::IAM::Policy", nullptr},
    {"AWS::IAM::AccessKey", nullptr},
    {"AWS::IAM::UserToGroupAddition", nullptr},
    {"AWS::IAM::ServiceLinkedRole", nullptr},
};

}  // namespace

std::vector<std::string> required_capabilities(const model::Node& original, const model::Node& processed) {
  bool iam = false, named = false;
  const model::Node* res = processed.is_map() ? processed.find("Resources") : nullptr;
  if (res && res->is_map()) {
    for (const auto& e : res->entries()) {
      const model::Node* type = e.value.is_map() ? e.value.find("Type") : nullptr;
      if (!type || !type->is_scalar()) continue;
      for (const auto& t : kIamTypes) {
        if (type->str() != t.type) continue;
        iam = true;
        const model::Node* props = e.value.find("Properties");
        if (t.name_property && props && props->is_map() && props->find(t.name_property)) named = true;
      }
    }
  }
  std::vector<std::string> out;
  if (named) out.push_back("CAPABILITY_NAMED_IAM");
  else if (iam) out.push_back("CAPABILITY_IAM");
  if (has_transforms(original)) out.push_back("CAPABILITY_AUTO_EXPAND");
  return out;
}

std::vector<std::string> missing_capabilities(const std::vector<std::string>& required,
                                              const std::vector<std::string>& given) {
  auto has = [&](const char* c) { return std::find(given.begin(), given.end(), c) != given.end(); };
  std::vector<std::string> out;
  for (const auto& r : required) {
    if (r == "CAPABILITY_IAM" && (has("CAPABILITY_IAM") || has("CAPABILITY_NAMED_IAM"))) continue;
    if (has(r.c_str())) continue;
    out.push_back(r);
  }
  return out;
}

std::string insufficient_capabilities_message(const std::vector<std::string>& missing) {
  return "Requires capabilities : [" + text::join(missing, ", ") + "]";
}

}  // namespace pipemu::cfn
