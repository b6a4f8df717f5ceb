#include <catch2/catch.hpp>

#include "build/phase_rules.hpp"

using namespace pipemu::build;

TEST_CASE("phase rules: success moves to the next phase", "[build]") {
  CHECK(next_phase(Phase::Install, Status::Succeeded, "") == Phase::PreBuild);
  CHECK(next_phase(Phase::PreBuild, Status::Succeeded, "") == Phase::Build);
  CHECK(next_phase(Phase::Build, Status::Succeeded, "") == Phase::PostBuild);
  CHECK(next_phase(Phase::PostBuild, Status::Succeeded, "") == Phase::UploadArtifacts);
  CHECK(next_phase(Phase::UploadArtifacts, Status::Succeeded, "") == Phase::Finalizing);
}

TEST_CASE("phase rules: default failure transitions", "[build]") {
  CHECK(next_phase(Phase::Install, Status::Failed, "") == Phase::Finalizing);
  CHECK(next_phase(Phase::PreBuild, Status::Failed, "") == Phase::Finalizing);
  CHECK(next_phase(Phase::Build, Status::Failed, "") == Phase::PostBuild);
  CHECK(next_phase(Phase::PostBuild, Status::Failed, "") == Phase::UploadArtifacts);
  CHECK(next_phase(Phase::UploadArtifacts, Status::Failed, "") == Phase::Finalizing);
}

TEST_CASE("phase rules: on-failure CONTINUE and ABORT", "[build]") {
  CHECK(next_phase(Phase::Install, Status::Failed, "CONTINUE") == Phase::PreBuild);
  CHECK(next_phase(Phase::PreBuild, Status::Failed, "CONTINUE") == Phase::Build);
  CHECK(next_phase(Phase::Build, Status::Failed, "ABORT") == Phase::Finalizing);
  CHECK(next_phase(Phase::PostBuild, Status::Failed, "ABORT") == Phase::Finalizing);
}

TEST_CASE("phase rules: a timeout ends the build", "[build]") {
  CHECK(next_phase(Phase::Build, Status::TimedOut, "CONTINUE") == Phase::Finalizing);
  CHECK(combine(Status::Failed, Status::TimedOut) == Status::TimedOut);
  CHECK(combine(Status::TimedOut, Status::Failed) == Status::TimedOut);
  CHECK(combine(Status::Succeeded, Status::Failed) == Status::Failed);
  CHECK(std::string(to_string(Phase::UploadArtifacts)) == "UPLOAD_ARTIFACTS");
}
