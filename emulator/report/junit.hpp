#pragma once
// junit.xml in the shape Jenkins' and GitLab's JUnit readers accept (the junit.xsd they use):
//   <testsuites name tests failures errors skipped time>
//     <testsuite name=<stage> tests failures errors skipped time timestamp hostname id package>
//       <testcase name=<action> classname=<stage> time>
//         <failure message=<AWS's message> type=<error code>>message, fix and log tail</failure>
//         | <skipped message=.../>   (actions that never ran, or were abandoned/stopped)
//         <system-out>region, provider, summary, description</system-out>
// A failed action is a <failure> (the action failed as AWS would), never an <error>: errors are
// for a run that pipemu itself could not complete, which never reaches this writer.
#include <string>

#include "engine/run_record.hpp"

namespace pipemu::report {

std::string junit_xml(const engine::RunRecord& run);

}  // namespace pipemu::report
