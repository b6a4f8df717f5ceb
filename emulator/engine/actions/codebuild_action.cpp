#include "engine/actions/codebuild_action.hpp"

#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "engine/zip_files.hpp"
#include "source/zip_archive.hpp"

namespace pipemu::engine {

namespace fs = std::filesystem;

namespace {

class LogListener final : public build::BuildListener {
 public:
  explicit LogListener(const ActionContext& ctx) : ctx_(ctx) {}
  void log(std::string_view, std::string_view line) override { ctx_.log(std::string(line)); }

 private:
  const ActionContext& ctx_;
};

}  // namespace

ActionOutcome CodeBuildAction::run(const ActionContext& ctx) {
  std::string project_name = ctx.config("ProjectName");
  if (project_name.empty())
    return ActionOutcome::failed("Invalid action configuration: ProjectName is required", "ConfigurationError");
  if (!settings_.find_project)
    return ActionOutcome::failed("No CodeBuild projects are known", "ConfigurationError");
  auto project = settings_.find_project(ctx.region, project_name);
  if (!project) return ActionOutcome::failed(project.error(), "ConfigurationError");
  if (ctx.inputs.empty())
    return ActionOutcome::failed(
        fmt::format("Action {} declares 0 input artifacts which is less than the minimum count (1)",
                    ctx.action->name),
        "ConfigurationError");

  std::string primary = ctx.config("PrimarySource");
  if (primary.empty()) primary = ctx.inputs.front().name;
  build::ProjectBuild pb;
  pb.project = *project;
  pb.region = ctx.region;
  pb.account_id = settings_.account;
  pb.initiator = "codepipeline/" + ctx.pipeline->name;
  pb.work_dir = (fs::path(ctx.work_dir) / "build").string();
  pb.fakes = settings_.fakes;
  pb.images = settings_.images;
  pb.cache_root = settings_.cache_root;
  pb.build_number = ++build_number_;
  if (auto t = settings_.timeouts.find(ctx.action->name); t != settings_.timeouts.end())
    pb.timeout = std::chrono::ceil<std::chrono::seconds>(t->second);
  if (settings_.parameters) pb.parameters = settings_.parameters(ctx.region);
  bool found_primary = false;
  for (const auto& in : ctx.inputs) {
    std::string dir = (fs::path(ctx.work_dir) / "src" / in.name).string();
    fs::create_directories(dir);
    // source's unzip keeps the entries' modes and times, as CodeBuild's download does.
    if (auto x = source::extract_zip(in.zip_path, dir); !x) return ActionOutcome::failed(x.error());
    if (in.name == primary) {
      pb.source_dir = dir;
      found_primary = true;
    } else {
      pb.secondary_sources.emplace_back(in.name, dir);
    }
  }
  if (!found_primary)
    return ActionOutcome::failed(
        fmt::format("Invalid action configuration: PrimarySource {} is not an input artifact", primary),
        "ConfigurationError");
  if (std::string env = ctx.config("EnvironmentVariables"); !env.empty()) {
    auto vars = build::parse_action_environment(env);
    if (!vars) return ActionOutcome::failed(vars.error(), "ConfigurationError");
    pb.override_env = *vars;
  }
  if (!settings_.executor) return ActionOutcome::failed("No build executor is available");

  LogListener listener(ctx);
  auto t0 = std::chrono::steady_clock::now();
  build::BuildResult br = build::run_project_build(pb, *settings_.executor, listener);
  build_ms_ += std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  if (br.status != build::Status::Succeeded) return ActionOutcome::failed(br.failure_summary());

  ActionOutcome o;
  o.summary = fmt::format("Build {} succeeded", br.build_id);
  o.output_variables = br.exported_variables;
  const auto& outs = ctx.action->output_artifacts;
  if (outs.size() == 1 && !br.artifact_zip.empty()) {
    o.outputs.push_back({outs[0].name, br.artifact_zip});
  } else {
    for (const auto& out : outs) {
      auto it = br.secondary_artifact_zips.find(out.name);
      if (it != br.secondary_artifact_zips.end()) o.outputs.push_back({out.name, it->second});
      else if (outs.size() == 1 && !br.artifact_zip.empty()) o.outputs.push_back({out.name, br.artifact_zip});
    }
  }
  for (const auto& out : outs) {
    bool have = false;
    for (const auto& p : o.outputs) have = have || p.name == out.name;
    if (!have && outs.size() == 1)
      return ActionOutcome::failed(fmt::format(
          "The build produced no artifacts for output artifact {}: the buildspec has no artifacts section",
          out.name));
    if (!have)
      return ActionOutcome::failed(fmt::format(
          "The build produced no secondary artifact named {} (every output artifact must be a "
          "secondary-artifacts identifier)",
          out.name));
  }
  return o;
}

}  // namespace pipemu::engine
