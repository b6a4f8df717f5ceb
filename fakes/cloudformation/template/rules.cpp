// The Rules section: parameter assertions checked before anything is created.
#include <fmt/format.h>

#include <algorithm>

#include "fakes/cloudformation/template/eval_impl.hpp"

namespace pipemu::cfn {
namespace {

std::vector<std::string> strings(const Node& n) {
  std::vector<std::string> out;
  if (n.is_sequence())
    for (const auto& i : n.items()) out.push_back(i.as_string());
  else if (n.is_scalar())
    out.push_back(n.str());
  return out;
}

Result<bool> rule_value(EvalImpl& impl, const Node& n, int depth) {
  if (depth > kMaxNesting)
    return fail(fmt::format("Template format error: the template nests deeper than {} levels", kMaxNesting), n.mark());
  if (!n.is_intrinsic())
    return fail("Template format error: Every Assert and RuleCondition member must be a rule-specific intrinsic "
                "function", n.mark());
  const std::string& fn = n.intrinsic_name();
  const Node& arg = n.intrinsic_arg();
  auto two = [&](const char* name) -> Result<std::pair<Node, Node>> {
    if (!arg.is_sequence() || arg.size() != 2)
      return fail(fmt::format("Template error: {} requires a list argument with two elements", name), n.mark());
    auto a = impl.eval(arg.items()[0], depth + 1);
    if (!a) return unexpected(a.error());
    auto b = impl.eval(arg.items()[1], depth + 1);
    if (!b) return unexpected(b.error());
    return std::make_pair(*a, *b);
  };
  if (fn == "Fn::Contains") {
    auto v = two("Fn::Contains");
    if (!v) return unexpected(v.error());
    auto list = strings(v->first);
    return std::find(list.begin(), list.end(), v->second.as_string()) != list.end();
  }
  if (fn == "Fn::EachMemberEquals") {
    auto v = two("Fn::EachMemberEquals");
    if (!v) return unexpected(v.error());
    auto list = strings(v->first);
    return std::all_of(list.begin(), list.end(), [&](const std::string& s) { return s == v->second.as_string(); });
  }
  if (fn == "Fn::EachMemberIn") {
    auto v = two("Fn::EachMemberIn");
    if (!v) return unexpected(v.error());
    auto list = strings(v->first), allowed = strings(v->second);
    return std::all_of(list.begin(), list.end(), [&](const std::string& s) {
      return std::find(allowed.begin(), allowed.end(), s) != allowed.end();
    });
  }
  if (fn == "Fn::Not") {
    if (!arg.is_sequence() || arg.size() != 1)
      return fail("Template error: Fn::Not requires a list argument with one element", n.mark());
    auto v = rule_value(impl, arg.items()[0], depth + 1);
    if (!v) return v;
    return !*v;
  }
  if (fn == "Fn::And" || fn == "Fn::Or") {
    if (!arg.is_sequence() || arg.size() < 2 || arg.size() > 10)
      return fail(fmt::format("Template error: every {} object requires a list of at least 2 and at most 10 boolean "
                              "parameters.", fn), n.mark());
    bool is_and = fn == "Fn::And", acc = is_and;
    for (const auto& i : arg.items()) {
      auto v = rule_value(impl, i, depth + 1);
      if (!v) return v;
      acc = is_and ? acc && *v : acc || *v;
    }
    return acc;
  }
  if (fn == "Fn::Equals") return impl.condition_value(n, depth + 1);
  return fail(fmt::format("Template format error: {} in Rules is not supported by pipemu", fn), n.mark());
}

}  // namespace

Result<Ok> Evaluator::check_rules() {
  if (!tpl_.rules.is_map()) return Ok{};
  EvalImpl impl(*this);
  for (const auto& rule : tpl_.rules.entries()) {
    if (!rule.value.is_map())
      return fail(fmt::format("Template format error: Rule {} must be an object", rule.key), rule.key_mark);
    if (const Node* c = rule.value.find("RuleCondition")) {
      auto holds = rule_value(impl, *c, 0);
      if (!holds) return unexpected(holds.error());
      if (!*holds) continue;
    }
    const Node* assertions = rule.value.find("Assertions");
    if (!assertions || !assertions->is_sequence())
      return fail(fmt::format("Template format error: Rule {} must contain an Assertions list", rule.key),
                  rule.key_mark);
    for (const auto& a : assertions->items()) {
      const Node* assert = a.is_map() ? a.find("Assert") : nullptr;
      if (!assert)
        return fail(fmt::format("Template format error: Every Assertions member of rule {} must contain an Assert",
                                rule.key), a.mark());
      auto ok = rule_value(impl, *assert, 0);
      if (!ok) return unexpected(ok.error());
      if (!*ok) {
        const Node* d = a.find("AssertDescription");
        return fail(d ? d->as_string() : fmt::format("Template validation error: rule {} failed", rule.key),
                    assert->mark());
      }
    }
  }
  return Ok{};
}

}  // namespace pipemu::cfn
