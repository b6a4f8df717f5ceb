#include "engine/scheduler.hpp"

#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/plan.hpp"
#include "engine/variables.hpp"

namespace pipemu::engine {

namespace fs = std::filesystem;

std::map<std::string, std::string> configuration_strings(const model::Action& action) {
  std::map<std::string, std::string> out;
  if (!action.configuration.is_map()) return out;
  for (const auto& e : action.configuration.entries())
    out[e.key] = e.value.is_scalar() ? e.value.str() : e.value.to_json().dump();
  return out;
}

namespace {

// Shared state of one execution; every mutation happens under `mutex`.
class Execution {
 public:
  Execution(const model::Pipeline& p, const RunOptions& o, SchedulerPorts& ports, std::string id)
      : pipeline_(p), options_(o), ports_(ports), variables_(id) {
    record_.execution_id = std::move(id);
    record_.pipeline_name = p.name;
    record_.pipeline_region = o.pipeline_region;
    record_.template_path = o.template_path;
    record_.trigger = o.trigger;
    record_.stacks = o.preamble_stacks;
  }

  RunRecord run() {
    Plan plan = make_plan(pipeline_, options_.pipeline_region);
    record_.stages = skeleton(plan);
    record_.status = Status::InProgress;
    record_.started = ports_.clock.now();
    emit(ExecutionStarted{record_.execution_id, record_.pipeline_name, record_.pipeline_region,
                          record_.trigger, record_.started, record_.stages});
    bool failed = false;
    for (size_t si = 0; si < plan.stages.size() && !failed; ++si)
      failed = !run_stage(plan.stages[si], record_.stages[si]);
    std::lock_guard lock(mutex_);
    record_.status = failed ? Status::Failed : Status::Succeeded;
    record_.finished = ports_.clock.now();
    record_.variables = variables_.flat();
    record_.artifacts = ports_.artifacts.records();  // now with every cross-region copy
    ExecutionFinished done;
    done.execution_id = record_.execution_id;
    done.status = record_.status;
    done.ms = record_.duration_ms();
    done.summary = record_.status_summary;
    done.at = record_.finished;
    done.record = std::make_shared<RunRecord>(record_);
    emit_locked(done);
    return record_;
  }

 private:
  const model::Pipeline& pipeline_;
  const RunOptions& options_;
  SchedulerPorts& ports_;
  Variables variables_;
  RunRecord record_;
  std::mutex mutex_;

  void emit(const Event& e) {
    std::lock_guard lock(mutex_);
    emit_locked(e);
  }
  void emit_locked(const Event& e) { ports_.reporter.on_event(e); }

  bool run_stage(const PlannedStage& ps, StageRecord& sr) {
    {
      std::lock_guard lock(mutex_);
      sr.status = Status::InProgress;
      sr.started = ports_.clock.now();
      emit_locked(StageStarted{sr.name, sr.started});
    }
    bool ok = true;
    for (const auto& group : ps.groups) {
      if (!ok) break;  // a failed group stops the stage: later RunOrders never start
      ok = run_group(group, sr);
    }
    std::lock_guard lock(mutex_);
    sr.status = ok ? Status::Succeeded : Status::Failed;
    sr.finished = ports_.clock.now();
    emit_locked(StageFinished{sr.name, sr.status, sr.finished - sr.started, sr.finished});
    return ok;
  }

  ActionRecord& action_record(StageRecord& sr, const std::string& name) {
    for (auto& a : sr.actions) if (a.name == name) return a;
    sr.actions.push_back({});  // unreachable: the skeleton has every action
    return sr.actions.back();
  }

  bool run_group(const PlannedGroup& group, StageRecord& sr) {
    std::vector<bool> results(group.actions.size(), false);
    if (group.actions.size() == 1) {
      results[0] = run_action(group.actions[0], sr);
    } else {
      std::vector<std::thread> threads;
      for (size_t i = 0; i < group.actions.size(); ++i)
        threads.emplace_back([&, i] { results[i] = run_action(group.actions[i], sr); });
      for (auto& t : threads) t.join();  // running actions always finish, even after a failure
    }
    bool ok = true;
    for (bool r : results) ok = ok && r;
    return ok;
  }

