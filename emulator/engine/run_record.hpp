#pragma once
// What one pipeline execution did, as plain data: the record reporters render (terminal summary,
// report.json, junit.xml, report.html) and the run history stores. Filled in by the engine as the
// execution proceeds; no behaviour here beyond small lookups. Times are milliseconds since the Unix
// epoch taken from the engine's injectable Clock (0 = not reached), so tests get exact values.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pipemu::engine {

using TimePoint = std::int64_t;  // ms since 1970-01-01T00:00:00Z; 0 = not set

// CodePipeline's status words. NotStarted is ours: an action/stage that never ran because an
// earlier one failed (AWS shows no status for those).
enum class Status { NotStarted, InProgress, Succeeded, Failed, Stopped, Abandoned };

constexpr std::string_view to_string(Status s) {
  switch (s) {
    case Status::NotStarted: return "NotStarted";
    case Status::InProgress: return "InProgress";
    case Status::Succeeded: return "Succeeded";
    case Status::Failed: return "Failed";
    case Status::Stopped: return "Stopped";
    case Status::Abandoned: return "Abandoned";
  }
  return "Unknown";
}
Status status_from_string(std::string_view s);  // unknown text -> NotStarted

// What started the execution (CodePipeline's ExecutionTrigger plus the source revision).
struct Trigger {
  std::string type = "StartPipelineExecution";  // or "Webhook", "CloudFormationStackUpdate"
  std::string detail;                            // e.g. "pipemu run --repo ../svc"
  std::string repository;                        // path or URL given to --repo
  std::string branch;
  std::string commit;          // full SHA of the revision the Source action checked out
  std::string commit_message;  // first line
};

struct ArtifactLocation {
  std::string region;
  std::string bucket;
  std::string key;  // <pipeline name[:20]>/<artifact name[:10]>/<7 random alnum>
};

struct ArtifactFile {
  std::string path;  // inside the zip, '/' separated
  std::uint64_t size = 0;
};

// One output artifact: produced once (zipped into the pipeline region's store), copied to other
// regions' stores when a cross-region action consumes it.
struct ArtifactRecord {
  std::string name;
  std::string produced_by;  // action name
  std::string sha256;       // of the zip, lowercase hex
  std::uint64_t size = 0;   // zip size in bytes
  std::vector<ArtifactFile> files;
  std::vector<ArtifactLocation> locations;  // pipeline region first, then copies in order made
};

struct StackResource {
  std::string logical_id;
  std::string physical_id;
  std::string type;
  std::string status;  // CREATE_COMPLETE, ...
};

// One row of a change set (DescribeChangeSet's ResourceChange).
struct ResourceChange {
  std::string action;  // Add, Modify, Remove
  std::string logical_id;
  std::string physical_id;
  std::string type;
  std::string replacement;  // True, False, Conditional, "" for Add/Remove
};

// The state of one stack after a CloudFormation action (or the pipeline's own stack) touched it.
struct StackRecord {
  std::string region;
  std::string stack_name;
  std::string stack_id;
  std::string status;         // CREATE_COMPLETE, UPDATE_COMPLETE, DELETE_COMPLETE, ROLLBACK_...
  std::string status_reason;  // AWS's text, e.g. "No updates are to be performed."
  std::string action_name;    // the action that touched it; "" for the pipeline stack
  std::string action_mode;    // CREATE_UPDATE, CHANGE_SET_REPLACE, ...
  std::string change_set_name;
  std::vector<ResourceChange> changes;  // the change set's (or the update's) resource changes
  std::vector<StackResource> resources;
  std::map<std::string, std::string> outputs;  // OutputKey -> OutputValue
  std::map<std::string, std::string> exports;  // export name -> value (this stack's exports)
  std::map<std::string, std::string> parameters;
};

struct ActionRecord {
  std::string name;
  std::string region;
  int run_order = 1;
  std::string category;  // Source, Build, Deploy, Approval, ...
  std::string owner;     // AWS, ThirdParty
  std::string provider;  // GitHub, CodeBuild, CloudFormation, S3, Manual
  std::string action_execution_id;
  Status status = Status::NotStarted;
  TimePoint started = 0;
  TimePoint finished = 0;
  std::string error;       // AWS's text when Failed
  std::string error_code;  // JobFailed, ConfigurationError, ... ("" when none)
  std::string summary;     // one line of what it did ("Stack Foo: UPDATE_COMPLETE")
  std::vector<std::string> log_tail;  // last lines of its log (build output, stack events)
  std::vector<std::string> input_artifacts;
  std::vector<std::string> output_artifacts;
  std::string namespace_name;
  std::map<std::string, std::string> output_variables;
  std::string role_arn;  // recorded, never assumed
  // Its Configuration after #{Namespace.Variable} resolution, as the executor received it
  // (OAuthToken shown as "****", as GetPipeline does). Empty when resolution failed.
  std::map<std::string, std::string> configuration;

  std::int64_t duration_ms() const { return finished && started ? finished - started : 0; }
};

struct StageRecord {
  std::string name;
  Status status = Status::NotStarted;
  TimePoint started = 0;
  TimePoint finished = 0;
  std::vector<ActionRecord> actions;  // declaration order (RunOrder groups inside)

  const ActionRecord* action(std::string_view n) const {
    for (const auto& a : actions) if (a.name == n) return &a;
    return nullptr;
  }
};

struct RunRecord {
  std::string execution_id;  // UUID, as CodePipeline's pipelineExecutionId
  std::string pipeline_name;
  std::string pipeline_region;
  std::string template_path;  // the pipeline template given to `pipemu run`
  Status status = Status::NotStarted;
  std::string status_summary;  // why it failed ("Action Deploy-us-east-1 failed: ...")
  Trigger trigger;
  TimePoint started = 0;
  TimePoint finished = 0;
  std::vector<StageRecord> stages;
  std::vector<ArtifactRecord> artifacts;
  std::vector<StackRecord> stacks;  // the pipeline stack first, then in the order touched
  std::map<std::string, std::string> variables;  // "Namespace.Variable" -> value

  std::int64_t duration_ms() const { return finished && started ? finished - started : 0; }
  const StageRecord* stage(std::string_view n) const {
    for (const auto& s : stages) if (s.name == n) return &s;
    return nullptr;
  }
  const ArtifactRecord* artifact(std::string_view n) const {
    for (const auto& a : artifacts) if (a.name == n) return &a;
    return nullptr;
  }
};

}  // namespace pipemu::engine
