#pragma once
// The fakes' side of a scenario: writes `given.state` into a scenario's private LocalAws (SSM
// parameters, buckets, objects, stacks from templates, exports via one generated stack per
// region), installs `faults` as the fakes' fault rules and CloudFormation provider faults, and
// reads back what the expectations check (stacks, resources, outputs, exports per region).
#include <set>
#include <string>

#include "engine/actions/local_aws.hpp"
#include "model/expected.hpp"
#include "scenario/outcome.hpp"
#include "scenario/spec.hpp"

namespace pipemu::scenario {

// `work_dir` receives generated templates. Errors name the seed that failed and AWS's message.
Expected<Ok, std::string> seed_state(engine::LocalAws& aws, const Scenario& s, const std::string& work_dir);

// Fakes-level faults (resource, unavailable, slow, throttle). Build and timeout faults are
// applied elsewhere (the buildspec, the CodeBuild settings).
void install_faults(engine::LocalAws& aws, const Scenario& s);

RegionState observe_region(engine::LocalAws& aws, const std::string& region);

// Every region the scenario seeds, names in `then`, or runs its pipeline in.
std::set<std::string> scenario_regions(const Scenario& s);

}  // namespace pipemu::scenario
