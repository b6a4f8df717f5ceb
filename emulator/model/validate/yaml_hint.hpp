#pragma once
// Turns a raw YAML parser error in a CloudFormation template into one that teaches: what
// CloudFormation itself would answer, and, by reading the text around the error, the likely fix
// (e.g. a parameter whose name key is missing, suggested from `!Ref` names defined nowhere).
#include "model/diagnostic.hpp"

namespace pipemu::model::validate {

Diagnostic explain_template_yaml_error(Diagnostic d);

// Names used by `!Ref X`, `Ref: X`, `!GetAtt X.Y` or `${X}` in `text` that no line defines as a
// mapping key, with the line of their first use. Pseudo parameters (AWS::...) are ignored.
struct UndefinedName {
  std::string name;
  int line;
  std::string usage;  // e.g. "!Ref EuBucket"
};
std::vector<UndefinedName> undefined_names_in_text(std::string_view text);

}  // namespace pipemu::model::validate
