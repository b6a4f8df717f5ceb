// Parameter binding: value selection (given / previous / default), type and constraint checks,
// and SSM parameter types read through the caller's lookup, with AWS's messages.
#include "fakes/cloudformation/template/parameters.hpp"

#include <fmt/format.h>

#include <regex>

#include "fakes/cloudformation/template/parameter_types.hpp"
#include "model/text.hpp"

namespace pipemu::cfn {
namespace {

using model::Node;

std::optional<double> parse_number(const std::string& s) {
  std::string t = text::trim(s);
  if (t.empty()) return std::nullopt;
  try {
    size_t used = 0;
    double d = std::stod(t, &used);
    if (used != t.size()) return std::nullopt;
    return d;
  } catch (...) {
    return std::nullopt;
  }
}

std::string number_text(double d) { return fmt::format("{}", d); }

Node list_node(const std::string& value) {
  Node seq = Node::sequence();
  if (value.empty()) return seq;
  for (const auto& part : text::split(value, ',')) seq.push(Node::scalar(text::trim(part), {}, true));
  return seq;
}

// A constraint failure reads "Parameter 'X' <what>", unless the template gives its own words.
Unexpected<TemplateError> violated(const ParameterDecl& p, const std::string& what) {
  if (!p.constraint_description.empty())
    return fail(fmt::format("Parameter '{}' failed to satisfy constraint: {}", p.name,
                            p.constraint_description));
  return fail(fmt::format("Parameter '{}' {}", p.name, what));
}

Result<Ok> check_constraints(const ParameterDecl& p, const std::string& value) {
  std::string type = ssm_inner_type(p.type);
  std::vector<std::string> items;
  if (p.is_list()) {
    for (const auto& s : text::split(value, ',')) items.push_back(text::trim(s));
  } else {
    items.push_back(value);
  }
  bool numeric = type == "Number" || type == "List<Number>";
  for (const auto& v : items) {
    if (!p.allowed_values.empty() &&
        std::find(p.allowed_values.begin(), p.allowed_values.end(), v) == p.allowed_values.end())
      return violated(p, "must be one of AllowedValues");
    if (p.allowed_pattern) {
      bool ok = false;
      try {
        ok = std::regex_match(v, std::regex(*p.allowed_pattern, std::regex::ECMAScript));
      } catch (const std::regex_error&) {
        return fail(fmt::format("Template format error: AllowedPattern of parameter {} is not a valid "
                                "regular expression", p.name), p.mark);
      }
      if (!ok) return violated(p, "must match pattern " + *p.allowed_pattern);
    }
    if (p.min_length && static_cast<long long>(v.size()) < *p.min_length)
      return violated(p, fmt::format("must contain at least {} characters", *p.min_length));
    if (p.max_length && static_cast<long long>(v.size()) > *p.max_length)
      return violated(p, fmt::format("must contain at most {} characters", *p.max_length));
    if (numeric) {
      auto d = parse_number(v);
      if (!d) return fail(fmt::format("Parameter '{}' must be a number", p.name));
      if (p.min_value && *d < *p.min_value)
        return violated(p, "must be a number not less than " + number_text(*p.min_value));
      if (p.max_value && *d > *p.max_value)
        return violated(p, "must be a number not greater than " + number_text(*p.max_value));
    }
  }
  return Ok{};
}

}  // namespace

Result<std::vector<ResolvedParameter>> resolve_parameters(
    const Template& tpl, const std::vector<ParameterInput>& given,
    const std::map<std::string, std::string>& previous, const SsmLookup& ssm) {
  std::vector<std::string> undeclared;
  for (const auto& g : given)
    if (!tpl.parameter(g.key)) undeclared.push_back(g.key);
  if (!undeclared.empty())
    return fail(fmt::format("Parameters: [{}] do not exist in the template", text::join(undeclared, ", ")));

  std::vector<ResolvedParameter> out;
  std::vector<std::string> missing;
  for (const auto& decl : tpl.parameters) {
    std::optional<std::string> value;
    for (const auto& g : given) {
      if (g.key != decl.name) continue;
      if (g.use_previous_value) {
        auto it = previous.find(decl.name);
        if (it != previous.end()) value = it->second;
      } else {
        value = g.value;
      }
    }
    if (!value) value = decl.default_value;
    if (!value) {
      missing.push_back(decl.name);
      continue;
    }
    ResolvedParameter r;
    r.key = decl.name;
    r.type = decl.type;
    r.value = *value;
    r.no_echo = decl.no_echo;
    out.push_back(std::move(r));
  }
  if (!missing.empty())
    return fail(fmt::format("Parameters: [{}] must have values", text::join(missing, ", ")));

  // SSM keys are looked up together so one message names every missing key, as AWS does.
  std::vector<std::string> not_found;
  for (auto& r : out) {
    const ParameterDecl& decl = *tpl.parameter(r.key);
    std::string effective = r.value;
    if (decl.is_ssm_value()) {
      auto v = ssm ? ssm(r.value) : std::nullopt;
      if (!v) {
        not_found.push_back(r.value);
        continue;
      }
      r.resolved_value = *v;
      effective = *v;
    }
    if (auto ok = check_constraints(decl, effective); !ok) return unexpected(ok.error());
    r.ref_value = decl.is_list() ? list_node(effective) : Node::scalar(effective, {}, true);
  }
  if (!not_found.empty())
    return fail(fmt::format("Parameters: [{}] cannot be found.", text::join(not_found, ", ")));
  return out;
}

}  // namespace pipemu::cfn
