#include "fakes/cloudformation/wire/operations.hpp"

#include "fakes/cloudformation/wire/render.hpp"

namespace pipemu::cfn::wire {

namespace {

constexpr size_t kPage = 100;

// Offset-based NextToken paging over an already-ordered list.
template <class T, class F>
ApiResult<bool> paged(const QueryArgs& args, pugi::xml_node result, const char* list_name,
                      const std::vector<T>& items, F render_member) {
  size_t from = 0;
  if (auto token = args.opt("NextToken")) {
    try {
      from = std::stoul(*token);
    } catch (...) {
      return unexpected(validation_error("Invalid NextToken"));
    }
  }
  auto list = result.append_child(list_name);
  size_t to = std::min(items.size(), from + kPage);
  for (size_t i = from; i < to; ++i) render_member(list.append_child("member"), items[i]);
  if (to < items.size()) text(result, "NextToken", std::to_string(to));
  return true;
}

ApiResult<bool> create_stack(Call& c, pugi::xml_node r) {
  CreateStackInput in;
  c.args.fill(in);
  in.on_failure = c.args.get("OnFailure");
  in.disable_rollback = c.args.flag("DisableRollback");
  in.enable_termination_protection = c.args.flag("EnableTerminationProtection").value_or(false);
  auto id = c.service.create_stack(c.caller, in);
  if (!id) return unexpected(id.error());
  text(r, "StackId", *id);
  return true;
}

ApiResult<bool> update_stack(Call& c, pugi::xml_node r) {
  UpdateStackInput in;
  c.args.fill(in);
  in.disable_rollback = c.args.flag("DisableRollback");
  auto id = c.service.update_stack(c.caller, in);
  if (!id) return unexpected(id.error());
  text(r, "StackId", *id);
  return true;
}

ApiResult<bool> delete_stack(Call& c, pugi::xml_node) {
  auto done = c.service.delete_stack(c.caller, c.args.get("StackName"),
                                     c.args.list("RetainResources"));
  if (!done) return unexpected(done.error());
  return false;
}

ApiResult<bool> describe_stacks(Call& c, pugi::xml_node r) {
  auto stacks = c.service.describe_stacks(c.caller, c.args.get("StackName"));
  if (!stacks) return unexpected(stacks.error());
  return paged(c.args, r, "Stacks", *stacks, render_stack);
}

ApiResult<bool> list_stacks(Call& c, pugi::xml_node r) {
  auto stacks = c.service.list_stacks(c.caller, c.args.list("StackStatusFilter"));
  if (!stacks) return unexpected(stacks.error());
  return paged(c.args, r, "StackSummaries", *stacks, render_stack_summary);
}

ApiResult<bool> describe_stack_events(Call& c, pugi::xml_node r) {
  auto events = c.service.describe_stack_events(c.caller, c.args.get("StackName"));
  if (!events) return unexpected(events.error());
  return paged(c.args, r, "StackEvents", *events, render_event);
}

ApiResult<bool> describe_stack_resource(Call& c, pugi::xml_node r) {
  auto name = c.args.get("StackName");
  auto res = c.service.describe_stack_resource(c.caller, name, c.args.get("LogicalResourceId"));
  if (!res) return unexpected(res.error());
  auto stack = c.service.describe_stacks(c.caller, name);
  if (!stack) return unexpected(stack.error());
  render_resource(r.append_child("StackResourceDetail"), *res, stack->front(), true);
  return true;
}

ApiResult<bool> describe_stack_resources(Call& c, pugi::xml_node r) {
  auto name = c.args.get("StackName");
  auto res = c.service.describe_stack_resources(c.caller, name, c.args.get("LogicalResourceId"),
                                                c.args.get("PhysicalResourceId"));
  if (!res) return unexpected(res.error());
  auto list = r.append_child("StackResources");
  for (const auto& item : *res) {
    auto stack = c.service.describe_stacks(c.caller, item.stack_id);
    if (!stack) return unexpected(stack.error());
    render_resource(list.append_child("member"), item, stack->front(), false);
  }
  return true;
}

ApiResult<bool> list_stack_resources(Call& c, pugi::xml_node r) {
  auto res = c.service.list_stack_resources(c.caller, c.args.get("StackName"));
  if (!res) return unexpected(res.error());
  return paged(c.args, r, "StackResourceSummaries", *res, render_resource_summary);
}

ApiResult<bool> get_template(Call& c, pugi::xml_node r) {
  auto stage = c.args.opt("TemplateStage").value_or("Original");
  auto t = c.service.get_template(c.caller, c.args.get("StackName"), c.args.get("ChangeSetName"),
                                  stage);
  if (!t) return unexpected(t.error());
  text(r, "TemplateBody", t->body);
  members(r, "StagesAvailable", t->stages);
  return true;
}

ApiResult<bool> get_template_summary(Call& c, pugi::xml_node r) {
  StackInput in;
  c.args.fill(in);
  auto s = c.service.get_template_summary(c.caller, in);
  if (!s) return unexpected(s.error());
  render_template_summary(r, *s, false);
  return true;
}

ApiResult<bool> validate_template(Call& c, pugi::xml_node r) {
  StackInput in;
  c.args.fill(in);
  auto s = c.service.validate_template(c.caller, in);
  if (!s) return unexpected(s.error());
  render_template_summary(r, *s, true);
  return true;
}

ApiResult<bool> create_change_set(Call& c, pugi::xml_node r) {
  ChangeSetInput in;
  c.args.fill(in);
  in.change_set_name = c.args.get("ChangeSetName");
  in.change_set_type = c.args.opt("ChangeSetType").value_or("UPDATE");
  in.description = c.args.get("Description");
  auto ref = c.service.create_change_set(c.caller, in);
  if (!ref) return unexpected(ref.error());
  text(r, "Id", ref->id);
  text(r, "StackId", ref->stack_id);
  return true;
}

ApiResult<bool> describe_change_set(Call& c, pugi::xml_node r) {
  auto cs = c.service.describe_change_set(c.caller, c.args.get("ChangeSetName"),
                                          c.args.get("StackName"));
  if (!cs) return unexpected(cs.error());
  render_change_set(r, *cs);
  return true;
}

ApiResult<bool> execute_change_set(Call& c, pugi::xml_node) {
  auto done = c.service.execute_change_set(c.caller, c.args.get("ChangeSetName"),
                                           c.args.get("StackName"),
                                           c.args.flag("DisableRollback"));
  if (!done) return unexpected(done.error());
  return true;  // an empty <ExecuteChangeSetResult/>
}

ApiResult<bool> delete_change_set(Call& c, pugi::xml_node) {
  auto done = c.service.delete_change_set(c.caller, c.args.get("ChangeSetName"),
                                          c.args.get("StackName"));
  if (!done) return unexpected(done.error());
  return true;
}

ApiResult<bool> list_change_sets(Call& c, pugi::xml_node r) {
  auto list = c.service.list_change_sets(c.caller, c.args.get("StackName"));
  if (!list) return unexpected(list.error());
  return paged(c.args, r, "Summaries", *list, render_change_set_summary);
}

ApiResult<bool> list_exports(Call& c, pugi::xml_node r) {
  auto list = c.service.list_exports(c.caller);
  if (!list) return unexpected(list.error());
  return paged(c.args, r, "Exports", *list, [](pugi::xml_node m, const Export& e) {
    text(m, "ExportingStackId", e.stack_id);
    text(m, "Name", e.name);
    text(m, "Value", e.value);
  });
}

ApiResult<bool> list_imports(Call& c, pugi::xml_node r) {
  auto list = c.service.list_imports(c.caller, c.args.get("ExportName"));
  if (!list) return unexpected(list.error());
  return paged(c.args, r, "Imports", *list,
               [](pugi::xml_node m, const std::string& name) { m.text().set(name.c_str()); });
}

}  // namespace

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"CreateStack", create_stack},
      {"UpdateStack", update_stack},
      {"DeleteStack", delete_stack},
      {"DescribeStacks", describe_stacks},
      {"ListStacks", list_stacks},
      {"DescribeStackEvents", describe_stack_events},
      {"DescribeStackResource", describe_stack_resource},
      {"DescribeStackResources", describe_stack_resources},
      {"ListStackResources", list_stack_resources},
      {"GetTemplate", get_template},
      {"GetTemplateSummary", get_template_summary},
      {"ValidateTemplate", validate_template},
      {"CreateChangeSet", create_change_set},
      {"DescribeChangeSet", describe_change_set},
      {"ExecuteChangeSet", execute_change_set},
      {"DeleteChangeSet", delete_change_set},
      {"ListChangeSets", list_change_sets},
      {"ListExports", list_exports},
      {"ListImports", list_imports},
  };
  return table;
}

}  // namespace pipemu::cfn::wire
