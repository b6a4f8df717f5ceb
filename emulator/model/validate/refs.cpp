// Undefined names in Ref, Fn::GetAtt and Fn::Sub. CloudFormation checks these before it creates
// anything, so a typo (or a parameter whose name key went missing) fails the whole stack.
#include <fmt/format.h>

#include <algorithm>

#include "model/text.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

const std::vector<std::string> kPseudo = {"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
                                          "AWS::Partition", "AWS::Region",           "AWS::StackId",
                                          "AWS::StackName", "AWS::URLSuffix"};

class RefChecker {
 public:
  RefChecker(const Template& t, Diagnostics& d) : t_(t), d_(d) {
    for (const auto& p : t.parameters) names_.push_back(p.name);
    for (const auto& r : t.resources)
      names_.push_back(r.logical_id), resources_.push_back(r.logical_id);
  }

  void section(const char* name) {
    if (const Node* n = t_.root.find(name)) {
      section_ = name;
      walk(*n);
    }
  }

 private:
  bool defined(const std::string& name) const {
    return std::find(names_.begin(), names_.end(), name) != names_.end() ||
           std::find(kPseudo.begin(), kPseudo.end(), name) != kPseudo.end();
  }
  bool is_resource(const std::string& name) const {
    return std::find(resources_.begin(), resources_.end(), name) != resources_.end();
  }

  std::string suggestion(const std::string& name, const std::vector<std::string>& pool) const {
    std::vector<std::string> all = pool;
    if (&pool == &names_) all.insert(all.end(), kPseudo.begin(), kPseudo.end());
    std::string near = text::closest(name, all);
    if (!near.empty()) return fmt::format("did you mean '{}'?", near);
    if (&pool == &resources_) return fmt::format("declare a resource '{}' under Resources", name);
    return fmt::format("declare '{}' under Parameters (with its Type) or under Resources", name);
  }

  void undefined_ref(const std::string& name, const Mark& m) {
    d_.error(m,
             fmt::format(
                 "Template format error: Unresolved resource dependencies [{}] in the {} block of "
                 "the template",
                 name, section_),
             "ref-undefined", suggestion(name, names_));
  }

  void check_sub(const Node& arg) {
    const Node* str = arg.is_sequence() && arg.size() > 0 ? &arg.items()[0] : &arg;
    if (!str->is_scalar()) return;
    std::vector<std::string> vars;
    if (arg.is_sequence() && arg.size() > 1 && arg.items()[1].is_map())
      vars = arg.items()[1].keys();
    const std::string& s = str->str();
    for (size_t i = s.find("${"); i != std::string::npos; i = s.find("${", i + 2)) {
      size_t end = s.find('}', i);
      if (end == std::string::npos) break;
      std::string name = text::trim(s.substr(i + 2, end - i - 2));
      if (name.empty() || name[0] == '!') continue;  // ${!Literal}
      if (std::find(vars.begin(), vars.end(), name) != vars.end()) continue;
      size_t dot = name.find('.');
      if (dot != std::string::npos && name.rfind("AWS::", 0) != 0) {
        std::string res = name.substr(0, dot);
        if (!is_resource(res))
          d_.error(str->mark(),
                   fmt::format(
                       "Template error: instance of Fn::Sub references undefined resource {}", res),
                   "getatt-undefined", suggestion(res, resources_));
      } else if (!defined(name)) {
        undefined_ref(name, str->mark());
      }
    }
  }

  void walk(const Node& n) {
    if (n.is_sequence()) {
      for (const auto& i : n.items()) walk(i);
      return;
    }
    if (!n.is_map()) return;
    if (n.is_intrinsic()) {
      const std::string& fn = n.intrinsic_name();
      const Node& arg = n.intrinsic_arg();
      if (fn == "Ref" && arg.is_scalar() && !defined(arg.str()))
        undefined_ref(arg.str(), arg.mark());
      if (fn == "Fn::GetAtt") {
        const Node* target = arg.is_sequence() && arg.size() > 0 ? &arg.items()[0] : nullptr;
        std::string name = target ? target->as_string() : arg.as_string();
        if (!target && name.find('.') != std::string::npos) name = name.substr(0, name.find('.'));
        if (!name.empty() && !is_resource(name))
          d_.error(
              target ? target->mark() : arg.mark(),
              fmt::format("Template error: instance of Fn::GetAtt references undefined resource {}",
                          name),
              "getatt-undefined", suggestion(name, resources_));
      }
      if (fn == "Fn::Sub") check_sub(arg);
    }
    for (const auto& e : n.entries()) walk(e.value);
  }

  const Template& t_;
  Diagnostics& d_;
  std::vector<std::string> names_;
  std::vector<std::string> resources_;
  std::string section_;
};

}  // namespace

void check_refs(const Template& t, Diagnostics& d) {
  RefChecker c(t, d);
  c.section("Resources");
  c.section("Outputs");
  c.section("Conditions");
}

}  // namespace pipemu::model::validate
