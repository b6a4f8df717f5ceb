#pragma once
// CodeBuild's phase sequence and transition rules (aws-semantics.md §1.3), as pure functions so
// tests check every rule without a container.
//   INSTALL or PRE_BUILD fails    -> FINALIZING (nothing else runs)
//   BUILD fails                   -> POST_BUILD still runs, then UPLOAD_ARTIFACTS is attempted
//   POST_BUILD fails              -> UPLOAD_ARTIFACTS is still attempted
//   on-failure: CONTINUE          -> the next phase runs anyway (the build stays FAILED)
//   on-failure: ABORT             -> FINALIZING
//   timeout                       -> FINALIZING, build TIMED_OUT
#include <string>
#include <string_view>

namespace pipemu::build {

enum class Phase {
  Submitted,
  Queued,
  Provisioning,
  DownloadSource,
  Install,
  PreBuild,
  Build,
  PostBuild,
  UploadArtifacts,
  Finalizing,
  Completed,
};

enum class Status { Succeeded, Failed, Fault, TimedOut, Stopped, InProgress };

const char* to_string(Phase p);   // "PRE_BUILD"
const char* to_string(Status s);  // "SUCCEEDED"
// The buildspec key of a command phase ("pre_build"), "" for the others.
const char* buildspec_key(Phase p);

// The phase that runs after `current` ended with `status`. `on_failure` is the phase's
// on-failure value as written ("", "ABORT", "CONTINUE", "RETRY..." which the runner resolves
// before asking).
Phase next_phase(Phase current, Status status, std::string_view on_failure);

// The build's final status from the worst phase status seen: TIMED_OUT beats FAULT beats
// FAILED beats SUCCEEDED.
Status combine(Status build_so_far, Status phase);

}  // namespace pipemu::build
