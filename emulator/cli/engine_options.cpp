#include "cli/engine_options.hpp"

#include <CLI/CLI.hpp>

#include "build/project_build.hpp"

namespace pipemu::cli {

EngineOptionFlags add_engine_options(CLI::App& app, std::string& engine_files,
                                     std::string& fakes_host) {
  EngineOptionFlags flags;
  flags.engine_files =
      app.add_option("--engine-files", engine_files,
                     "How Docker builds get their files: mount, copy (no bind mounts; any engine) "
                     "or auto (copy when the engine is on another machine; default, or "
                     "PIPEMU_ENGINE_FILES)")
          ->check(CLI::IsMember({"auto", "mount", "copy"}));
  flags.fakes_host =
      app.add_option("--fakes-host", fakes_host,
                     "This machine's address as a remote Docker engine reaches it: builds get "
                     "AWS_ENDPOINT_URL there and the fakes listen on every interface (default: "
                     "127.0.0.1 only)")
          ->check([](const std::string& v) { return build::fakes_host_problem(v); });
  return flags;
}

}  // namespace pipemu::cli
