// ValidateTemplate's reference checks, in the order AWS reports them: conditions first, then
// resources (graph), then outputs.
#include "fakes/cloudformation/template/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "fakes/cloudformation/template/graph.hpp"
#include "fakes/cloudformation/template/references.hpp"
#include "model/text.hpp"

namespace pipemu::cfn {
namespace {

Result<Ok> check_conditions_and_mappings(const Template& tpl, const References& refs, const char* block) {
  for (const auto& c : refs.conditions)
    if (!tpl.has_condition(c.name))
      return fail(fmt::format("Template format error: Unresolved condition dependencies [{}] in the {} block "
                              "of the template", c.name, block), c.mark);
  for (const auto& m : refs.mappings)
    if (!tpl.mappings.is_map() || !tpl.mappings.find(m.name))
      return fail(fmt::format("Template error: Mapping named '{}' is not present in the 'Mappings' section of "
                              "template", m.name), m.mark);
  return Ok{};
}

}  // namespace

const std::array<std::string_view, 8>& pseudo_parameters() {
  static constexpr std::array<std::string_view, 8> kPseudo = {
      "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
      "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};
  return kPseudo;
}

bool is_pseudo_parameter(std::string_view name) {
  const auto& all = pseudo_parameters();
  return std::find(all.begin(), all.end(), name) != all.end();
}

Result<Ok> validate_template(const Template& tpl) {
  if (tpl.conditions.is_map()) {
    for (const auto& e : tpl.conditions.entries()) {
      References refs;
      collect_references(e.value, refs);
      std::vector<std::string> bad;
      for (const auto& r : refs.refs)
        if (!tpl.parameter(r.name) && !is_pseudo_parameter(r.name)) bad.push_back(r.name);
      for (const auto& r : refs.getatts) bad.push_back(r.name);
      if (!bad.empty())
        return fail(fmt::format("Template format error: Unresolved dependencies [{}]. Cannot reference "
                                "resources in the Conditions block of the template", text::join(bad, ", ")),
                    e.key_mark);
      if (auto ok = check_conditions_and_mappings(tpl, refs, "Conditions"); !ok) return ok;
    }
  }
  for (const auto& r : tpl.resources) {
    if (r.condition && !tpl.has_condition(*r.condition))
      return fail(fmt::format("Template format error: Unresolved condition dependencies [{}] in the Resources "
                              "block of the template", *r.condition), r.mark);
    References refs;
    collect_references(r.properties, refs);
    collect_references(r.metadata, refs);
    if (auto ok = check_conditions_and_mappings(tpl, refs, "Resources"); !ok) return ok;
  }
  if (auto g = build_graph(tpl); !g) return unexpected(g.error());

  std::vector<std::string> unresolved;
  model::Mark first;
  for (const auto& o : tpl.outputs) {
    References refs;
    collect_references(o.value, refs);
    collect_references(o.export_name, refs);
    if (o.condition && !tpl.has_condition(*o.condition))
      return fail(fmt::format("Template format error: Unresolved condition dependencies [{}] in the Outputs "
                              "block of the template", *o.condition), o.mark);
    if (auto ok = check_conditions_and_mappings(tpl, refs, "Outputs"); !ok) return ok;
    for (const auto& g : refs.getatts)
      if (!tpl.resource(g.name))
        return fail(fmt::format("Template error: instance of Fn::GetAtt references undefined resource {}",
                                g.name), g.mark);
    for (const auto& r : refs.refs)
      if (!tpl.parameter(r.name) && !is_pseudo_parameter(r.name) && !tpl.resource(r.name) &&
          std::find(unresolved.begin(), unresolved.end(), r.name) == unresolved.end()) {
        if (unresolved.empty()) first = r.mark;
        unresolved.push_back(r.name);
      }
  }
  if (!unresolved.empty())
    return fail(fmt::format("Template format error: Unresolved resource dependencies [{}] in the Outputs block "
                            "of the template", text::join(unresolved, ", ")), first);
  return Ok{};
}

}  // namespace pipemu::cfn
