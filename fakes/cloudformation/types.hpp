#pragma once
// The records CloudFormation keeps per region: stacks, their resources and events, change sets,
// exports. Plain data shared by store, engine, service and wire. Structured fields (evaluated
// properties, attributes, change lists) are JSON values, stored as JSON text.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pipemu::cfn {

using Json = nlohmann::json;

// Milliseconds since the epoch; the wire renders ISO-8601.
using Millis = std::int64_t;

struct Tag {
  std::string key;
  std::string value;
};

// A parameter as the caller gave it (value or UsePreviousValue) and as it resolved: for
// AWS::SSM::Parameter::Value<...> types `value` is the SSM name and `resolved` its value then.
struct ParameterValue {
  std::string key;
  std::string value;
  bool use_previous = false;
  std::optional<std::string> resolved;
  bool no_echo = false;
};

struct Output {
  std::string key;
  std::string value;
  std::string description;
  std::string export_name;  // empty: not exported
};

struct Stack {
  std::string id;  // arn:aws:cloudformation:<r>:<acct>:stack/<name>/<uuid>
  std::string name;
  std::string region;
  std::string status;
  std::string status_reason;
  std::string description;
  std::string template_body;       // as submitted (GetTemplate Original)
  std::string processed_template;  // after transforms (GetTemplate Processed), JSON text
  std::vector<ParameterValue> parameters;
  std::vector<std::string> capabilities;
  std::vector<Output> outputs;
  std::vector<Tag> tags;
  std::vector<std::string> notification_arns;
  std::string role_arn;
  std::string change_set_id;  // the change set that last changed it
  bool disable_rollback = false;
  bool termination_protection = false;
  Millis created = 0;
  Millis updated = 0;  // 0: never
  Millis deleted = 0;  // 0: live
};

struct Resource {
  std::string stack_id;
  std::string logical_id;
  std::string physical_id;
  std::string type;
  std::string status;
  std::string status_reason;
  Json properties = Json::object();  // evaluated, as the provider received them
  Json attributes = Json::object();  // GetAtt answers
  std::string metadata;              // JSON text of the template Metadata section
  Millis updated = 0;
};

struct Event {
  std::string event_id;
  std::string stack_id;
  std::string stack_name;
  std::string logical_id;
  std::string physical_id;
  std::string resource_type;
  std::string status;
  std::string status_reason;
  std::string properties;  // ResourceProperties JSON text, may be empty
  Millis timestamp = 0;
  std::int64_t seq = 0;  // insertion order; DescribeStackEvents lists newest first
};

struct ChangeSet {
  std::string id;  // arn:aws:cloudformation:<r>:<acct>:changeSet/<name>/<uuid>
  std::string name;
  std::string stack_id;
  std::string stack_name;
  std::string type;  // CREATE | UPDATE
  std::string status;
  std::string execution_status;
  std::string status_reason;
  std::string description;
  std::string template_body;
  std::vector<ParameterValue> parameters;  // resolved at creation (SSM values captured)
  std::vector<std::string> capabilities;
  std::vector<Tag> tags;
  std::vector<std::string> notification_arns;
  std::string role_arn;
  Json changes = Json::array();  // [{Type: Resource, ResourceChange: {...}}]
  Millis created = 0;
};

struct Export {
  std::string name;
  std::string value;
  std::string stack_id;
};

// One importing stack of an export (ListImports).
struct Import {
  std::string export_name;
  std::string stack_id;
  std::string stack_name;
};

}  // namespace pipemu::cfn
