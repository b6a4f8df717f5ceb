#include "fakes/cloudformation/template/serverless/sam.hpp"

namespace pipemu::cfn::sam {

// Replaced by the real expansion in the next commits; until then a SAM template is refused
// with a clear message rather than deployed half-expanded.
Result<model::Node> expand(const model::Node& root, const StackInfo&) {
  return fail("Transform AWS::Serverless-2016-10-31 failed with: not yet supported by pipemu", root.mark());
}

}  // namespace pipemu::cfn::sam
