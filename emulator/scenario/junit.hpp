#pragma once
// JUnit XML for CI systems (Jenkins, GitLab, GitHub Actions test reporters): one <testsuite>
// "pipemu.scenarios" with one <testcase> per scenario; a failed expectation is a <failure>, a
// scenario that could not run is an <error>. The element/attribute set is the intersection the
// common schemas accept (Apache Ant's JUnit.xsd as published by Windy Road, Jenkins junit-10.xsd):
// testsuite carries name, package, id, hostname, timestamp (no zone), tests, failures, errors,
// time and the properties/system-out/system-err children.
#include <string>
#include <vector>

#include "scenario/result.hpp"

namespace pipemu::scenario {

// `started_epoch_ms` stamps the suite; `hostname` as CI expects it.
std::string junit_xml(const std::vector<ScenarioResult>& results, long long started_epoch_ms,
                      const std::string& hostname);

}  // namespace pipemu::scenario
