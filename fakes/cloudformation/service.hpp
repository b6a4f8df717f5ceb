#pragma once
// CloudFormation, AWS semantics (aws-semantics.md §3-§5), called in-process by the pipeline
// emulator's deploy actions and by the query-protocol wire (wire/).
//
// Contract:
//  - Region and account are explicit on every call; each region has its own stacks, change sets
//    and exports (Fn::ImportValue sees only its own region).
//  - Operations complete synchronously: when create_stack returns, the stack is already
//    CREATE_COMPLETE or ROLLBACK_COMPLETE (clients' waiters check once and never sleep).
//  - Every call is one transaction on the region's database.
//  - Errors are values with AWS's code and exact message (errors.hpp).
//  - Thread-safe (the region database serialises calls).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakes/cloudformation/errors.hpp"
#include "fakes/cloudformation/ports.hpp"
#include "fakes/cloudformation/providers/provider.hpp"
#include "fakes/cloudformation/template/parameters.hpp"
#include "fakes/cloudformation/types.hpp"

namespace pipemu::fakes {
class Faults;
}

namespace pipemu::cfn {

struct Caller {
  std::string account = "123456789012";
  std::string region = "us-east-1";
};

// The template and its settings, shared by CreateStack, UpdateStack and CreateChangeSet.
struct StackInput {
  std::string stack_name;  // name or, for updates, the stack ARN
  std::optional<std::string> template_body;
  std::optional<std::string> template_url;  // https://<s3>/bucket/key or path-style endpoint URL
  bool use_previous_template = false;
  std::vector<ParameterInput> parameters;
  std::vector<std::string> capabilities;
  std::vector<Tag> tags;
  std::vector<std::string> notification_arns;
  std::string role_arn;
};

struct CreateStackInput : StackInput {
  std::string on_failure;  // ROLLBACK (default) | DO_NOTHING | DELETE
  std::optional<bool> disable_rollback;
  bool enable_termination_protection = false;
};

struct UpdateStackInput : StackInput {
  std::optional<bool> disable_rollback;
};

struct ChangeSetInput : StackInput {
  std::string change_set_name;
  std::string change_set_type = "UPDATE";  // CREATE | UPDATE
  std::string description;
};

struct ChangeSetRef {
  std::string id;
  std::string stack_id;
};

// GetTemplateSummary / ValidateTemplate.
struct TemplateParameterInfo {
  std::string key;
  std::optional<std::string> default_value;
  bool no_echo = false;
  std::string description;
  std::string type;                  // GetTemplateSummary's ParameterType
  std::vector<std::string> allowed;  // ParameterConstraints.AllowedValues
};

struct TemplateSummary {
  std::vector<TemplateParameterInfo> parameters;
  std::string description;
  std::vector<std::string> capabilities;
  std::string capabilities_reason;
  std::vector<std::string> resource_types;  // sorted, unique
  std::vector<std::string> declared_transforms;
  std::string version;
  std::string metadata;  // JSON text, "" when none
  std::vector<std::string> unrecognized_types;  // Warnings.UnrecognizedResourceTypes
};

struct TemplateText {
  std::string body;
  std::vector<std::string> stages;  // "Original" and, with transforms, "Processed"
};

class Service {
 public:
  Service(DatabaseFor databases, AwsPorts& aws, std::shared_ptr<ProviderRegistry> providers,
          Clock clock = Clock::system(), std::uint64_t id_seed = 0);

  ApiResult<std::string> create_stack(const Caller& c, const CreateStackInput& in);
  ApiResult<std::string> update_stack(const Caller& c, const UpdateStackInput& in);
  ApiResult<Ok> delete_stack(const Caller& c, const std::string& stack,
                             const std::vector<std::string>& retain_resources = {});

  // All live stacks when `stack` is empty; a deleted stack only by its ARN.
  ApiResult<std::vector<Stack>> describe_stacks(const Caller& c, const std::string& stack = {});
  // Newest first.
  ApiResult<std::vector<Event>> describe_stack_events(const Caller& c, const std::string& stack);
  ApiResult<Resource> describe_stack_resource(const Caller& c, const std::string& stack,
                                              const std::string& logical_id);
  // By stack (and optionally logical id), or by physical id alone.
  ApiResult<std::vector<Resource>> describe_stack_resources(const Caller& c,
                                                            const std::string& stack,
                                                            const std::string& logical_id = {},
                                                            const std::string& physical_id = {});
  ApiResult<std::vector<Resource>> list_stack_resources(const Caller& c, const std::string& stack);
  // Live and deleted stacks, filtered by status when `statuses` is not empty.
  ApiResult<std::vector<Stack>> list_stacks(const Caller& c,
                                            const std::vector<std::string>& statuses = {});

  // `stage`: Original (default) or Processed. `change_set` (name or ARN) reads its template.
  ApiResult<TemplateText> get_template(const Caller& c, const std::string& stack,
                                       const std::string& change_set = {},
                                       const std::string& stage = "Original");
  ApiResult<TemplateSummary> get_template_summary(const Caller& c, const StackInput& in);
  ApiResult<TemplateSummary> validate_template(const Caller& c, const StackInput& in);

  ApiResult<ChangeSetRef> create_change_set(const Caller& c, const ChangeSetInput& in);
  // `change_set`: name (with `stack`) or ARN.
  ApiResult<ChangeSet> describe_change_set(const Caller& c, const std::string& change_set,
                                           const std::string& stack = {});
  ApiResult<Ok> execute_change_set(const Caller& c, const std::string& change_set,
                                   const std::string& stack = {},
                                   std::optional<bool> disable_rollback = std::nullopt);
  ApiResult<Ok> delete_change_set(const Caller& c, const std::string& change_set,
                                  const std::string& stack = {});
  ApiResult<std::vector<ChangeSet>> list_change_sets(const Caller& c, const std::string& stack);

  ApiResult<std::vector<Export>> list_exports(const Caller& c);
  // Names of the stacks importing `export_name`.
  ApiResult<std::vector<std::string>> list_imports(const Caller& c,
                                                   const std::string& export_name);

  ProviderRegistry& providers() { return *providers_; }
  // The fault rules (fakes/core/faults.hpp) every operation checks first, as service
  // "cloudformation" with the API operation name; nullptr (the default) = none.
  void use_faults(fakes::Faults* faults);

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
  std::shared_ptr<ProviderRegistry> providers_;
};

}  // namespace pipemu::cfn
