#pragma once
// One pipeline run, from the template to the RunRecord: the wiring `pipemu run` and the scenario
// suite share. The optional bootstrap stacks and the pipeline stack are deployed first in the
// pipeline region's fake (engine/pipeline_stack.hpp); then the scheduler runs the pipeline the
// stack created with the Source, CodeBuild, CloudFormation, S3 and Manual approval executors over
// `aws`, whose fakes are served on a loopback port while builds run (so a build's aws CLI reaches
// the same state). Callers choose where progress goes (terminal, JSON lines, report files,
// history) through `hooks.reporter`; this layer sits below report/ and writes no files of its own
// apart from the actions' scratch and build cache.
//
// Faults are the caller's: rules added to aws.registry().faults() (and CloudFormation provider
// faults) before the call apply to every in-process and HTTP call of the run.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "build/executor.hpp"
#include "build/image_map.hpp"
#include "engine/actions/approval_action.hpp"
#include "engine/actions/local_aws.hpp"
#include "engine/ports.hpp"
#include "engine/run_record.hpp"
#include "model/pipeline.hpp"

namespace pipemu::engine {

// Whether (and how) the execution starts, decided once the pipeline stack exists: a push to a
// branch no source action tracks, or a webhook whose filters do not match, starts nothing.
struct StartDecision {
  bool start = true;
  std::string reason;        // why nothing started (start == false)
  std::string trigger_type;  // "" = keep settings.trigger.type
  std::string branch;        // "" = keep settings.trigger.branch
  std::string commit;        // "" = keep settings.trigger.commit
};

struct SessionSettings {
  std::string template_path;
  std::string region = "us-east-1";  // the pipeline region
  std::string stack_name;            // "" = pipemu-<template file stem>
  std::map<std::string, std::string> parameters;                // template parameters (--param)
  std::vector<std::pair<std::string, std::string>> bootstraps;  // (region, template), deployed first
  // type and detail say what started it; repository, branch and commit feed the Source action.
  Trigger trigger;
  // "" = a new id; `pipemu serve` answers a webhook delivery with the id before the run starts.
  std::string execution_id;
  bool worktree = false;  // the Source action takes the working tree as it is
  std::string executor = "auto";  // auto | docker | local, for CodeBuild
  std::string engine_files;       // docker: mount | copy | auto; "" = $PIPEMU_ENGINE_FILES, else auto
  // The host builds use to reach the fakes (an engine on another machine); "" = 127.0.0.1.
  std::string fakes_host;
  // true: an executor that cannot be had stops the session before the execution starts;
  // false: a warning, and each build action fails saying why.
  bool executor_required = false;
  build::ImageMap images = build::ImageMap::defaults();
  std::string work_root;   // per-execution scratch: <work_root>/<execution id>/...
  bool keep_work = false;  // false: the execution's scratch is removed when it ends
  std::string cache_root;  // CodeBuild's local cache
  // Per build action name: a time limit replacing the project's TimeoutInMinutes (scenario faults).
  std::map<std::string, std::chrono::milliseconds> build_timeouts;
  int server_threads = 8;  // the loopback endpoint's workers (builds' aws CLI calls)
  // true: a run that cannot start (template error, missing parameter or export) is reported to
  // hooks.reporter as a Failed execution, as `pipemu run` shows and records it.
  bool report_failed_start = true;
};

struct SessionHooks {
  Reporter* reporter = nullptr;  // live progress; null = nobody listens
  Clock* clock = nullptr;        // null = the system clock
  IdSource* ids = nullptr;       // null = random ids
  ApprovalPolicy approve = ApprovalPolicy::All;
  // Under ApprovalPolicy::Ask: shows the prompt, returns the answer (null = reject).
  std::function<std::optional<std::string>(const std::string& prompt)> ask;
  // null = always start with settings.trigger.
  std::function<StartDecision(const model::Pipeline&)> decide_start;
  // Runs every build instead of the one settings.executor names (tests).
  build::Executor* executor = nullptr;
};

struct SessionResult {
  bool started = false;   // an execution ran: `record` is it
  bool reported = false;  // a failed start was reported as an execution (`record` holds it)
  std::string error;      // why no execution ran (a complete message, file:line:col if any)
  std::string note;       // why decide_start started nothing
  // Engine objects of dead pipemu processes that choosing the Docker executor removed, in one
  // line ("" = none); also reported as a notice.
  std::string stale_note;
  std::optional<model::Pipeline> pipeline;  // the pipeline the stack created, once deployed
  RunRecord record;
  std::int64_t build_ms = 0;  // time inside builds (commands, container start)
};

// Never throws for user input; every failure is in the result.
SessionResult run_session(LocalAws& aws, const SessionSettings& settings, const SessionHooks& hooks);

}  // namespace pipemu::engine
