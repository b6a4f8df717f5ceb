#pragma once
// The engine's side effects, as interfaces (STYLE.md §2). The scheduler sees only these: it knows
// nothing of Docker, git, S3 or SQLite. The CLI wires real implementations (actions/, the fakes);
// tests wire fakes and assert on what they saw.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/events.hpp"
#include "engine/run_record.hpp"
#include "model/expected.hpp"
#include "model/pipeline.hpp"

namespace pipemu::engine {

// Time source for every timestamp in a run.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() override;
};

// Random identifiers (execution ids, artifact key suffixes). Seedable for tests.
class IdSource {
 public:
  virtual ~IdSource() = default;
  virtual std::string uuid() = 0;              // 8-4-4-4-12 lowercase hex
  virtual std::string alnum(int length) = 0;   // [A-Za-z0-9]
};

class RandomIds final : public IdSource {
 public:
  explicit RandomIds(std::uint64_t seed = 0);  // 0: from std::random_device
  std::string uuid() override;
  std::string alnum(int length) override;

 private:
  std::uint64_t state_;
  std::uint64_t next();
};

// An input artifact as an action sees it: already copied into the action region's store and
// downloaded to a local zip.
struct LocalArtifact {
  std::string name;
  std::string zip_path;      // local file
  ArtifactLocation location;  // where it lives in the action's region
};

// An output artifact an action produced, as a local zip the engine then stores.
struct ProducedArtifact {
  std::string name;
  std::string zip_path;
};

// Everything an action executor gets. Configuration values are already variable-resolved.
struct ActionContext {
  const model::Pipeline* pipeline = nullptr;
  const model::Stage* stage = nullptr;
  const model::Action* action = nullptr;
  std::string pipeline_region;
  std::string region;  // the action's effective region
  std::string execution_id;
  std::string action_execution_id;
  std::map<std::string, std::string> configuration;
  std::vector<LocalArtifact> inputs;  // declaration order
  std::string work_dir;               // private scratch directory for this action
  // Appends one log line (no newline); safe to call from the executor's threads.
  std::function<void(const std::string&)> log;

  std::string config(const std::string& key) const {
    auto it = configuration.find(key);
    return it == configuration.end() ? std::string() : it->second;
  }
  const LocalArtifact* input(const std::string& name) const {
    for (const auto& a : inputs) if (a.name == name) return &a;
    return nullptr;
  }
};

struct ActionOutcome {
  Status status = Status::Succeeded;  // Succeeded or Failed
  std::string error;                  // AWS's message when Failed
  std::string error_code;             // JobFailed, ConfigurationError, ...
  std::string summary;
  std::map<std::string, std::string> output_variables;
  std::vector<ProducedArtifact> outputs;
  std::vector<StackRecord> stacks;  // stacks the action touched (CloudFormation)
  std::string revision;             // Source actions: the commit id

  static ActionOutcome failed(std::string message, std::string code = "JobFailed") {
    ActionOutcome o;
    o.status = Status::Failed;
    o.error = std::move(message);
    o.error_code = std::move(code);
    return o;
  }
};

// Runs one kind of action (Source/GitHub, Build/CodeBuild, Deploy/CloudFormation, ...).
// Must not throw; failures are outcomes. Called concurrently for actions sharing a RunOrder.
class ActionExecutor {
 public:
  virtual ~ActionExecutor() = default;
  virtual ActionOutcome run(const ActionContext& context) = 0;
};

// Finds the executor for an action type; nullptr when pipemu does not emulate it.
class ExecutorSet {
 public:
  virtual ~ExecutorSet() = default;
  virtual ActionExecutor* find(const model::ActionTypeId& type) = 0;
};

// Moves artifacts between actions and regions (CodePipeline's artifact stores). The scheduler
// calls fetch_inputs before an action and store_outputs after it; both may fail the action with
// AWS's text. Implemented by ArtifactStore over the S3 fake (artifact_store.hpp).
class ArtifactFlow {
 public:
  virtual ~ArtifactFlow() = default;
  // Makes every input available in `region`'s store (copying from the pipeline region's when
  // needed) and as a local zip under `work_dir`.
  virtual Expected<std::vector<LocalArtifact>, std::string> fetch_inputs(
      const model::Action& action, const std::string& region, const std::string& work_dir) = 0;
  // Stores produced zips in `region`'s store and the pipeline region's; returns their records.
  virtual Expected<std::vector<ArtifactRecord>, std::string> store_outputs(
      const model::Action& action, const std::string& region,
      const std::vector<ProducedArtifact>& produced) = 0;
  // Every artifact stored so far, in production order, with all its regional copies.
  virtual std::vector<ArtifactRecord> records() = 0;
};

}  // namespace pipemu::engine
