#include "fakes/cloudformation/wire/render.hpp"

#include <ctime>

namespace pipemu::cfn::wire {

std::string iso8601(Millis t) {
  std::time_t secs = static_cast<std::time_t>(t / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(t % 1000));
  return out;
}

pugi::xml_node text(pugi::xml_node parent, const char* name, const std::string& value) {
  auto n = parent.append_child(name);
  n.text().set(value.c_str());
  return n;
}

pugi::xml_node members(pugi::xml_node parent, const char* name,
                       const std::vector<std::string>& values) {
  auto n = parent.append_child(name);
  for (const auto& v : values) text(n, "member", v);
  return n;
}

void render_parameters(pugi::xml_node parent, const std::vector<ParameterValue>& params) {
  auto list = parent.append_child("Parameters");
  for (const auto& p : params) {
    auto m = list.append_child("member");
    text(m, "ParameterKey", p.key);
    text(m, "ParameterValue", p.no_echo ? "****" : p.value);
    if (p.resolved) text(m, "ResolvedValue", p.no_echo ? "****" : *p.resolved);
  }
}

namespace {
void tags(pugi::xml_node parent, const std::vector<Tag>& t) {
  auto list = parent.append_child("Tags");
  for (const auto& tag : t) {
    auto m = list.append_child("member");
    text(m, "Key", tag.key);
    text(m, "Value", tag.value);
  }
}
}  // namespace

void render_stack(pugi::xml_node m, const Stack& s) {
  text(m, "StackId", s.id);
  text(m, "StackName", s.name);
  if (!s.change_set_id.empty()) text(m, "ChangeSetId", s.change_set_id);
  if (!s.description.empty()) text(m, "Description", s.description);
  render_parameters(m, s.parameters);
  text(m, "CreationTime", iso8601(s.created));
  if (s.updated) text(m, "LastUpdatedTime", iso8601(s.updated));
  if (s.deleted) text(m, "DeletionTime", iso8601(s.deleted));
  text(m, "StackStatus", s.status);
  if (!s.status_reason.empty()) text(m, "StackStatusReason", s.status_reason);
  text(m, "DisableRollback", s.disable_rollback ? "true" : "false");
  members(m, "NotificationARNs", s.notification_arns);
  members(m, "Capabilities", s.capabilities);
  auto outs = m.append_child("Outputs");
  for (const auto& o : s.outputs) {
    auto om = outs.append_child("member");
    text(om, "OutputKey", o.key);
    text(om, "OutputValue", o.value);
    if (!o.description.empty()) text(om, "Description", o.description);
    if (!o.export_name.empty()) text(om, "ExportName", o.export_name);
  }
  if (!s.role_arn.empty()) text(m, "RoleARN", s.role_arn);
  tags(m, s.tags);
  text(m, "EnableTerminationProtection", s.termination_protection ? "true" : "false");
  text(m.append_child("DriftInformation"), "StackDriftStatus", "NOT_CHECKED");
}

void render_stack_summary(pugi::xml_node m, const Stack& s) {
  text(m, "StackId", s.id);
  text(m, "StackName", s.name);
  if (!s.description.empty()) text(m, "TemplateDescription", s.description);
  text(m, "CreationTime", iso8601(s.created));
  if (s.updated) text(m, "LastUpdatedTime", iso8601(s.updated));
  if (s.deleted) text(m, "DeletionTime", iso8601(s.deleted));
  text(m, "StackStatus", s.status);
  if (!s.status_reason.empty()) text(m, "StackStatusReason", s.status_reason);
  text(m.append_child("DriftInformation"), "StackDriftStatus", "NOT_CHECKED");
}

void render_event(pugi::xml_node m, const Event& e) {
  text(m, "StackId", e.stack_id);
  text(m, "EventId", e.event_id);
  text(m, "StackName", e.stack_name);
  text(m, "LogicalResourceId", e.logical_id);
  text(m, "PhysicalResourceId", e.physical_id);
  text(m, "ResourceType", e.resource_type);
  text(m, "Timestamp", iso8601(e.timestamp));
  text(m, "ResourceStatus", e.status);
  if (!e.status_reason.empty()) text(m, "ResourceStatusReason", e.status_reason);
  if (!e.properties.empty()) text(m, "ResourceProperties", e.properties);
}

void render_resource(pugi::xml_node m, const Resource& r, const Stack& s, bool detail) {
  text(m, "StackName", s.name);
  text(m, "StackId", s.id);
  text(m, "LogicalResourceId", r.logical_id);
  if (!r.physical_id.empty()) text(m, "PhysicalResourceId", r.physical_id);
  text(m, "ResourceType", r.type);
  text(m, detail ? "LastUpdatedTimestamp" : "Timestamp", iso8601(r.updated));
  text(m, "ResourceStatus", r.status);
  if (!r.status_reason.empty()) text(m, "ResourceStatusReason", r.status_reason);
  if (detail && !r.metadata.empty()) text(m, "Metadata", r.metadata);
  text(m.append_child("DriftInformation"), "StackResourceDriftStatus", "NOT_CHECKED");
}

void render_resource_summary(pugi::xml_node m, const Resource& r) {
  text(m, "LogicalResourceId", r.logical_id);
  if (!r.physical_id.empty()) text(m, "PhysicalResourceId", r.physical_id);
  text(m, "ResourceType", r.type);
  text(m, "LastUpdatedTimestamp", iso8601(r.updated));
  text(m, "ResourceStatus", r.status);
  if (!r.status_reason.empty()) text(m, "ResourceStatusReason", r.status_reason);
  text(m.append_child("DriftInformation"), "StackResourceDriftStatus", "NOT_CHECKED");
}

namespace {

// A JSON change as XML: objects become elements, arrays <member> lists.
void json_to_xml(pugi::xml_node parent, const char* name, const Json& v) {
  if (v.is_object()) {
    auto n = parent.append_child(name);
    for (auto& [k, item] : v.items()) json_to_xml(n, k.c_str(), item);
  } else if (v.is_array()) {
    auto n = parent.append_child(name);
    for (const auto& item : v) json_to_xml(n, "member", item);
  } else if (v.is_string()) {
    text(parent, name, v.get<std::string>());
  } else if (!v.is_null()) {
    text(parent, name, v.dump());
  }
}

}  // namespace

void render_change_set(pugi::xml_node r, const ChangeSet& c) {
  text(r, "ChangeSetName", c.name);
  text(r, "ChangeSetId", c.id);
  text(r, "StackId", c.stack_id);
  text(r, "StackName", c.stack_name);
  if (!c.description.empty()) text(r, "Description", c.description);
  render_parameters(r, c.parameters);
  text(r, "CreationTime", iso8601(c.created));
  text(r, "ExecutionStatus", c.execution_status);
  text(r, "Status", c.status);
  if (!c.status_reason.empty()) text(r, "StatusReason", c.status_reason);
  members(r, "NotificationARNs", c.notification_arns);
  members(r, "Capabilities", c.capabilities);
  tags(r, c.tags);
  json_to_xml(r, "Changes", c.changes);
  text(r, "IncludeNestedStacks", "false");
}

void render_change_set_summary(pugi::xml_node m, const ChangeSet& c) {
  text(m, "StackId", c.stack_id);
  text(m, "StackName", c.stack_name);
  text(m, "ChangeSetId", c.id);
  text(m, "ChangeSetName", c.name);
  text(m, "ExecutionStatus", c.execution_status);
  text(m, "Status", c.status);
  if (!c.status_reason.empty()) text(m, "StatusReason", c.status_reason);
  text(m, "CreationTime", iso8601(c.created));
  if (!c.description.empty()) text(m, "Description", c.description);
  text(m, "IncludeNestedStacks", "false");
}

void render_template_summary(pugi::xml_node r, const TemplateSummary& s, bool validate) {
  auto params = r.append_child("Parameters");
  for (const auto& p : s.parameters) {
    auto m = params.append_child("member");
    text(m, "ParameterKey", p.key);
    if (p.default_value) text(m, "DefaultValue", *p.default_value);
    if (!validate) text(m, "ParameterType", p.type);
    text(m, "NoEcho", p.no_echo ? "true" : "false");
    if (!p.description.empty()) text(m, "Description", p.description);
    if (!validate && !p.allowed.empty())
      members(m.append_child("ParameterConstraints"), "AllowedValues", p.allowed);
  }
  if (!s.description.empty()) text(r, "Description", s.description);
  members(r, "Capabilities", s.capabilities);
  if (!s.capabilities_reason.empty()) text(r, "CapabilitiesReason", s.capabilities_reason);
  members(r, "DeclaredTransforms", s.declared_transforms);
  if (validate) return;
  members(r, "ResourceTypes", s.resource_types);
  if (!s.version.empty()) text(r, "Version", s.version);
  if (!s.metadata.empty()) text(r, "Metadata", s.metadata);
  members(r.append_child("Warnings"), "UnrecognizedResourceTypes", s.unrecognized_types);
}

}  // namespace pipemu::cfn::wire
