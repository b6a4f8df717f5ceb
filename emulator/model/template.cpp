#include "model/template.hpp"

#include <fmt/format.h>

#include "model/node_read.hpp"

namespace pipemu::model {

const TemplateParameter* Template::parameter(std::string_view name) const {
  for (const auto& p : parameters)
    if (p.name == name) return &p;
  return nullptr;
}

const TemplateResource* Template::resource(std::string_view logical_id) const {
  for (const auto& r : resources)
    if (r.logical_id == logical_id) return &r;
  return nullptr;
}

std::vector<const TemplateResource*> Template::resources_of_type(std::string_view type) const {
  std::vector<const TemplateResource*> out;
  for (const auto& r : resources)
    if (r.type == type) out.push_back(&r);
  return out;
}

Parsed<Template> parse_template(const Node& root) {
  Parsed<Template> out;
  Template& t = out.value;
  Diagnostics& d = out.diagnostics;
  t.root = root;
  if (!root.is_map()) {
    d.error(root.mark(), "a CloudFormation template must be a mapping of sections", "cfn-template",
            "start with 'Resources:' (the only required section)");
    return out;
  }
  const Node* params = root.find("Parameters");
  if (read::expect_map(params, "Parameters", d, "cfn-template") && params) {
    for (const auto& e : params->entries()) {
      TemplateParameter p{e.key, e.key_mark, {}, {}, e.value};
      if (!e.value.is_map()) {
        d.error(e.value.is_null() ? e.key_mark : e.value.mark(),
                fmt::format("Template format error: Every Parameters object must contain a Type "
                            "member. ('{}' is not a parameter declaration)",
                            e.key),
                "cfn-template", "a parameter is 'Name:' followed by an indented 'Type: ...'");
      } else {
        p.type = read::scalar(e.value.find("Type"));
        if (const Node* def = e.value.find("Default")) p.default_value = *def;
        if (p.type.empty())
          d.error(e.key_mark,
                  "Template format error: Every Parameters object must contain a Type member.",
                  "cfn-template",
                  fmt::format("add 'Type: String' (or another type) under '{}'", e.key));
      }
      t.parameters.push_back(std::move(p));
    }
  }
  const Node* resources = root.find("Resources");
  if (!resources) {
    d.error(root.mark(), "Template format error: At least one Resources member must be defined.",
            "cfn-template");
  } else if (read::expect_map(resources, "Resources", d, "cfn-template")) {
    for (const auto& e : resources->entries()) {
      TemplateResource r{e.key, e.key_mark, {}, e.key_mark, {}, e.value};
      if (const Node* type = e.value.is_map() ? e.value.find("Type") : nullptr) {
        r.type = read::scalar(type);
        r.type_mark = type->mark();
      }
      if (r.type.empty())
        d.error(e.key_mark,
                fmt::format("Template format error: [/Resources/{}] Every Resources object must "
                            "contain a Type member.",
                            e.key),
                "cfn-template");
      if (const Node* props = e.value.is_map() ? e.value.find("Properties") : nullptr) {
        r.properties = *props;
        read::expect_map(props, fmt::format("Properties of '{}'", e.key), d, "cfn-template");
      }
      t.resources.push_back(std::move(r));
    }
  }
  if (const Node* conds = root.find("Conditions"); conds && conds->is_map())
    t.condition_names = conds->keys();
  return out;
}

}  // namespace pipemu::model
