#pragma once
// Runs one CodeBuild build: a parsed buildspec on a source directory, through an Executor, with
// CodeBuild's phases, transition rules, variables, log lines, artifacts, cache and timeout.
// This is the API the pipeline engine's CodeBuild action calls (and `pipemu build`).
//
// Environment precedence, lowest first: buildspec env.variables / parameter-store, then the
// project's EnvironmentVariables, then the action's EnvironmentVariables override; CodeBuild's
// own CODEBUILD_* variables are set last and cannot be overridden.
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "build/executor.hpp"
#include "build/phase_rules.hpp"
#include "model/buildspec.hpp"
#include "model/expected.hpp"

namespace pipemu::build {

struct EnvVar {
  std::string name;
  std::string value;              // for PARAMETER_STORE: the parameter name
  std::string type = "PLAINTEXT";  // PLAINTEXT, PARAMETER_STORE, SECRETS_MANAGER
};

// Looks up an SSM parameter (decrypted) in the build's region; an error is shown as
// "parameter does not exist: <name>"-style text.
using ParameterLookup = std::function<Expected<std::string, std::string>(const std::string& name)>;

struct PhaseRecord {
  Phase phase;
  Status status;
  std::string context_code;     // "", COMMAND_EXECUTION_ERROR, CLIENT_ERROR, ...
  std::string context_message;
  std::chrono::milliseconds duration{0};
};

// Receives the build's log (already masked) and phase transitions, live, from the runner's
// thread. `phase` is the phase the line belongs to ("BUILD").
class BuildListener {
 public:
  virtual ~BuildListener() = default;
  virtual void log(std::string_view phase, std::string_view line) = 0;
  virtual void phase_finished(const PhaseRecord&) {}
};

struct BuildRequest {
  std::string project_name = "pipemu-build";
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  std::string initiator = "pipemu";       // codepipeline/<pipeline> under a pipeline
  int build_number = 1;

  model::Buildspec buildspec;             // parsed (parse errors are reported by the caller)
  std::string source_dir;                 // host dir with the primary source; the build runs in it
  std::vector<std::pair<std::string, std::string>> secondary_sources;  // name -> host dir
  std::string resolved_source_version;    // commit id
  std::string source_version;             // CODEBUILD_SOURCE_VERSION
  std::string source_repo_url;

  std::string work_dir;                   // host dir for control files and artifact zips
  std::string image;                      // the image to run (already mapped); Docker only
  std::string requested_image;            // the project's Environment.Image, for CODEBUILD_BUILD_IMAGE
  bool privileged = false;
  std::vector<EnvVar> project_env;        // the project's Environment.EnvironmentVariables
  std::vector<EnvVar> override_env;       // the action's EnvironmentVariables
  std::vector<std::pair<std::string, std::string>> aws_env;  // endpoint, region, dummy credentials
  ParameterLookup parameters;             // SSM in the build's region; null: none available
  std::chrono::seconds timeout = std::chrono::minutes(60);
  std::string cache_root;                 // "" = NO_CACHE; else <root>/<project> keeps cache.paths
  std::vector<std::string> secrets;       // extra values to mask (tokens)

  // Failures found before the build could start, reported as CodeBuild reports them:
  std::string provision_error;            // PROVISIONING FAILED (e.g. the image is missing)
  std::string buildspec_error;            // DOWNLOAD_SOURCE FAILED, YAML_FILE_ERROR
};

struct BuildResult {
  std::string build_id;                   // <project>:<uuid>
  Status status = Status::InProgress;
  std::vector<PhaseRecord> phases;
  std::map<std::string, std::string> exported_variables;
  std::string artifact_zip;               // primary artifact ("" if none)
  std::map<std::string, std::string> secondary_artifact_zips;  // identifier -> zip
  std::string src_dir_in_build;           // CODEBUILD_SRC_DIR as the build saw it

  // The failing phase's summary, as CodePipeline shows it: "Build terminated with state: FAILED.
  // Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: ...". Empty on success.
  std::string failure_summary() const;
};

BuildResult run_build(const BuildRequest& request, Executor& executor, BuildListener& listener);

}  // namespace pipemu::build
