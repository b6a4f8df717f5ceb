// Describe*/List*/GetTemplate: read-only views of the region's stacks. Only GetTemplate reads a
// stack's template texts.
#include <algorithm>

#include "fakes/cloudformation/service_impl.hpp"

namespace pipemu::cfn {

namespace {
constexpr auto kNoTemplates = store::Store::Templates::Skip;
}  // namespace

ApiResult<std::vector<Stack>> Service::describe_stacks(const Caller& c, const std::string& name) {
  return impl_->in_region_read(c, "DescribeStacks", [&](Env& env) -> ApiResult<std::vector<Stack>> {
    if (!name.empty()) {
      auto s = require_stack(env, name, kNoTemplates);
      if (!s) return unexpected(s.error());
      return std::vector<Stack>{*s};
    }
    auto all = env.store.list_stacks(false, kNoTemplates);
    for (auto& s : all) s.region = c.region;
    return all;
  });
}

ApiResult<std::vector<Event>> Service::describe_stack_events(const Caller& c,
                                                             const std::string& name) {
  return impl_->in_region_read(c, "DescribeStackEvents", [&](Env& env) -> ApiResult<std::vector<Event>> {
    auto s = require_stack(env, name, kNoTemplates);
    if (!s) return unexpected(s.error());
    return env.store.events(s->id);
  });
}

ApiResult<Resource> Service::describe_stack_resource(const Caller& c, const std::string& name,
                                                     const std::string& logical_id) {
  return impl_->in_region_read(c, "DescribeStackResource", [&](Env& env) -> ApiResult<Resource> {
    auto s = require_stack(env, name, kNoTemplates);
    if (!s) return unexpected(s.error());
    auto r = env.store.find_resource(s->id, logical_id);
    if (!r)
      return unexpected(validation_error("Resource " + logical_id + " does not exist for stack " +
                                         name));
    return *r;
  });
}

namespace {

// DescribeStackResources' lookup; ListStackResources is the same read under its own name (so a
// fault rule on either operation hits only that one).
ApiResult<std::vector<Resource>> stack_resources(Env& env, const std::string& name,
                                                 const std::string& logical_id,
                                                 const std::string& physical_id) {
  std::vector<Resource> out;
  if (name.empty()) {
    if (physical_id.empty())
      return unexpected(validation_error("Either StackName or PhysicalResourceId must be specified."));
    for (const auto& s : env.store.list_stacks(false, kNoTemplates))
      for (auto& r : env.store.resources(s.id))
        if (r.physical_id == physical_id) out.push_back(std::move(r));
    if (out.empty())
      return unexpected(validation_error("Stack for " + physical_id + " does not exist"));
    return out;
  }
  auto s = require_stack(env, name, kNoTemplates);
  if (!s) return unexpected(s.error());
  for (auto& r : env.store.resources(s->id))
    if ((logical_id.empty() || r.logical_id == logical_id) &&
        (physical_id.empty() || r.physical_id == physical_id))
      out.push_back(std::move(r));
  return out;
}

}  // namespace

ApiResult<std::vector<Resource>> Service::describe_stack_resources(const Caller& c,
                                                                   const std::string& name,
                                                                   const std::string& logical_id,
                                                                   const std::string& physical_id) {
  return impl_->in_region_read(c, "DescribeStackResources", [&](Env& env) {
    return stack_resources(env, name, logical_id, physical_id);
  });
}

ApiResult<std::vector<Resource>> Service::list_stack_resources(const Caller& c,
                                                               const std::string& name) {
  return impl_->in_region_read(c, "ListStackResources", [&](Env& env) {
    return stack_resources(env, name, {}, {});
  });
}

ApiResult<std::vector<Stack>> Service::list_stacks(const Caller& c,
                                                   const std::vector<std::string>& statuses) {
  return impl_->in_region_read(c, "ListStacks", [&](Env& env) -> ApiResult<std::vector<Stack>> {
    std::vector<Stack> out;
    for (auto& s : env.store.list_stacks(true, kNoTemplates)) {
      if (!statuses.empty() &&
          std::find(statuses.begin(), statuses.end(), s.status) == statuses.end())
        continue;
      s.region = c.region;
      out.push_back(std::move(s));
    }
    return out;
  });
}

ApiResult<TemplateText> Service::get_template(const Caller& c, const std::string& name,
                                              const std::string& change_set,
                                              const std::string& stage) {
  if (stage != "Original" && stage != "Processed")
    return unexpected(validation_error(
        "1 validation error detected: Value '" + stage +
        "' at 'templateStage' failed to satisfy constraint: Member must satisfy enum value set: "
        "[Original, Processed]"));
  return impl_->in_region_read(c, "GetTemplate", [&](Env& env) -> ApiResult<TemplateText> {
    if (!change_set.empty()) {
      auto cs = change_set.rfind("arn:", 0) == 0 ? env.store.find_change_set_by_id(change_set)
                                                 : std::optional<ChangeSet>();
      if (!cs) {
        auto s = require_stack(env, name, kNoTemplates);
        if (!s) return unexpected(s.error());
        cs = env.store.find_change_set(s->id, change_set);
      }
      if (!cs) return unexpected(change_set_not_found(change_set));
      return TemplateText{cs->template_body, {"Original"}};
    }
    auto s = require_stack(env, name);
    if (!s) return unexpected(s.error());
    // Without a Transform the processed template is the original text.
    bool transformed = s->template_body.find("Transform") != std::string::npos &&
                       !s->processed_template.empty();
    TemplateText t;
    t.stages = {"Original", "Processed"};
    t.body = stage == "Processed" && transformed ? s->processed_template : s->template_body;
    return t;
  });
}

ApiResult<std::vector<Export>> Service::list_exports(const Caller& c) {
  return impl_->in_region_read(c, "ListExports", [&](Env& env) -> ApiResult<std::vector<Export>> {
    return env.store.exports();
  });
}

ApiResult<std::vector<std::string>> Service::list_imports(const Caller& c,
                                                          const std::string& export_name) {
  return impl_->in_region_read(c, "ListImports", [&](Env& env) -> ApiResult<std::vector<std::string>> {
    std::vector<std::string> out;
    for (const auto& i : env.store.importers(export_name)) out.push_back(i.stack_name);
    if (out.empty())
      return unexpected(validation_error("Export '" + export_name +
                                         "' is not imported by any stack."));
    return out;
  });
}

}  // namespace pipemu::cfn
