#pragma once
// A scenario's private workspace: a temp folder holding the fakes' state dir and a git repository
// made from the fixture folder and inline files (first commit on the given branch, then the
// listed commits), with build faults written into the buildspec. Nothing outside the temp folder
// is touched, so scenarios run in parallel without sharing anything.
#include <string>

#include "model/expected.hpp"
#include "scenario/driver.hpp"

namespace pipemu::scenario {

// Creates <tmp>/pipemu-scenario-<name>-XXXXXX with state/ and repo/ inside.
Expected<Prepared, std::string> prepare(const Scenario& scenario);

// Removes the workspace folder (best effort).
void discard(const Prepared& prepared);

// The buildspec files a build fault must rewrite: each AWS::CodeBuild::Project's Source.BuildSpec
// path in the template (inline buildspecs are left alone), or buildspec.yml when none says.
std::vector<std::string> buildspec_paths(const std::string& template_path);

// Applies the BuildCommand / BuildPhase faults to the buildspec text: the named command becomes
// `(exit N) # pipemu fault: <command>`; a failing phase gets that as its first command.
Expected<std::string, std::string> inject_build_faults(const std::string& buildspec_yaml,
                                                       const std::vector<Fault>& faults);

}  // namespace pipemu::scenario
