// Structural parse of a template into sections, with AWS's "Template format error: ..." wording.
#include "fakes/cloudformation/template/template.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "fakes/cloudformation/template/parameter_types.hpp"
#include "model/loader.hpp"
#include "model/text.hpp"

namespace pipemu::cfn {
namespace {

using model::Node;

const std::vector<std::string> kSections = {
    "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
    "Conditions", "Transform", "Resources", "Outputs", "Hooks"};
const std::vector<std::string> kParameterKeys = {
    "Type", "Default", "NoEcho", "AllowedValues", "AllowedPattern", "MaxLength", "MinLength",
    "MaxValue", "MinValue", "Description", "ConstraintDescription"};
const std::vector<std::string> kResourceKeys = {
    "Type", "Properties", "DependsOn", "Metadata", "Condition", "DeletionPolicy",
    "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy", "Version", "Description"};

bool alphanumeric(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c); });
}

// The deepest nesting in a tree, found without recursion so a hostile document cannot exhaust
// the stack before we get to say no.
int max_depth(const Node& root, int limit) {
  std::vector<std::pair<const Node*, int>> stack{{&root, 1}};
  int deepest = 0;
  while (!stack.empty()) {
    auto [n, d] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, d);
    if (deepest > limit) return deepest;
    if (n->is_sequence())
      for (const auto& i : n->items()) stack.push_back({&i, d + 1});
    else if (n->is_map())
      for (const auto& e : n->entries()) stack.push_back({&e.value, d + 1});
  }
  return deepest;
}

// A scalar, or a single-element-free rendering used for defaults: lists join with ",".
std::optional<std::string> scalar_text(const Node& n) {
  if (n.is_scalar()) return n.str();
  if (n.is_sequence()) {
    std::vector<std::string> parts;
    for (const auto& i : n.items()) {
      if (!i.is_scalar()) return std::nullopt;
      parts.push_back(i.str());
    }
    return text::join(parts, ",");
  }
  return std::nullopt;
}

std::optional<double> number(const Node& n) {
  if (!n.is_scalar()) return std::nullopt;
  try {
    size_t used = 0;
    double d = std::stod(n.str(), &used);
    if (used != n.str().size()) return std::nullopt;
    return d;
  } catch (...) {
    return std::nullopt;
  }
}

Result<ParameterDecl> parse_parameter(const model::Entry& e) {
  ParameterDecl p;
  p.name = e.key;
  p.mark = e.key_mark;
  if (!alphanumeric(e.key))
    return fail(fmt::format("Template format error: Parameter name {} is non alphanumeric.", e.key),
                e.key_mark);
  const Node& v = e.value;
  if (!v.is_map())
    return fail("Template format error: Every Parameters object must contain a Type member.", e.key_mark);
  for (const auto& k : v.entries())
    if (std::find(kParameterKeys.begin(), kParameterKeys.end(), k.key) == kParameterKeys.end())
      return fail(fmt::format("Invalid template parameter property '{}'", k.key), k.key_mark);
  const Node* type = v.find("Type");
  if (!type || !type->is_scalar())
    return fail("Template format error: Every Parameters object must contain a Type member.", e.key_mark);
  p.type = type->str();
  if (!is_valid_parameter_type(p.type))
    return fail(fmt::format("Template format error: Unrecognized parameter type: {}", p.type),
                type->mark());
  if (const Node* d = v.find("Default")) {
    p.default_value = scalar_text(*d);
    if (!p.default_value)
      return fail(fmt::format("Template format error: Default member of parameter {} must be a string, "
                              "number or list of strings", e.key), d->mark());
  }
  if (const Node* a = v.find("AllowedValues")) {
    if (!a->is_sequence())
      return fail(fmt::format("Template format error: AllowedValues of parameter {} must be a list", e.key),
                  a->mark());
    for (const auto& i : a->items()) p.allowed_values.push_back(i.as_string());
  }
  if (const Node* a = v.find("AllowedPattern")) p.allowed_pattern = a->as_string();
  auto num = [&](const char* key, auto& out) -> Result<Ok> {
    if (const Node* n = v.find(key)) {
      auto d = number(*n);
      if (!d)
        return fail(fmt::format("Template format error: {} of parameter {} must be a number", key, e.key),
                    n->mark());
      out = static_cast<std::decay_t<decltype(*out)>>(*d);
    }
    return Ok{};
  };
  for (auto r : {num("MinLength", p.min_length), num("MaxLength", p.max_length)})
    if (!r) return unexpected(r.error());
  for (auto r : {num("MinValue", p.min_value), num("MaxValue", p.max_value)})
    if (!r) return unexpected(r.error());
  if (const Node* n = v.find("NoEcho")) p.no_echo = n->as_string() == "true" || n->as_string() == "True";
  if (const Node* n = v.find("Description")) p.description = n->as_string();
  if (const Node* n = v.find("ConstraintDescription")) p.constraint_description = n->as_string();
  return p;
}

