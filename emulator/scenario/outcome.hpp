#pragma once
// What a scenario run produced, as the expectations see it: the engine's RunRecord of the last
// run plus the fakes' state per region after it (and before it, for "nothing happened in a
// region"). Drivers fill it; tests build it by hand.
#include <map>
#include <string>
#include <vector>

#include "engine/run_record.hpp"

namespace pipemu::scenario {

struct ObservedStack {
  std::string name;
  std::string status;
  std::string reason;
  std::map<std::string, std::string> resources;  // logical id -> type
  std::map<std::string, std::string> outputs;
};

struct RegionState {
  std::vector<ObservedStack> stacks;
  std::map<std::string, std::string> exports;
  const ObservedStack* stack(const std::string& name) const {
    for (const auto& s : stacks) if (s.name == name) return &s;
    return nullptr;
  }
};

struct Outcome {
  bool started = false;     // an execution started (false: a push no trigger matched)
  std::string error;        // why the run stopped before any execution (template errors ...)
  std::string note;         // why nothing started when that is expected (webhook filter, branch)
  engine::RunRecord record;  // the last execution; meaningful when started
  std::map<std::string, RegionState> before;  // fakes' state once the scenario was seeded
  std::map<std::string, RegionState> after;   // ... after the last run
};

}  // namespace pipemu::scenario
