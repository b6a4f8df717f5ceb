#pragma once
// Who runs a prepared scenario. The runner knows scenarios, workspaces and expectations; a Driver
// knows how to seed the fakes and run the pipeline (engine_driver.cpp drives the engine in-process;
// unit tests use a scripted driver). A driver must not throw: failures go into Outcome::error.
#include <string>

#include "scenario/outcome.hpp"
#include "scenario/spec.hpp"

namespace pipemu::scenario {

// One scenario ready to run, in its own temporary folder.
struct Prepared {
  const Scenario* scenario = nullptr;
  std::string root;           // the scenario's private temp folder
  std::string state_dir;      // <root>/state: the fakes' state (seeded by the driver)
  std::string repo_dir;       // <root>/repo: a git repository built from the fixture
  std::string template_path;  // the pipeline template (inside the scenario folder)
  std::string report_dir;     // "" = no per-scenario report
  std::string first_branch;   // the repository's first branch
};

class Driver {
 public:
  virtual ~Driver() = default;
  virtual Outcome run(const Prepared& prepared) = 0;
};

}  // namespace pipemu::scenario