  bool run_action(const PlannedAction& pa, StageRecord& sr) {
    const model::Action& action = *pa.action;
    ActionContext ctx;
    ctx.pipeline = &pipeline_;
    ctx.action = &action;
    for (const auto& s : pipeline_.stages)
      if (s.name == sr.name) ctx.stage = &s;
    ctx.pipeline_region = options_.pipeline_region;
    ctx.region = pa.region;
    ctx.execution_id = record_.execution_id;
    {
      std::lock_guard lock(mutex_);
      ctx.action_execution_id = ports_.ids.uuid();
      ActionRecord& ar = action_record(sr, action.name);
      ar.status = Status::InProgress;
      ar.started = ports_.clock.now();
      ar.action_execution_id = ctx.action_execution_id;
      emit_locked(ActionStarted{sr.name, action.name, pa.region, action.run_order,
                                action.type.category, action.type.provider,
                                ctx.action_execution_id, ar.started});
    }
    auto tail = std::make_shared<std::deque<std::string>>();
    ctx.log = [this, tail, &sr, &action, region = pa.region](const std::string& line) {
      std::lock_guard lock(mutex_);
      tail->push_back(line);
      while (tail->size() > options_.log_tail_lines) tail->pop_front();
      emit_locked(ActionLog{sr.name, action.name, region, line, ports_.clock.now()});
    };
    fs::path work = fs::path(options_.work_root.empty() ? fs::temp_directory_path() / "pipemu"
                                                        : fs::path(options_.work_root)) /
                    record_.execution_id / sr.name / action.name;
    std::error_code ec;
    fs::create_directories(work, ec);
    ctx.work_dir = work.string();

    ActionOutcome outcome = execute(ctx, action, pa.region);

    std::lock_guard lock(mutex_);
    ActionRecord& ar = action_record(sr, action.name);
    ar.status = outcome.status;
    ar.finished = ports_.clock.now();
    ar.error = outcome.error;
    ar.error_code = outcome.status == Status::Failed ? outcome.error_code : "";
    ar.summary = outcome.summary;
    ar.output_variables = outcome.output_variables;
    ar.configuration = ctx.configuration;
    if (auto t = ar.configuration.find("OAuthToken"); t != ar.configuration.end()) t->second = "****";
    ar.log_tail.assign(tail->begin(), tail->end());
    for (auto& s : outcome.stacks) record_.stacks.push_back(s);
    if (!outcome.revision.empty() && record_.trigger.commit.empty()) record_.trigger.commit = outcome.revision;
    if (outcome.status == Status::Failed && record_.status_summary.empty())
      record_.status_summary = fmt::format("Action {} in stage {} ({}) failed: {}", action.name,
                                           sr.name, pa.region, outcome.error);
    ActionFinished fin;
    fin.stage = sr.name;
    fin.action = action.name;
    fin.region = pa.region;
    fin.outcome = outcome.status;
    fin.ms = ar.duration_ms();
    fin.error = ar.error;
    fin.summary = ar.summary;
    fin.log_tail = ar.log_tail;
    fin.at = ar.finished;
    emit_locked(fin);
    return outcome.status == Status::Succeeded;
  }

  // Variables, inputs, the executor, outputs: the first failure is the action's outcome.
  ActionOutcome execute(ActionContext& ctx, const model::Action& action, const std::string& region) {
    // Every key is recorded, resolved or not, so a report of a failed resolution shows the whole
    // configuration: the keys that could not be resolved keep their #{...} text.
    std::optional<std::string> unresolved;
    for (auto& [key, value] : configuration_strings(action)) {
      auto resolved = variables_.resolve(value);
      if (!resolved && !unresolved) unresolved = resolved.error();
      ctx.configuration[key] = resolved ? *resolved : value;
    }
    if (unresolved) return ActionOutcome::failed(*unresolved, "ConfigurationError");
    ActionExecutor* executor = ports_.executors.find(action.type);
    if (!executor)
      return ActionOutcome::failed(
          fmt::format("pipemu does not emulate action type {}/{}/{}/{}", action.type.category,
                      action.type.owner, action.type.provider, action.type.version),
          "ConfigurationError");
    auto inputs = ports_.artifacts.fetch_inputs(action, region, ctx.work_dir);
    if (!inputs) return ActionOutcome::failed(inputs.error(), "JobFailed");
    ctx.inputs = std::move(*inputs);

    ActionOutcome outcome = executor->run(ctx);
    if (outcome.status != Status::Succeeded) return outcome;

    for (const auto& declared : action.output_artifacts) {
      bool produced = false;
      for (const auto& p : outcome.outputs) produced = produced || p.name == declared.name;
      if (!produced)
        return ActionOutcome::failed(
            fmt::format("The action did not produce its output artifact {}", declared.name));
    }
    auto stored = ports_.artifacts.store_outputs(action, region, outcome.outputs);
    if (!stored) return ActionOutcome::failed(stored.error(), "JobFailed");
    {
      std::lock_guard lock(mutex_);
      for (auto& rec : *stored) {
        bool replaced = false;
        for (auto& existing : record_.artifacts)
          if (existing.name == rec.name) existing = rec, replaced = true;
        if (!replaced) record_.artifacts.push_back(rec);
      }
    }
    variables_.publish(action.namespace_name, outcome.output_variables);
    return outcome;
  }
};

}  // namespace

RunRecord run_pipeline(const model::Pipeline& pipeline, const RunOptions& options,
                       SchedulerPorts& ports) {
  std::string id = options.execution_id.empty() ? ports.ids.uuid() : options.execution_id;
  Execution execution(pipeline, options, ports, id);
  return execution.run();
}

RunRecord report_failed_start(const std::string& pipeline_name, const RunOptions& options,
                              Clock& clock, IdSource& ids, Reporter& reporter,
                              const std::string& reason) {
  RunRecord r;
  r.execution_id = options.execution_id.empty() ? ids.uuid() : options.execution_id;
  r.pipeline_name = pipeline_name;
  r.pipeline_region = options.pipeline_region;
  r.template_path = options.template_path;
  r.trigger = options.trigger;
  r.stacks = options.preamble_stacks;
  r.started = clock.now();
  reporter.on_event(ExecutionStarted{r.execution_id, r.pipeline_name, r.pipeline_region, r.trigger, r.started, {}});
  reporter.on_event(Notice{Notice::Level::Error, reason, clock.now()});
  r.status = Status::Failed;
  r.status_summary = reason;
  r.finished = clock.now();
  ExecutionFinished done;
  done.execution_id = r.execution_id;
  done.status = r.status;
  done.ms = r.duration_ms();
  done.summary = reason;
  done.at = r.finished;
  done.record = std::make_shared<RunRecord>(r);
  reporter.on_event(done);
  return r;
}

}  // namespace pipemu::engine
