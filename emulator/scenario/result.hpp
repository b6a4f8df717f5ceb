#pragma once
// The result of one scenario, as the terminal, the JUnit file and the per-scenario report show it.
#include <cstdint>
#include <string>
#include <vector>

#include "scenario/outcome.hpp"

namespace pipemu::scenario {

struct ScenarioResult {
  enum class Verdict { Passed, Failed, Error, Pending };
  std::string name;
  std::string file;
  std::string description;
  Verdict verdict = Verdict::Passed;
  std::int64_t ms = 0;
  // Failed: each failed expectation rendered (file:line:col, source line, expected/actual).
  std::vector<std::string> failures;
  // Error: the scenario could not be run as written (parse errors, unknown names, setup).
  // Pending: the scenario's `pending` reason (a known gap; not run).
  std::string error;
  std::string run_summary;  // one line of what the run did ("Failed: Action CodeBuild failed: ...")
  Outcome outcome;          // kept for --report
};

const char* to_string(ScenarioResult::Verdict v);

}  // namespace pipemu::scenario
