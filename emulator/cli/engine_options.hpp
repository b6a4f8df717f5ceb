#pragma once
// The Docker engine flags `pipemu build` and `pipemu run` share: how builds get their files
// (--engine-files) and where a remote engine's builds reach the fakes (--fakes-host).
#include <string>

namespace CLI {
class App;
}

namespace pipemu::cli {

void add_engine_options(CLI::App& app, std::string& engine_files, std::string& fakes_host);

}  // namespace pipemu::cli
