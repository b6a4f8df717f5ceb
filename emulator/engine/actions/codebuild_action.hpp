#pragma once
// Build|Test/AWS/CodeBuild/1: unpacks the inputs (primary -> the source dir, others ->
// secondary sources), runs the project's buildspec through the build engineer's runner, and
// turns artifacts and exported-variables into the action's outputs (aws-semantics.md §2.6).
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>

#include "build/executor.hpp"
#include "build/image_map.hpp"
#include "build/project_build.hpp"
#include "engine/ports.hpp"
#include "model/codebuild_project.hpp"

namespace pipemu::engine {

struct CodeBuildSettings {
  std::string account = "123456789012";
  // The project named by ProjectName in `region`, as the pipeline stack created it.
  std::function<Expected<model::CodeBuildProject, std::string>(const std::string& region,
                                                               const std::string& name)>
      find_project;
  // The executor (docker or local), shared by every build of the run.
  build::Executor* executor = nullptr;
  build::FakesEndpoint fakes;
  build::ImageMap images = build::ImageMap::defaults();
  // SSM lookups in a region (PARAMETER_STORE variables).
  std::function<build::ParameterLookup(const std::string& region)> parameters;
  std::string cache_root;
  // Per action name: a build time limit replacing the project's TimeoutInMinutes, so a scenario's
  // `timeout` fault stops a hanging build in seconds. Rounded up to whole seconds (the runner's
  // unit); the build then ends TIMED_OUT as CodeBuild's own timeout does.
  std::map<std::string, std::chrono::milliseconds> timeouts;
};

class CodeBuildAction final : public ActionExecutor {
 public:
  explicit CodeBuildAction(CodeBuildSettings settings) : settings_(std::move(settings)) {}
  ActionOutcome run(const ActionContext& ctx) override;

  // Milliseconds spent inside builds (commands and container start), for the overhead figure.
  std::int64_t build_ms() const { return build_ms_; }

 private:
  CodeBuildSettings settings_;
  std::atomic<std::int64_t> build_ms_{0};
  std::atomic<int> build_number_{0};
};

}  // namespace pipemu::engine
