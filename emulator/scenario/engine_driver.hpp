#pragma once
// The driver `pipemu scenario run` uses: seeds the fakes in the scenario's state dir and runs the
// pipeline with the engine in-process, once per trigger, then reads back the fakes' state.
#include <functional>
#include <memory>
#include <string>

#include "scenario/driver.hpp"

namespace pipemu::scenario {

// How every scenario's Docker builds reach the engine (`pipemu scenario run --engine-files
// --fakes-host`); a scenario running its builds locally ignores them.
struct EngineDriverOptions {
  std::string engine_files;  // mount | copy | auto; "" = $PIPEMU_ENGINE_FILES, else auto
  std::string fakes_host;    // "" = 127.0.0.1
  // What a scenario's runs say beside their results, one line each: the sessions' warnings
  // ("cannot serve the fakes for builds") and the removal of dead pipemu processes' engine
  // objects. Unset: dropped. Scenarios may run side by side: it must be thread-safe.
  std::function<void(const std::string& scenario, const std::string& line)> say;
};

std::unique_ptr<Driver> make_engine_driver(EngineDriverOptions options = {});

}  // namespace pipemu::scenario
