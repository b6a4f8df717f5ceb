#include "fakes/cloudformation/template/context.hpp"

namespace pipemu::cfn {

// Partition follows the region prefix, as AWS assigns them.
std::string StackInfo::partition() const {
  if (region.rfind("cn-", 0) == 0) return "aws-cn";
  if (region.rfind("us-gov-", 0) == 0) return "aws-us-gov";
  return "aws";
}

std::string StackInfo::url_suffix() const {
  return partition() == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

}  // namespace pipemu::cfn
