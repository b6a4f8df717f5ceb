#pragma once
// The Docker engine flags of every command that runs builds (build, run, serve, webhook,
// scenario run): how builds get their files (--engine-files; "" = $PIPEMU_ENGINE_FILES, else
// auto) and where a remote engine's builds reach the fakes (--fakes-host; "" = 127.0.0.1).
#include <string>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace pipemu::cli {

struct EngineOptionFlags {
  CLI::Option* engine_files = nullptr;
  CLI::Option* fakes_host = nullptr;
};

EngineOptionFlags add_engine_options(CLI::App& app, std::string& engine_files,
                                     std::string& fakes_host);

}  // namespace pipemu::cli