Result<ResourceDecl> parse_resource(const model::Entry& e) {
  ResourceDecl r;
  r.logical_id = e.key;
  r.mark = e.key_mark;
  if (!alphanumeric(e.key))
    return fail(fmt::format("Template format error: Resource name {} is non alphanumeric.", e.key),
                e.key_mark);
  const Node& v = e.value;
  const Node* type = v.is_map() ? v.find("Type") : nullptr;
  if (!type || !type->is_scalar() || type->str().empty())
    return fail(fmt::format("Template format error: [/Resources/{}] Every Resources object must contain a "
                            "Type member.", e.key), e.key_mark);
  r.type = type->str();
  for (const auto& k : v.entries())
    if (std::find(kResourceKeys.begin(), kResourceKeys.end(), k.key) == kResourceKeys.end())
      return fail(fmt::format("Template format error: Invalid template resource property '{}'", k.key),
                  k.key_mark);
  if (const Node* p = v.find("Properties")) {
    if (!p->is_map() && !p->is_null())
      return fail(fmt::format("Template format error: [/Resources/{}/Properties] Every Properties member "
                              "must be an object", e.key), p->mark());
    r.properties = *p;
  }
  if (const Node* c = v.find("Condition")) {
    if (!c->is_scalar())
      return fail(fmt::format("Template format error: [/Resources/{}/Condition] Every Condition member must "
                              "be a string.", e.key), c->mark());
    r.condition = c->str();
  }
  if (const Node* d = v.find("DependsOn")) {
    if (d->is_scalar()) {
      r.depends_on.push_back(d->str());
    } else if (d->is_sequence()) {
      for (const auto& i : d->items()) {
        if (!i.is_scalar())
          return fail(fmt::format("Template format error: [/Resources/{}/DependsOn] DependsOn must be a "
                                  "string or list of strings", e.key), i.mark());
        r.depends_on.push_back(i.str());
      }
    } else {
      return fail(fmt::format("Template format error: [/Resources/{}/DependsOn] DependsOn must be a string "
                              "or list of strings", e.key), d->mark());
    }
  }
  if (const Node* d = v.find("DeletionPolicy")) r.deletion_policy = d->as_string();
  if (const Node* d = v.find("UpdateReplacePolicy")) r.update_replace_policy = d->as_string();
  if (const Node* d = v.find("Metadata")) r.metadata = *d;
  if (const Node* d = v.find("CreationPolicy")) r.creation_policy = *d;
  if (const Node* d = v.find("UpdatePolicy")) r.update_policy = *d;
  return r;
}

Result<OutputDecl> parse_output(const model::Entry& e) {
  OutputDecl o;
  o.logical_id = e.key;
  o.mark = e.key_mark;
  if (!alphanumeric(e.key))
    return fail(fmt::format("Template format error: Output {} is malformed. The Name field of every Export "
                            "member must be specified and consist only of alphanumeric characters.", e.key),
                e.key_mark);
  const Node* value = e.value.is_map() ? e.value.find("Value") : nullptr;
  if (!value || value->is_null())
    return fail("Template format error: Every Outputs member must contain a Value object", e.key_mark);
  o.value = *value;
  if (const Node* d = e.value.find("Description")) o.description = d->as_string();
  if (const Node* c = e.value.find("Condition")) o.condition = c->as_string();
  if (const Node* x = e.value.find("Export")) {
    const Node* name = x->is_map() ? x->find("Name") : nullptr;
    if (!name || name->is_null())
      return fail(fmt::format("Template format error: Output {} is malformed. The Name field of every Export "
                              "member must be specified and consist only of alphanumeric characters, "
                              "colons, or hyphens.", e.key), x->mark());
    o.export_name = *name;
  }
  return o;
}

Result<Ok> check_mappings(const Node& m) {
  if (m.is_null()) return Ok{};
  if (!m.is_map()) return fail("Template format error: Every Mappings member must be a map", m.mark());
  for (const auto& map : m.entries()) {
    if (!map.value.is_map())
      return fail(fmt::format("Template format error: Every Mappings member {} must be a map", map.key),
                  map.key_mark);
    for (const auto& top : map.value.entries()) {
      if (!top.value.is_map())
        return fail(fmt::format("Template format error: Every Mappings member {} must be a map", top.key),
                    top.key_mark);
      for (const auto& attr : top.value.entries())
        if (attr.value.is_map() || attr.value.is_null())
          return fail("Template format error: Every Mappings attribute must be a String or a List.",
                      attr.key_mark);
    }
  }
  return Ok{};
}

}  // namespace

bool ParameterDecl::is_ssm_value() const { return type.rfind("AWS::SSM::Parameter::Value<", 0) == 0; }
bool ParameterDecl::is_list() const {
  return type == "CommaDelimitedList" || type.find("List<") != std::string::npos;
}

