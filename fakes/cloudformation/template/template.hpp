#pragma once
// A CloudFormation template as sections: what CreateStack, ValidateTemplate and
// GetTemplateSummary see after the structural checks AWS makes before anything is evaluated.
// Pure data over model::Node; parse_template never throws and never recurses unboundedly
// (nesting deeper than kMaxNesting is a ValidationError, so a hostile template cannot blow the stack).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/cloudformation/template/error.hpp"
#include "model/node.hpp"

namespace pipemu::cfn {

inline constexpr int kMaxNesting = 256;

struct ParameterDecl {
  std::string name;
  std::string type;                          // "String", "AWS::SSM::Parameter::Value<String>", ...
  std::optional<std::string> default_value;  // as text; lists joined with ","
  std::vector<std::string> allowed_values;
  std::optional<std::string> allowed_pattern;
  std::optional<long long> min_length, max_length;
  std::optional<double> min_value, max_value;
  bool no_echo = false;
  std::string description;
  std::string constraint_description;
  model::Mark mark;

  bool is_ssm_value() const;  // AWS::SSM::Parameter::Value<...>
  bool is_list() const;       // CommaDelimitedList, List<...>, SSM Value<List<...>>
};

struct ResourceDecl {
  std::string logical_id;
  std::string type;
  model::Node properties;  // Null when absent
  std::optional<std::string> condition;
  std::vector<std::string> depends_on;
  std::string deletion_policy;        // "" when absent (AWS default Delete)
  std::string update_replace_policy;  // "" when absent
  model::Node metadata, creation_policy, update_policy;
  model::Mark mark;  // of the logical id key
};

struct OutputDecl {
  std::string logical_id;
  std::string description;
  model::Node value;
  model::Node export_name;  // Null when no Export
  std::optional<std::string> condition;
  model::Mark mark;
};

struct Template {
  model::Node root;  // the whole document, as given
  std::string format_version;
  std::string description;
  model::Node metadata, rules, mappings, conditions;
  std::vector<std::string> transforms;  // in application order
  std::vector<ParameterDecl> parameters;
  std::vector<ResourceDecl> resources;  // in template order
  std::vector<OutputDecl> outputs;

  const ResourceDecl* resource(std::string_view logical_id) const;
  const ParameterDecl* parameter(std::string_view name) const;
  bool has_condition(std::string_view name) const;
};

// Structural validation as AWS does it before evaluation: known sections, literal format version,
// Resources present and well-shaped, Type on every resource, parameter declarations, output shape,
// nesting depth. Reference checks (undefined Ref/GetAtt/conditions, cycles) are in validate.hpp.
Result<Template> parse_template(const model::Node& root);

// Loads a TemplateBody (YAML or JSON) and parses it. Syntax errors read as AWS puts them:
// "Template format error: YAML not well-formed. (line L, column C)" (or JSON for a body that
// starts with '{'). `label` only names the source in marks.
Result<Template> parse_template_text(std::string body, const std::string& label = "template");

}  // namespace pipemu::cfn
