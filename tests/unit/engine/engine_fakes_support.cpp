#include "engine_fakes_support.hpp"

#include <fmt/format.h>

#include "engine/zip_files.hpp"

namespace pipemu::test {

using namespace engine;

std::vector<std::string> RecordingReporter::lines() const {
  std::vector<std::string> out;
  for (const auto& e : events) {
    std::visit(
        [&](const auto& ev) {
          using T = std::decay_t<decltype(ev)>;
          if constexpr (std::is_same_v<T, ExecutionStarted>) out.push_back("ExecutionStarted");
          else if constexpr (std::is_same_v<T, StageStarted>) out.push_back("StageStarted " + ev.stage);
          else if constexpr (std::is_same_v<T, ActionStarted>)
            out.push_back(fmt::format("ActionStarted {}/{}", ev.stage, ev.action));
          else if constexpr (std::is_same_v<T, ActionLog>)
            out.push_back(fmt::format("ActionLog {}/{} {}", ev.stage, ev.action, ev.line));
          else if constexpr (std::is_same_v<T, ActionFinished>)
            out.push_back(fmt::format("ActionFinished {}/{} {}", ev.stage, ev.action, to_string(ev.outcome)));
          else if constexpr (std::is_same_v<T, StageFinished>)
            out.push_back(fmt::format("StageFinished {} {}", ev.stage, to_string(ev.status)));
          else if constexpr (std::is_same_v<T, Notice>) out.push_back("Notice " + ev.text);
          else if constexpr (std::is_same_v<T, ExecutionFinished>)
            out.push_back(fmt::format("ExecutionFinished {}", to_string(ev.status)));
        },
        e);
  }
  return out;
}

ActionOutcome ScriptedExecutor::run(const ActionContext& ctx) {
  {
    std::lock_guard lock(mutex_);
    seen_.push_back(ctx.action->name);
    configs[ctx.action->name] = ctx.configuration;
  }
  if (auto it = scripts.find(ctx.action->name); it != scripts.end()) return it->second(ctx);
  ActionOutcome o;
  for (const auto& out : ctx.action->output_artifacts) {
    std::string zip = ctx.work_dir + "/out/" + out.name + ".zip";
    auto w = write_zip(zip, {{"made-by.txt", ctx.action->name}});
    if (!w) return ActionOutcome::failed(w.error());
    o.outputs.push_back({out.name, zip});
  }
  return o;
}

std::optional<std::string> MemoryS3::bucket_region(const std::string& b) {
  std::lock_guard lock(mutex);
  auto it = bucket_regions.find(b);
  if (it == bucket_regions.end()) return std::nullopt;
  return it->second;
}

Expected<Ok, std::string> MemoryS3::put_object(const std::string&, const std::string& b,
                                               const std::string& k, const std::string& body) {
  std::lock_guard lock(mutex);
  if (!bucket_regions.count(b)) return unexpected(std::string("The specified bucket does not exist"));
  objects[b][k] = body;
  return Ok{};
}

Expected<std::string, std::string> MemoryS3::get_object(const std::string&, const std::string& b,
                                                        const std::string& k) {
  std::lock_guard lock(mutex);
  auto bi = objects.find(b);
  if (bi == objects.end() || !bi->second.count(k))
    return unexpected(std::string("The specified key does not exist."));
  return bi->second[k];
}

bool Rendezvous::arrive_and_wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_);
  ++arrived_;
  cv_.notify_all();
  return cv_.wait_for(lock, timeout, [&] { return arrived_ >= n_; });
}

model::Action make_action(const std::string& name, const std::string& category,
                          const std::string& provider, int run_order,
                          std::vector<std::string> inputs, std::vector<std::string> outputs) {
  model::Action a;
  a.name = name;
  a.type.category = category;
  a.type.owner = provider == "GitHub" ? "ThirdParty" : "AWS";
  a.type.provider = provider;
  a.type.version = "1";
  a.run_order = run_order;
  a.configuration = model::Node::map();
  for (auto& i : inputs) a.input_artifacts.push_back({i, {}});
  for (auto& o : outputs) a.output_artifacts.push_back({o, {}});
  return a;
}

model::Pipeline make_pipeline(const std::string& name,
                              std::vector<std::pair<std::string, std::vector<model::Action>>> stages,
                              std::map<std::string, std::string> stores) {
  model::Pipeline p;
  p.name = name;
  for (auto& [region, bucket] : stores) {
    model::RegionalArtifactStore rs;
    rs.region = region;
    rs.store.location = model::Node::scalar(bucket);
    p.artifact_stores.push_back(rs);
  }
  for (auto& [sname, actions] : stages) {
    model::Stage s;
    s.name = sname;
    s.actions = std::move(actions);
    p.stages.push_back(std::move(s));
  }
  return p;
}

}  // namespace pipemu::test
