#pragma once
// Runs one pipeline execution the way CodePipeline does (aws-semantics.md §2.3): stages strictly
// in order; inside a stage, RunOrder groups ascending, the actions of one group concurrently (one
// thread each); a failed action fails its stage — actions already running finish, no later group
// or stage starts — and the execution fails. Every side effect goes through the ports.
#include <functional>
#include <string>

#include "engine/ports.hpp"
#include "engine/run_record.hpp"
#include "model/pipeline.hpp"

namespace pipemu::engine {

struct SchedulerPorts {
  Clock& clock;
  IdSource& ids;
  ExecutorSet& executors;
  ArtifactFlow& artifacts;
  Reporter& reporter;  // called one event at a time (the scheduler serialises)
};

struct RunOptions {
  std::string pipeline_region = "us-east-1";
  std::string execution_id;   // "" = a new UUID from ports.ids
  Trigger trigger;
  std::string template_path;
  std::string work_root;      // per-action scratch dirs go under <work_root>/<stage>/<action>
  size_t log_tail_lines = 20;
  // Stacks deployed before the execution (the pipeline's own stack): copied into the record.
  std::vector<StackRecord> preamble_stacks;
};

RunRecord run_pipeline(const model::Pipeline& pipeline, const RunOptions& options,
                       SchedulerPorts& ports);

// An execution that could not start (bad template, missing SSM parameter or export, ...), reported
// like any run so history and report files show it: ExecutionStarted, an Error notice, and
// ExecutionFinished Failed with `reason`.
RunRecord report_failed_start(const std::string& pipeline_name, const RunOptions& options,
                              Clock& clock, IdSource& ids, Reporter& reporter,
                              const std::string& reason);

// A configuration value as CodePipeline holds it: a string (non-scalars as compact JSON).
std::map<std::string, std::string> configuration_strings(const model::Action& action);

}  // namespace pipemu::engine
