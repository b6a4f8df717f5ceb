#pragma once
// Hand-built run records shaped like the article's flagship pipeline (Source -> Build -> Deploy in
// eu-west-1, us-east-1 and ap-southeast-2 with RunOrders 1..3), and the event stream the engine
// emits for a record. No engine, no Docker: the reporters only see data.
#include <vector>

#include "engine/events.hpp"

namespace pipemu::test {

inline constexpr engine::TimePoint kT0 = 1795770000000;  // 2026-11-27T09:00:00.000Z

engine::RunRecord sample_success();
// us-transform (us-east-1, RunOrder 2) fails with "No export named SnsTopicArn found."; its
// RunOrder-2 siblings finish, RunOrder 3 never starts.
engine::RunRecord sample_failure();
// The pipeline's own stack failed on a missing SSM parameter: no stage ever started.
engine::RunRecord sample_early_failure();

// The events a run producing `r` emits, in engine order (ActionLog lines from each log_tail).
std::vector<engine::Event> events_for(const engine::RunRecord& r);

void replay(const engine::RunRecord& r, engine::Reporter& reporter);

}  // namespace pipemu::test
