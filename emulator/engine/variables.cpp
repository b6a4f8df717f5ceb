#include "engine/variables.hpp"

#include <fmt/format.h>

namespace pipemu::engine {

Variables::Variables(std::string execution_id) {
  values_["codepipeline"]["PipelineExecutionId"] = std::move(execution_id);
}

void Variables::publish(const std::string& ns, const std::map<std::string, std::string>& values) {
  if (ns.empty()) return;  // no namespace: the variables exist but nobody can reference them
  std::lock_guard lock(mutex_);
  auto& slot = values_[ns];
  for (const auto& [k, v] : values) slot[k] = v;
}

Expected<std::string, std::string> Variables::resolve(const std::string& text) const {
  std::lock_guard lock(mutex_);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("#{", pos);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open + 2);
    if (close == std::string::npos) break;  // not a reference: left as written, like AWS
    std::string ref = text.substr(open + 2, close - open - 2);
    size_t dot = ref.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == ref.size())
      return unexpected(fmt::format(
          "Invalid action configuration: the variable reference #{{{}}} is not of the form "
          "#{{Namespace.Variable}}",
          ref));
    std::string ns = ref.substr(0, dot), key = ref.substr(dot + 1);
    auto n = values_.find(ns);
    if (n == values_.end())
      return unexpected(fmt::format(
          "Invalid action configuration: the namespace '{}' in #{{{}}} is not produced by any "
          "action that ran before this one",
          ns, ref));
    auto v = n->second.find(key);
    if (v == n->second.end())
      return unexpected(fmt::format(
          "Invalid action configuration: the variable '{}' is not defined in namespace '{}' "
          "(#{{{}}})",
          key, ns, ref));
    out.append(text, pos, open - pos);
    out += v->second;
    pos = close + 1;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

std::map<std::string, std::string> Variables::flat() const {
  std::lock_guard lock(mutex_);
  std::map<std::string, std::string> out;
  for (const auto& [ns, vals] : values_)
    for (const auto& [k, v] : vals) out[ns + "." + k] = v;
  return out;
}

}  // namespace pipemu::engine
