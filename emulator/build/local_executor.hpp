#pragma once
// Runs a build session directly on the host, for machines without Docker. Same shell protocol,
// same phases; but the commands see the host's tools and filesystem, so it is less isolated
// (the CLI announces that). The main process gets its own process group so a timeout kills
// everything the build started.
#include "build/executor.hpp"

namespace pipemu::build {

class LocalExecutor : public Executor {
 public:
  std::string name() const override { return "local"; }
  bool maps_paths() const override { return false; }
  Expected<std::unique_ptr<Session>, std::string> start(const SessionSpec& spec,
                                                        OutputSink sink) override;
};

}  // namespace pipemu::build