const ResourceDecl* Template::resource(std::string_view id) const {
  for (const auto& r : resources)
    if (r.logical_id == id) return &r;
  return nullptr;
}
const ParameterDecl* Template::parameter(std::string_view name) const {
  for (const auto& p : parameters)
    if (p.name == name) return &p;
  return nullptr;
}
bool Template::has_condition(std::string_view name) const {
  return conditions.is_map() && conditions.find(name) != nullptr;
}

Result<Template> parse_template(const Node& root) {
  if (max_depth(root, kMaxNesting) > kMaxNesting)
    return fail(fmt::format("Template format error: the template nests deeper than {} levels", kMaxNesting),
                root.mark());
  if (!root.is_map()) return fail("Template format error: unsupported structure.", root.mark());
  std::vector<std::string> unknown;
  for (const auto& e : root.entries())
    if (std::find(kSections.begin(), kSections.end(), e.key) == kSections.end() &&
        !(e.key == "Globals" && root.find("Transform")))  // SAM's section, consumed by the transform
      unknown.push_back(e.key);
  if (!unknown.empty())
    return fail(fmt::format("Template format error: Invalid template property or properties [{}]",
                            text::join(unknown, ", ")),
                root.find_entry(unknown.front())->key_mark);

  Template t;
  t.root = root;
  if (const Node* v = root.find("AWSTemplateFormatVersion")) {
    if (!v->is_scalar() || v->str() != "2010-09-09")
      return fail("Template format error: unsupported value for AWSTemplateFormatVersion.", v->mark());
    t.format_version = v->str();
  }
  if (const Node* d = root.find("Description")) {
    if (!d->is_scalar())
      return fail("Template format error: Every Description member must be a string.", d->mark());
    if (d->str().size() > 1024)
      return fail("Template format error: 'Description' length is greater than 1024.", d->mark());
    t.description = d->str();
  }
  if (const Node* m = root.find("Metadata")) t.metadata = *m;
  if (const Node* r = root.find("Rules")) t.rules = *r;
  if (const Node* m = root.find("Mappings")) {
    if (auto ok = check_mappings(*m); !ok) return unexpected(ok.error());
    t.mappings = *m;
  }
  if (const Node* c = root.find("Conditions")) {
    if (!c->is_map() && !c->is_null())
      return fail("Template format error: Every Conditions member must be an object.", c->mark());
    t.conditions = *c;
  }
  if (const Node* tr = root.find("Transform")) {
    auto add = [&](const Node& n) -> Result<Ok> {
      if (n.is_scalar()) t.transforms.push_back(n.str());
      else if (n.is_map() && n.find("Name") && n.find("Name")->is_scalar()) t.transforms.push_back(n.find("Name")->str());
      else return fail("Template format error: Transform must be a string or a list of strings", n.mark());
      return Ok{};
    };
    if (tr->is_sequence()) {
      for (const auto& i : tr->items())
        if (auto ok = add(i); !ok) return unexpected(ok.error());
    } else if (auto ok = add(*tr); !ok) {
      return unexpected(ok.error());
    }
  }
  if (const Node* ps = root.find("Parameters"); ps && !ps->is_null()) {
    if (!ps->is_map())
      return fail("Template format error: Parameters must be an object", ps->mark());
    if (ps->size() > 200)
      return fail("Template format error: Parameter count 201 is greater than max allowed 200", ps->mark());
    for (const auto& e : ps->entries()) {
      auto p = parse_parameter(e);
      if (!p) return unexpected(p.error());
      t.parameters.push_back(std::move(*p));
    }
  }
  const Node* res = root.find("Resources");
  if (!res || !res->is_map() || res->size() == 0)
    return fail("Template format error: At least one Resources member must be defined.",
                res ? res->mark() : root.mark());
  for (const auto& e : res->entries()) {
    auto r = parse_resource(e);
    if (!r) return unexpected(r.error());
    t.resources.push_back(std::move(*r));
  }
  if (const Node* outs = root.find("Outputs"); outs && !outs->is_null()) {
    if (!outs->is_map())
      return fail("Template format error: Every Outputs member must contain a Value object", outs->mark());
    if (outs->size() > 200)
      return fail("Template format error: Output count is greater than max allowed 200", outs->mark());
    for (const auto& e : outs->entries()) {
      auto o = parse_output(e);
      if (!o) return unexpected(o.error());
      t.outputs.push_back(std::move(*o));
    }
  }
  return t;
}

Result<Template> parse_template_text(std::string body, const std::string& label) {
  std::string trimmed = text::trim(body);
  if (trimmed.empty()) return fail("Template format error: unsupported structure.");
  bool json = trimmed.front() == '{';
  auto loaded = model::load_text(label, std::move(body));
  if (!loaded) {
    const auto& d = loaded.error();
    std::string where = d.mark.line > 0 ? fmt::format(" (line {}, column {})", d.mark.line, d.mark.column)
                                        : std::string();
    return fail(fmt::format("Template format error: {} not well-formed.{}", json ? "JSON" : "YAML", where),
                d.mark);
  }
  return parse_template(*loaded);
}

}  // namespace pipemu::cfn
