#include "build/phase_rules.hpp"

namespace pipemu::build {

const char* to_string(Phase p) {
  switch (p) {
    case Phase::Submitted: return "SUBMITTED";
    case Phase::Queued: return "QUEUED";
    case Phase::Provisioning: return "PROVISIONING";
    case Phase::DownloadSource: return "DOWNLOAD_SOURCE";
    case Phase::Install: return "INSTALL";
    case Phase::PreBuild: return "PRE_BUILD";
    case Phase::Build: return "BUILD";
    case Phase::PostBuild: return "POST_BUILD";
    case Phase::UploadArtifacts: return "UPLOAD_ARTIFACTS";
    case Phase::Finalizing: return "FINALIZING";
    case Phase::Completed: return "COMPLETED";
  }
  return "?";
}

const char* to_string(Status s) {
  switch (s) {
    case Status::Succeeded: return "SUCCEEDED";
    case Status::Failed: return "FAILED";
    case Status::Fault: return "FAULT";
    case Status::TimedOut: return "TIMED_OUT";
    case Status::Stopped: return "STOPPED";
    case Status::InProgress: return "IN_PROGRESS";
  }
  return "?";
}

const char* buildspec_key(Phase p) {
  switch (p) {
    case Phase::Install: return "install";
    case Phase::PreBuild: return "pre_build";
    case Phase::Build: return "build";
    case Phase::PostBuild: return "post_build";
    default: return "";
  }
}

static Phase following(Phase p) {
  return p == Phase::Completed ? p : static_cast<Phase>(static_cast<int>(p) + 1);
}

Phase next_phase(Phase current, Status status, std::string_view on_failure) {
  if (current == Phase::Finalizing || current == Phase::Completed) return Phase::Completed;
  if (status == Status::Succeeded) return following(current);
  if (status != Status::Failed) return Phase::Finalizing;  // timed out, stopped, fault
  if (on_failure == "CONTINUE") return following(current);
  if (on_failure == "ABORT") return Phase::Finalizing;
  switch (current) {
    case Phase::Build: return Phase::PostBuild;
    case Phase::PostBuild: return Phase::UploadArtifacts;
    default: return Phase::Finalizing;
  }
}

static int severity(Status s) {
  switch (s) {
    case Status::Succeeded: return 0;
    case Status::InProgress: return 0;
    case Status::Failed: return 1;
    case Status::Stopped: return 2;
    case Status::Fault: return 3;
    case Status::TimedOut: return 4;
  }
  return 0;
}

Status combine(Status build_so_far, Status phase) {
  return severity(phase) > severity(build_so_far) ? phase : build_so_far;
}

}  // namespace pipemu::build
