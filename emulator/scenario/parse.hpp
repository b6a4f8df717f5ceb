#pragma once
// Reads scenario.yaml into a Scenario. Never throws on user input: a wrong shape, an unknown key,
// a bad status word or a fixture path escaping the scenario folder is a Diagnostic at the node
// (file:line:col), and the caller reports the scenario as broken while the suite goes on.
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/node.hpp"
#include "model/parsed.hpp"
#include "scenario/spec.hpp"

namespace pipemu::scenario {

// `path` is the scenario.yaml file; relative paths inside it resolve against its folder.
model::Parsed<Scenario> parse_file(const std::string& path);
// The same from an already loaded tree (tests).
model::Parsed<Scenario> parse_node(const model::Node& root, const std::string& path);

// The stage/action names and regions an expectation may name, from the scenario's pipeline.
struct PipelineNames {
  std::vector<std::string> stages;
  std::vector<std::string> actions;  // action names, and "Stage/Action" forms
  std::vector<std::string> regions;  // the pipeline region and every action region
};

// Unknown stage or action names in `then`, faults and approvals are errors (with "did you
// mean"); regions must be AWS region names. `names` empty (template did not load) checks
// regions only.
void check_names(const Scenario& s, const PipelineNames& names, model::Diagnostics& diags);

// AWS's commercial regions, for "did you mean 'eu-west-1'?".
const std::vector<std::string>& known_regions();

}  // namespace pipemu::scenario
