#pragma once
// A read-only view of a CloudFormation template: its parameters and resources by logical id,
// each with its Type, Properties and marks. Values stay Nodes (intrinsics unresolved); a CFN
// engine resolves them, `pipemu validate` checks them.
#include <string>
#include <string_view>
#include <vector>

#include "model/node.hpp"
#include "model/parsed.hpp"

namespace pipemu::model {

struct TemplateParameter {
  std::string name;
  Mark mark;  // of the name key
  std::string type;
  Node default_value;  // Null when there is no Default
  Node node;           // the whole declaration
};

struct TemplateResource {
  std::string logical_id;
  Mark mark;  // of the logical id key
  std::string type;
  Mark type_mark;
  Node properties;  // Null when the resource has none
  Node node;        // the whole declaration (DependsOn, Condition, ...)
};

struct Template {
  Node root;
  std::vector<TemplateParameter> parameters;
  std::vector<TemplateResource> resources;
  std::vector<std::string> condition_names;

  const TemplateParameter* parameter(std::string_view name) const;
  const TemplateResource* resource(std::string_view logical_id) const;
  std::vector<const TemplateResource*> resources_of_type(std::string_view type) const;
};

// Reads the sections the models need. Wrong shapes (Resources not a mapping, a resource
// without Type) are errors; the template still lists every resource it could read.
Parsed<Template> parse_template(const Node& root);

}  // namespace pipemu::model
