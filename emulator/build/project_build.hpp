#pragma once
// Runs a CodeBuild project (model::CodeBuildProject) the way the CodeBuild action does: loads
// the buildspec from the source (or inline), maps the image, chooses the executor, gives the
// build the variables that reach pipemu's fakes, and calls run_build. The pipeline engine's
// CodeBuild action and `pipemu build` both come through here.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "build/docker/client.hpp"
#include "build/image_map.hpp"
#include "build/runner.hpp"
#include "model/codebuild_project.hpp"

namespace pipemu::build {

// Where the build container reaches pipemu's fakes (host network: a loopback URL works when the
// engine is on this machine; with one elsewhere, a URL whose host that machine can reach).
struct FakesEndpoint {
  std::string url;  // e.g. http://127.0.0.1:45123; "" = the build gets no AWS endpoint
};

// Where the fakes server listens for builds and the URL they get: loopback, unless `fakes_host`
// names this machine as an engine on another machine reaches it; the server then listens on
// every interface (0.0.0.0), since that engine's containers connect from outside.
std::string fakes_listen_address(const std::string& fakes_host);
std::string fakes_url(const std::string& fakes_host, int port);
// Why `fakes_host` is not a bare host name or address ("" when it is): `--fakes-host` takes
// what goes between "http://" and ":port".
std::string fakes_host_problem(const std::string& fakes_host);

// AWS_ENDPOINT_URL, dummy credentials, and checksum settings the fakes accept. The region
// variables are CodeBuild built-ins set by the runner.
std::vector<std::pair<std::string, std::string>> fakes_environment(const FakesEndpoint& fakes);

// The CodeBuild action's EnvironmentVariables configuration: a JSON array string
// [{"name":..,"value":..,"type":"PLAINTEXT|PARAMETER_STORE|SECRETS_MANAGER"}].
Expected<std::vector<EnvVar>, std::string> parse_action_environment(const std::string& json);

// The project's Environment.EnvironmentVariables; an unresolved value (an intrinsic) is an error.
Expected<std::vector<EnvVar>, std::string> project_environment(const model::CodeBuildProject& project);

// The buildspec a project uses: inline, or a file relative to the source root (default
// buildspec.yml). `error` is CodeBuild's YAML_FILE_ERROR message; `diagnostics` the rendered
// file:line:col findings for humans.
struct LoadedBuildspec {
  model::Buildspec buildspec;
  std::string error;
  std::string diagnostics;
};
LoadedBuildspec load_project_buildspec(const model::CodeBuildProject& project, const std::string& src_dir,
                                       const std::string& override_file = {});

// `kind`: "docker", "local" or "auto" (Docker when the engine answers). `files`: how the docker
// executor shares files with the container: "mount" (bind mounts; the engine must be on this
// machine), "copy" (uploads and downloads through the Engine API; any engine), "auto" (copy when
// the engine is not on this machine); "" = $PIPEMU_ENGINE_FILES, else auto. `note` says what
// was chosen and, for local, that it is less isolated. Choosing the docker executor first removes
// what killed pipemu processes of this machine left in the engine (docker/ownership.hpp);
// `stale_note` says so in one line ("" when there was nothing).
struct ExecutorChoice {
  std::unique_ptr<Executor> executor;
  std::string note;
  std::string stale_note;
  bool remote_engine = false;  // the engine is on another machine: 127.0.0.1 there is not here
};
Expected<ExecutorChoice, std::string> choose_executor(std::string_view kind, std::string_view files = {});

// What to tell the user about reaching the fakes from builds on `choice`'s engine: a warning
// when the engine is on another machine and the fakes are on loopback; a note of the exposure
// when they listen on every interface (fakes_exposure_note); "" otherwise.
std::string fakes_reachability_note(const ExecutorChoice& choice, const std::string& fakes_host);
// With a fakes host: that the fakes listen on every interface, unauthenticated; else "".
std::string fakes_exposure_note(const std::string& fakes_host);

// The files mode `choose_executor` uses for `files` ("" = $PIPEMU_ENGINE_FILES, else "auto");
// an error names the accepted values.
Expected<std::string, std::string> engine_files_setting(std::string_view files);

struct ProjectBuild {
  model::CodeBuildProject project;
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  std::string source_dir;  // the primary input, unpacked (the build runs in it)
  std::vector<std::pair<std::string, std::string>> secondary_sources;
  std::string resolved_source_version;
  std::string initiator = "pipemu";
  std::string work_dir;
  FakesEndpoint fakes;
  ParameterLookup parameters;
  ImageMap images = ImageMap::defaults();
  std::vector<EnvVar> override_env;
  std::string cache_root;  // "" = no cache; the project's Cache.Type NO_CACHE also disables it
  std::optional<std::chrono::seconds> timeout;  // overrides TimeoutInMinutes (tests, --timeout)
  int build_number = 1;
  std::vector<std::string> secrets;
  std::string buildspec_file;  // a host path overriding the project's buildspec (pipemu build --buildspec)
};

BuildResult run_project_build(const ProjectBuild& build, Executor& executor, BuildListener& listener);

}  // namespace pipemu::build
