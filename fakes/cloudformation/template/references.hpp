#pragma once
// Collects the names a value refers to (Ref, Fn::GetAtt, Fn::Sub variables, Fn::If and Condition
// names), with marks, for the graph and the validator. Internal to the template library.
#include <string>
#include <vector>

#include "model/node.hpp"

namespace pipemu::cfn {

struct NameUse {
  std::string name;
  model::Mark mark;
};

struct References {
  std::vector<NameUse> refs;        // Ref targets and Sub ${Name} (no dot)
  std::vector<NameUse> getatts;     // resource part of GetAtt and Sub ${Res.Attr}
  std::vector<NameUse> conditions;  // Fn::If first arguments and {Condition: X}
  std::vector<NameUse> mappings;    // literal Fn::FindInMap map names
};

void collect_references(const model::Node& value, References& out);

}  // namespace pipemu::cfn
