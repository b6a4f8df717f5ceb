// Intrinsic dispatch, Ref, Fn::GetAtt, Fn::If and the condition functions. The value
// functions live in intrinsics.cpp; Sub in intrinsics_sub.cpp.
#include "fakes/cloudformation/template/evaluator.hpp"

#include <fmt/format.h>

#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakes/cloudformation/template/eval_impl.hpp"
#include "fakes/cloudformation/template/validate.hpp"
#include "model/text.hpp"

namespace pipemu::cfn {

Node no_value() {
  Node n = Node::map();
  n.set("Ref", Node::scalar("AWS::NoValue", {}, true));
  return n;
}
bool is_no_value(const Node& n) {
  return n.is_map() && n.size() == 1 && n.entries()[0].key == "Ref" &&
         n.entries()[0].value.is_scalar() && n.entries()[0].value.str() == "AWS::NoValue";
}

namespace {

const char* kSupported =
    "Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs, Fn::ImportValue, Fn::Join, "
    "Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, Fn::And, "
    "Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, Fn::ValueOf, Fn::ValueOfAll, "
    "Fn::RefAll, Fn::Sub, Fn::Cidr]";

Unexpected<TemplateError> unresolved(const std::string& name, const model::Mark& m) {
  return fail(fmt::format("Template format error: Unresolved resource dependencies [{}] in the "
                          "Resources block of the template", name), m);
}

bool is_boolean_function(const Node& n) {
  if (!n.is_intrinsic()) return false;
  const std::string& k = n.intrinsic_name();
  return k == "Fn::Equals" || k == "Fn::And" || k == "Fn::Or" || k == "Fn::Not" ||
         k == "Condition" || k == "Fn::If";
}

// The value functions, by name: the dispatch below and `intrinsic_functions()` (pipemu coverage)
// both read this table, so the documented list is the evaluated one.
using ValueFunction = Result<Node> (EvalImpl::*)(const Node& arg, int depth);
const std::map<std::string, ValueFunction>& value_functions() {
  static const std::map<std::string, ValueFunction> table = {
      {"Fn::GetAtt", &EvalImpl::get_att},       {"Fn::Sub", &EvalImpl::sub},
      {"Fn::Join", &EvalImpl::join},            {"Fn::Select", &EvalImpl::select},
      {"Fn::Split", &EvalImpl::split},          {"Fn::FindInMap", &EvalImpl::find_in_map},
      {"Fn::Base64", &EvalImpl::base64},        {"Fn::Cidr", &EvalImpl::cidr},
      {"Fn::GetAZs", &EvalImpl::get_azs},       {"Fn::ImportValue", &EvalImpl::import_value},
      {"Fn::Length", &EvalImpl::length},        {"Fn::ToJsonString", &EvalImpl::to_json_string},
  };
  return table;
}

// The condition functions, evaluated by condition_value (Fn::If also picks a value).
const std::vector<std::string> kConditionFunctions = {"Condition", "Fn::And", "Fn::Equals",
                                                      "Fn::If",    "Fn::Not", "Fn::Or"};

}  // namespace

std::vector<std::string> intrinsic_functions() {
  std::vector<std::string> out = {"Ref"};
  for (const auto& [name, fn] : value_functions()) out.push_back(name);
  out.insert(out.end(), kConditionFunctions.begin(), kConditionFunctions.end());
  return out;
}

Result<Node> EvalImpl::eval(const Node& n, int depth) {
  if (depth > kMaxNesting)
    return fail(fmt::format("Template format error: the template nests deeper than {} levels", kMaxNesting),
                n.mark());
  if (n.is_scalar()) {
    if (n.str().find("{{resolve:") == std::string::npos) return n;
    auto s = dynamic_references(n.str(), n.mark());
    if (!s) return unexpected(s.error());
    return Node::scalar(*s, n.mark(), true);
  }
  if (n.is_sequence()) {
    Node out = Node::sequence(n.mark());
    for (const auto& i : n.items()) {
      auto v = eval(i, depth + 1);
      if (!v) return v;
      if (!is_no_value(*v)) out.push(std::move(*v));
    }
    return out;
  }
  if (!n.is_map()) return n;
  if (n.is_intrinsic()) {
    const std::string& fn = n.intrinsic_name();
    const Node& arg = n.intrinsic_arg();
    if (fn == "Ref") return ref(arg);
    if (auto it = value_functions().find(fn); it != value_functions().end())
      return (this->*(it->second))(arg, depth + 1);
    if (fn == "Fn::If") {
      if (!arg.is_sequence() || arg.size() < 1 || !arg.items()[0].is_scalar())
        return fail("Template error: Fn::If requires a list argument with the first element being a condition",
                    n.mark());
      if (arg.size() != 3)
        return fail("Template error: Fn::If requires a list argument with three elements", n.mark());
      const std::string& name = arg.items()[0].str();
      if (!e_.tpl_.has_condition(name))
        return fail(fmt::format("Template error: unresolved condition dependency {} in Fn::If", name),
                    arg.items()[0].mark());
      auto c = condition(name, arg.items()[0].mark());
      if (!c) return unexpected(c.error());
      // Only the chosen branch is evaluated, so the other may reference excluded resources.
      return eval(arg.items()[*c ? 1 : 2], depth + 1);
    }
    if (fn == "Fn::Equals" || fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not" || fn == "Condition") {
      auto b = condition_value(n, depth + 1);
      if (!b) return unexpected(b.error());
      return Node::scalar(*b ? "true" : "false", n.mark(), false);
    }
    if (fn == "Fn::Transform")
      return fail("Template format error: Fn::Transform is not supported by pipemu; expand the macro "
                  "before deploying", n.mark());
    if (fn == "Condition") return n;
    return fail(fmt::format("Template format error: Encountered unsupported function: {} {}", fn, kSupported),
                n.mark());
  }
  Node out = Node::map(n.mark());
  for (const auto& e : n.entries()) {
    auto v = eval(e.value, depth + 1);
    if (!v) return v;
    if (!is_no_value(*v)) out.entries().push_back({e.key, e.key_mark, std::move(*v)});
  }
  return out;
}

Result<Node> EvalImpl::ref(const Node& arg) {
  if (!arg.is_scalar()) return fail("Template error: All References must be of type string", arg.mark());
  const std::string& name = arg.str();
  const StackInfo& s = e_.ctx_.stack;
  if (text::starts_with(name, "AWS::")) {
    auto str = [&](const std::string& v) { return Node::scalar(v, arg.mark(), true); };
    if (name == "AWS::Region") return str(s.region);
    if (name == "AWS::AccountId") return str(s.account_id);
    if (name == "AWS::StackName") return str(s.stack_name);
    if (name == "AWS::StackId") return str(s.stack_id);
    if (name == "AWS::Partition") return str(s.partition());
    if (name == "AWS::URLSuffix") return str(s.url_suffix());
    if (name == "AWS::NoValue") return no_value();
    if (name == "AWS::NotificationARNs") {
      Node seq = Node::sequence(arg.mark());
      for (const auto& a : s.notification_arns) seq.push(str(a));
      return seq;
    }
    return unresolved(name, arg.mark());
  }
  for (const auto& p : e_.params_)
    if (p.key == name) return p.ref_value;
  const ResourceDecl* r = e_.tpl_.resource(name);
  if (!r) return unresolved(name, arg.mark());
  if (in_conditions_)
    return fail(fmt::format("Template format error: Unresolved dependencies [{}]. Cannot reference resources "
                            "in the Conditions block of the template", name), arg.mark());
  auto inc = e_.resource_included(*r);
  if (!inc) return unexpected(inc.error());
  if (!*inc) return unresolved(name, arg.mark());
  if (!e_.ctx_.callbacks.ref_resource)
    return fail(fmt::format("Template error: reference {} not ready", name), arg.mark());
  auto id = e_.ctx_.callbacks.ref_resource(name);
  if (!id) return unexpected(id.error());
  return Node::scalar(*id, arg.mark(), true);
}

Result<Node> EvalImpl::get_att(const Node& arg, int depth) {
  const char* shape =
      "Template error: every Fn::GetAtt object requires two non-empty parameters, the resource name and "
      "the resource attribute";
  std::string res, attr;
  if (arg.is_scalar()) {
    size_t dot = arg.str().find('.');
    if (dot == std::string::npos) return fail(shape, arg.mark());
    res = arg.str().substr(0, dot);
    attr = arg.str().substr(dot + 1);
  } else if (arg.is_sequence() && arg.size() == 2 && arg.items()[0].is_scalar()) {
    res = arg.items()[0].str();
    // The attribute name may itself be a Ref to a parameter.
    auto a = eval(arg.items()[1], depth + 1);
    if (!a) return a;
    if (!a->is_scalar()) return fail(shape, arg.mark());
    attr = a->str();
  } else {
    return fail(shape, arg.mark());
  }
  if (res.empty() || attr.empty()) return fail(shape, arg.mark());
  const ResourceDecl* r = e_.tpl_.resource(res);
  if (!r)
    return fail(fmt::format("Template error: instance of Fn::GetAtt references undefined resource {}", res),
                arg.mark());
  if (in_conditions_)
    return fail(fmt::format("Template format error: Unresolved dependencies [{}]. Cannot reference resources "
                            "in the Conditions block of the template", res), arg.mark());
  auto inc = e_.resource_included(*r);
  if (!inc) return unexpected(inc.error());
  if (!*inc) return unresolved(res, arg.mark());
  if (!e_.ctx_.callbacks.get_att)
    return fail(fmt::format("Template error: reference {} not ready", res), arg.mark());
  return e_.ctx_.callbacks.get_att(res, attr);
}

Result<bool> EvalImpl::condition(const std::string& name, const model::Mark& mark) {
  auto cached = e_.cond_cache_.find(name);
  if (cached != e_.cond_cache_.end()) return cached->second;
  const Node* def = e_.tpl_.conditions.is_map() ? e_.tpl_.conditions.find(name) : nullptr;
  if (!def)
    return fail(fmt::format("Template format error: Unresolved condition dependencies [{}] in the Resources "
                            "block of the template", name), mark);
  for (const auto& s : e_.cond_stack_)
    if (s == name)
      return fail(fmt::format("Template error: Condition {} has a circular dependency", name), mark);
  e_.cond_stack_.push_back(name);
  bool saved = in_conditions_;
  in_conditions_ = true;
  auto v = condition_value(*def, 0);
  in_conditions_ = saved;
  e_.cond_stack_.pop_back();
  if (!v) return v;
  e_.cond_cache_[name] = *v;
  return *v;
}

Result<bool> EvalImpl::condition_value(const Node& n, int depth) {
  if (depth > kMaxNesting)
    return fail(fmt::format("Template format error: the template nests deeper than {} levels", kMaxNesting),
                n.mark());
  if (n.is_scalar() && (n.str() == "true" || n.str() == "false")) return n.str() == "true";
  if (!n.is_intrinsic())
    return fail("Template format error: Conditions can only be boolean operations on parameters and "
                "mappings", n.mark());
  const std::string& fn = n.intrinsic_name();
  const Node& arg = n.intrinsic_arg();
  if (fn == "Condition") {
    if (!arg.is_scalar()) return fail("Template error: All Conditions must be of type string", arg.mark());
    return condition(arg.str(), arg.mark());
  }
  if (fn == "Fn::Equals") {
    if (!arg.is_sequence() || arg.size() != 2)
      return fail("Template error: Fn::Equals requires a list argument with two elements", n.mark());
    auto a = eval(arg.items()[0], depth + 1);
    if (!a) return unexpected(a.error());
    auto b = eval(arg.items()[1], depth + 1);
    if (!b) return unexpected(b.error());
    return a->to_json().dump() == b->to_json().dump() ||
           (a->is_scalar() && b->is_scalar() && a->str() == b->str());
  }
  if (fn == "Fn::Not") {
    if (!arg.is_sequence() || arg.size() != 1)
      return fail("Template error: Fn::Not requires a list argument with one element", n.mark());
    if (!is_boolean_function(arg.items()[0]))
      return fail("Template error: Fn::Not requires a list argument with one function token", n.mark());
    auto v = condition_value(arg.items()[0], depth + 1);
    if (!v) return v;
    return !*v;
  }
  if (fn == "Fn::And" || fn == "Fn::Or") {
    std::string msg = fmt::format("Template error: every {} object requires a list of at least 2 and at most "
                                  "10 boolean parameters.", fn);
    if (!arg.is_sequence() || arg.size() < 2 || arg.size() > 10) return fail(msg, n.mark());
    bool is_and = fn == "Fn::And";
    bool acc = is_and;
    for (const auto& i : arg.items()) {
      if (!is_boolean_function(i)) return fail(msg, i.mark());
      auto v = condition_value(i, depth + 1);
      if (!v) return v;
      acc = is_and ? (acc && *v) : (acc || *v);
    }
    return acc;
  }
  if (fn == "Fn::If") {
    auto v = eval(n, depth + 1);
    if (!v) return unexpected(v.error());
    return v->is_scalar() && v->str() == "true";
  }
  return fail("Template format error: Conditions can only be boolean operations on parameters and mappings",
              n.mark());
}

Evaluator::Evaluator(const Template& tpl, std::vector<ResolvedParameter> params, EvalContext ctx)
    : tpl_(tpl), params_(std::move(params)), ctx_(std::move(ctx)) {}

Result<bool> Evaluator::condition(const std::string& name) {
  EvalImpl impl(*this);
  return impl.condition(name, {});
}

Result<std::map<std::string, bool>> Evaluator::conditions() {
  std::map<std::string, bool> out;
  if (!tpl_.conditions.is_map()) return out;
  EvalImpl impl(*this);
  for (const auto& e : tpl_.conditions.entries()) {
    auto v = impl.condition(e.key, e.key_mark);
    if (!v) return unexpected(v.error());
    out[e.key] = *v;
  }
  return out;
}

Result<bool> Evaluator::resource_included(const ResourceDecl& r) {
  if (!r.condition) return true;
  if (!tpl_.has_condition(*r.condition))
    return fail(fmt::format("Template format error: Unresolved condition dependencies [{}] in the Resources "
                            "block of the template", *r.condition), r.mark);
  EvalImpl impl(*this);
  return impl.condition(*r.condition, r.mark);
}

Result<Node> Evaluator::resolve(const Node& value) {
  EvalImpl impl(*this);
  return impl.eval(value);
}

Result<Node> Evaluator::resource_properties(const std::string& logical_id) {
  const ResourceDecl* r = tpl_.resource(logical_id);
  if (!r)
    return fail(fmt::format("Template format error: Unresolved resource dependencies [{}] in the Resources "
                            "block of the template", logical_id));
  if (r->properties.is_null()) return Node();
  return resolve(r->properties);
}

Result<std::vector<EvaluatedOutput>> Evaluator::outputs() {
  std::vector<EvaluatedOutput> out;
  EvalImpl impl(*this);
  for (const auto& o : tpl_.outputs) {
    if (o.condition) {
      if (!tpl_.has_condition(*o.condition))
        return fail(fmt::format("Template format error: Unresolved condition dependencies [{}] in the Outputs "
                                "block of the template", *o.condition), o.mark);
      auto c = impl.condition(*o.condition, o.mark);
      if (!c) return unexpected(c.error());
      if (!*c) continue;
    }
    auto v = impl.eval(o.value);
    if (!v) return unexpected(v.error());
    EvaluatedOutput eo;
    eo.logical_id = o.logical_id;
    eo.description = o.description;
    if (v->is_sequence()) {
      std::vector<std::string> parts;
      for (const auto& i : v->items()) parts.push_back(i.as_string());
      eo.value = text::join(parts, ",");
    } else if (v->is_scalar()) {
      eo.value = v->str();
    } else {
      return fail(fmt::format("Template error: Output {} must resolve to a string or a list of strings",
                              o.logical_id), o.mark);
    }
    if (!o.export_name.is_null()) {
      auto n = impl.eval(o.export_name);
      if (!n) return unexpected(n.error());
      if (!n->is_scalar())
        return fail(fmt::format("Template error: the Export Name of output {} must resolve to a string",
                                o.logical_id), o.mark);
      eo.export_name = n->str();
    }
    out.push_back(std::move(eo));
  }
  return out;
}

}  // namespace pipemu::cfn
