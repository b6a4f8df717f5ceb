#pragma once
// What `pipemu run` does, apart from its flags (run_command.cpp) so tools and tests can drive it.
#include <string>
#include <vector>

namespace pipemu::cli {

struct RunSettings {
  std::string template_path, repo, branch, commit, region, state_dir, report_dir;
  std::string executor = "auto", approve = "all", stack_name;
  std::string engine_files, fakes_host;  // "" = PIPEMU_ENGINE_FILES / 127.0.0.1
  std::vector<std::string> images, params, bootstraps;
  bool worktree = false, quiet = false, json = false, show_logs = false;
  // Set by `pipemu serve`'s webhook receiver: the id it already answered with, and how the
  // execution was triggered ("" = a new id; StartPipelineExecution by `pipemu run`).
  std::string execution_id, trigger_type, trigger_detail;
};

// Exit code: 0 Succeeded, 1 Failed (or could not start), 2 usage.
int run_session(const RunSettings& settings);

}  // namespace pipemu::cli
