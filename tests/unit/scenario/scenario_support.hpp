#pragma once
// Helpers for scenario tests: a temp folder removed at scope end, file writing, and run records
// built by hand.
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/run_record.hpp"

namespace pipemu::test {

struct TempFolder {
  std::filesystem::path path;
  TempFolder();
  ~TempFolder();
  std::string write(const std::string& rel, const std::string& text) const;
};

// An action record that ran from `started` to `finished` (ms after 1000).
engine::ActionRecord action(const std::string& name, engine::Status status, long started = 0,
                            long finished = 0, const std::string& region = "us-east-1");

// A minimal valid pipeline template: Source(source) -> Build(build) -> Deploy(eu, us in parallel).
extern const char* kPipelineYaml;

}  // namespace pipemu::test
