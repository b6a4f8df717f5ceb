#include "fakes/cloudformation/wire/query.hpp"

#include <cstdlib>

namespace pipemu::cfn::wire {

std::string QueryArgs::get(const std::string& name) const {
  auto it = f_.find(name);
  return it == f_.end() ? std::string() : it->second;
}

std::optional<std::string> QueryArgs::opt(const std::string& name) const {
  auto it = f_.find(name);
  if (it == f_.end()) return std::nullopt;
  return it->second;
}

std::optional<bool> QueryArgs::flag(const std::string& name) const {
  auto v = opt(name);
  if (!v) return std::nullopt;
  return *v == "true";
}

std::vector<std::map<std::string, std::string>> QueryArgs::structs(const std::string& name) const {
  std::map<long, std::map<std::string, std::string>> by_index;
  const std::string prefix = name + ".member.";
  for (auto it = f_.lower_bound(prefix); it != f_.end() && it->first.rfind(prefix, 0) == 0; ++it) {
    auto rest = it->first.substr(prefix.size());
    char* end = nullptr;
    long index = std::strtol(rest.c_str(), &end, 10);
    if (end == rest.c_str() || index < 1) continue;
    std::string field = *end == '.' ? std::string(end + 1) : std::string();
    by_index[index][field] = it->second;
  }
  std::vector<std::map<std::string, std::string>> out;
  for (auto& [i, m] : by_index) out.push_back(std::move(m));
  return out;
}

std::vector<std::string> QueryArgs::list(const std::string& name) const {
  std::vector<std::string> out;
  for (auto& m : structs(name))
    if (m.count("")) out.push_back(m[""]);
  return out;
}

std::vector<ParameterInput> QueryArgs::parameters() const {
  std::vector<ParameterInput> out;
  for (auto& m : structs("Parameters")) {
    ParameterInput p;
    p.key = m["ParameterKey"];
    if (m.count("ParameterValue")) p.value = m["ParameterValue"];
    p.use_previous_value = m["UsePreviousValue"] == "true";
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Tag> QueryArgs::tags() const {
  std::vector<Tag> out;
  for (auto& m : structs("Tags")) out.push_back({m["Key"], m["Value"]});
  return out;
}

void QueryArgs::fill(StackInput& in) const {
  in.stack_name = get("StackName");
  in.template_body = opt("TemplateBody");
  in.template_url = opt("TemplateURL");
  in.use_previous_template = flag("UsePreviousTemplate").value_or(false);
  in.parameters = parameters();
  in.capabilities = list("Capabilities");
  in.tags = tags();
  in.notification_arns = list("NotificationARNs");
  in.role_arn = get("RoleARN");
}

}  // namespace pipemu::cfn::wire
