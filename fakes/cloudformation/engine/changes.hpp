#pragma once
// A change set's Changes: what executing `p` on `stack` would do, without doing it. Resources are
// compared after evaluation against the live ones; references to resources that will be created
// or replaced are unknown at this point, which makes the change Dynamic (Replacement Conditional
// where the property requires recreation), as CloudFormation reports it.
#include <string>

#include "fakes/cloudformation/engine/env.hpp"
#include "fakes/cloudformation/engine/prepare.hpp"

namespace pipemu::cfn {

struct ChangePreview {
  Json changes = Json::array();  // [{Type: "Resource", ResourceChange: {...}}]
  std::string failure;           // evaluation failure: the change set becomes FAILED with it
};

// `stack` has no resources for a CREATE change set (every resource is an Add).
ChangePreview preview_changes(Env& env, const Stack& stack, const Prepared& p);

}  // namespace pipemu::cfn
