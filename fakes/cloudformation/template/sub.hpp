#pragma once
// Fn::Sub's string syntax, shared by the evaluator (substitution) and the graph/validator
// (which variables a Sub names): `${Name}`, `${Res.Attr}`, and `${!Literal}` for a literal `${`.
#include <string>
#include <string_view>
#include <vector>

namespace pipemu::cfn {

struct SubPart {
  bool variable = false;
  std::string text;  // literal text, or the variable name (trimmed)
};

// Splits a Sub string into literal and variable parts. An unclosed `${` stays literal text,
// as CloudFormation leaves it.
std::vector<SubPart> parse_sub(std::string_view s);

}  // namespace pipemu::cfn
