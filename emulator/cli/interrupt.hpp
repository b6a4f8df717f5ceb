#pragma once
// Ctrl-C and SIGTERM for the commands that run builds in the foreground (build, run, webhook,
// scenario): without this, the default action ends the process at once and the build containers
// and volumes it made stay in the Docker engine. Call first thing, before any thread starts:
// SIGINT and SIGTERM are blocked (threads inherit it) and one thread waits for them, removes
// what build::LiveObjects still holds, says so in one line on stderr, and ends the process by the
// same signal (so the exit status reads as before: 130, 143). A second signal during the
// cleanup ends it at once. `pipemu serve` has its own handling (it stops, and lets executions
// already started finish).
namespace pipemu::cli {

void clean_up_builds_on_interrupt(const char* command);

// Whether that SIGINT or SIGTERM has arrived. From then on the builds are being torn down under
// the engine, and what they report (a killed container's exit status) is not the run's result.
bool interrupted();

}  // namespace pipemu::cli
