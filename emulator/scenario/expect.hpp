#pragma once
// Evaluates a scenario's `then` against what the run produced. Pure: no I/O, so unit tests drive
// it with hand-built RunRecords. Every failure carries the mark of the expectation that failed,
// what it expected and what actually happened.
#include <string>
#include <vector>

#include "scenario/outcome.hpp"
#include "scenario/spec.hpp"

namespace pipemu::scenario {

struct Failure {
  Mark mark;
  std::string what;      // "action CodeBuild status"
  std::string expected;
  std::string actual;
};

std::vector<Failure> evaluate(const Scenario& scenario, const Outcome& outcome);

// "file:line:col: expectation failed: <what>\n  <line>\n  ^\n  expected: ..\n  actual:   ..\n"
std::string render(const Failure& f);

// Finds an action by "Name" (first match in any stage) or "Stage/Name".
const engine::ActionRecord* find_action(const engine::RunRecord& record, const std::string& name);

}  // namespace pipemu::scenario
