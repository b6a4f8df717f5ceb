// The buildspec runner against the real Docker engine and the stand-in image: CodeBuild's phase
// rules, one shell per build, variables, artifacts, cache, timeout, privileged nested docker.
#include <catch2/catch.hpp>

#include <filesystem>

#include "build/project_build.hpp"
#include "build_fixture.hpp"
#include "source/zip_archive.hpp"

using namespace pipemu;
using namespace pipemu::build;
using test::phase_statuses;

TEST_CASE("docker build: one shell for the whole build (cd, exports, variables carry over)", "[build][docker]") {
  test::TempBuild t;
  t.write("sub/keep", "");
  auto r = test::request(t, R"Y(version: 0.2
env:
  variables:
    LITERAL: "$PATH:/x"
phases:
  pre_build:
    commands:
      - cd sub && export FROM_PRE=yes && PLAIN=shell-var
  build:
    commands:
      - echo "pwd=$(basename $(pwd)) pre=$FROM_PRE plain=$PLAIN literal=$LITERAL"
      - false; true
)Y");
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(l.text());
  CHECK(res.status == Status::Succeeded);
  CHECK(l.output() == std::vector<std::string>{"pwd=sub pre=yes plain=shell-var literal=$PATH:/x"});
  CHECK(l.has("BUILD|[Container] "));
  CHECK(l.has("Running command cd sub && export FROM_PRE=yes && PLAIN=shell-var"));
  CHECK(phase_statuses(res) == std::vector<std::string>{"DOWNLOAD_SOURCE:SUCCEEDED", "INSTALL:SUCCEEDED",
                                                        "PRE_BUILD:SUCCEEDED", "BUILD:SUCCEEDED",
                                                        "POST_BUILD:SUCCEEDED", "UPLOAD_ARTIFACTS:SUCCEEDED"});
}

TEST_CASE("docker build: a failed BUILD runs finally and POST_BUILD, then uploads", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
phases:
  build:
    commands:
      - echo one
      - exit 3
      - echo never
    finally:
      - echo "finally succeeding=$CODEBUILD_BUILD_SUCCEEDING"
  post_build:
    commands:
      - echo "post succeeding=$CODEBUILD_BUILD_SUCCEEDING"
      - echo out > out.txt
artifacts:
  files:
    - out.txt
)Y");
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(l.text());
  CHECK(res.status == Status::Failed);
  CHECK(l.output() == std::vector<std::string>{"one", "finally succeeding=1", "post succeeding=0"});
  CHECK(l.has("Command did not exit successfully exit 3 exit status 3"));
  CHECK(l.has("BUILD|[Container] ") );
  CHECK(l.has("Phase complete: BUILD State: FAILED"));
  CHECK(l.has("Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: exit 3. Reason: exit status 3"));
  CHECK(phase_statuses(res) == std::vector<std::string>{"DOWNLOAD_SOURCE:SUCCEEDED", "INSTALL:SUCCEEDED",
                                                        "PRE_BUILD:SUCCEEDED", "BUILD:FAILED",
                                                        "POST_BUILD:SUCCEEDED", "UPLOAD_ARTIFACTS:SUCCEEDED"});
  CHECK(res.failure_summary() == "Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, "
                                 "Message: Error while executing command: exit 3. Reason: exit status 3");
  CHECK_FALSE(res.artifact_zip.empty());
}

TEST_CASE("docker build: a failed PRE_BUILD skips everything else; CONTINUE goes on", "[build][docker]") {
  test::TempBuild t;
  const char* yaml = R"Y(version: 0.2
phases:
  pre_build:
    %s
    commands:
      - test -e nothing-here
  build:
    commands:
      - echo build ran
  post_build:
    commands:
      - echo post ran
)Y";
  char buf[512];
  std::snprintf(buf, sizeof buf, yaml, "run-as: root");
  test::RecordingListener l1;
  auto res1 = run_build(test::request(t, buf), test::docker_executor(), l1);
  CHECK(res1.status == Status::Failed);
  CHECK(l1.output().empty());
  CHECK(phase_statuses(res1) == std::vector<std::string>{"DOWNLOAD_SOURCE:SUCCEEDED", "INSTALL:SUCCEEDED", "PRE_BUILD:FAILED"});

  std::snprintf(buf, sizeof buf, yaml, "on-failure: CONTINUE");
  test::RecordingListener l2;
  auto res2 = run_build(test::request(t, buf), test::docker_executor(), l2);
  INFO(l2.text());
  CHECK(res2.status == Status::Failed);  // CONTINUE runs the next phases; the build stays FAILED
  CHECK(l2.output() == std::vector<std::string>{"build ran", "post ran"});
}

TEST_CASE("docker build: on-failure ABORT in BUILD skips POST_BUILD and the upload", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
phases:
  build:
    on-failure: ABORT
    commands:
      - "false"
  post_build:
    commands:
      - echo post ran
artifacts:
  files: ['**/*']
)Y");
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  CHECK(res.status == Status::Failed);
  CHECK(l.output().empty());
  CHECK(phase_statuses(res).back() == "BUILD:FAILED");
}

TEST_CASE("docker build: a failing POST_BUILD still attempts UPLOAD_ARTIFACTS; no match fails it", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
phases:
  post_build:
    commands:
      - exit 1
artifacts:
  files:
    - nothing/**/*
)Y");
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(l.text());
  CHECK(res.status == Status::Failed);
  CHECK(phase_statuses(res) == std::vector<std::string>{"DOWNLOAD_SOURCE:SUCCEEDED", "INSTALL:SUCCEEDED",
                                                        "PRE_BUILD:SUCCEEDED", "BUILD:SUCCEEDED",
                                                        "POST_BUILD:FAILED", "UPLOAD_ARTIFACTS:FAILED"});
  CHECK(l.has("Skipping invalid file path nothing/**/*"));
  CHECK(l.has("Phase context status code: CLIENT_ERROR Message: no matching artifact paths found"));
}

TEST_CASE("docker build: CodeBuild variables, env precedence, exported variables", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
env:
  variables:
    WHO: buildspec
    ONLY_SPEC: spec
  exported-variables:
    - IMAGE_TAG
    - NEVER_SET
phases:
  build:
    commands:
      - echo "who=$WHO only=$ONLY_SPEC proj=$PROJ_ONLY"
      - echo "src=$CODEBUILD_SRC_DIR id=$CODEBUILD_BUILD_ID n=$CODEBUILD_BUILD_NUMBER"
      - echo "rev=$CODEBUILD_RESOLVED_SOURCE_VERSION init=$CODEBUILD_INITIATOR region=$AWS_REGION/$AWS_DEFAULT_REGION"
      - echo "image=$CODEBUILD_BUILD_IMAGE arn=$CODEBUILD_BUILD_ARN"
      - IMAGE_TAG="v-$(echo 1.2)"
)Y");
  r.project_env = {{"WHO", "project"}, {"PROJ_ONLY", "p"}};
  r.override_env = {{"WHO", "action"}};
  r.resolved_source_version = "0123456789abcdef0123456789abcdef01234567";
  r.initiator = "codepipeline/service-x";
  r.build_number = 7;
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(l.text());
  REQUIRE(res.status == Status::Succeeded);
  auto out = l.output();
  REQUIRE(out.size() == 4);
  CHECK(out[0] == "who=action only=spec proj=p");
  CHECK(out[1] == "src=" + res.src_dir_in_build + " id=" + res.build_id + " n=7");
  CHECK(res.src_dir_in_build.rfind("/codebuild/output/src", 0) == 0);
  CHECK(res.build_id.rfind("unit-test:", 0) == 0);
  CHECK(out[2] == "rev=0123456789abcdef0123456789abcdef01234567 init=codepipeline/service-x region=eu-west-1/eu-west-1");
  CHECK(out[3] == "image=aws/codebuild/standard:2.0 arn=arn:aws:codebuild:eu-west-1:123456789012:build/" + res.build_id);
  CHECK(res.exported_variables == std::map<std::string, std::string>{{"IMAGE_TAG", "v-1.2"}});
}

TEST_CASE("docker build: parameter-store values are resolved and masked in the log", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
env:
  parameter-store:
    DB_PASSWORD: /service-x/db-password
phases:
  build:
    commands:
      - echo "password is $DB_PASSWORD"
      - test "$DB_PASSWORD" = "hunter2-xyz"
)Y");
  r.parameters = [](const std::string& name) -> Expected<std::string, std::string> {
    if (name == "/service-x/db-password") return std::string("hunter2-xyz");
    return unexpected("parameter does not exist: " + name);
  };
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(l.text());
  CHECK(res.status == Status::Succeeded);
  CHECK(l.output() == std::vector<std::string>{"password is ***"});
  CHECK_FALSE(l.has("hunter2-xyz"));

  auto missing = test::request(t, R"Y(version: 0.2
env:
  parameter-store:
    X: /nope
phases:
  build:
    commands:
      - echo never
)Y");
  missing.parameters = r.parameters;
  test::RecordingListener l2;
  auto res2 = run_build(missing, test::docker_executor(), l2);
  CHECK(res2.status == Status::Failed);
  CHECK(phase_statuses(res2) == std::vector<std::string>{"DOWNLOAD_SOURCE:FAILED"});
  CHECK(l2.has("Phase context status code: Decrypted Variables Error Message: parameter does not exist: /nope"));
  CHECK(res2.failure_summary() == "Build terminated with state: FAILED. Phase: DOWNLOAD_SOURCE, Code: Decrypted "
                                  "Variables Error, Message: parameter does not exist: /nope");
}

TEST_CASE("docker build: artifacts options and secondary artifacts reach the zips", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
phases:
  build:
    commands:
      - mkdir -p dist/lib && echo a > dist/app.js && echo b > dist/lib/b.js && echo t > dist/lib/b.test.js
      - echo r > report.xml
artifacts:
  files:
    - '**/*'
  base-directory: dist
  exclude-paths:
    - '**/*.test.js'
  secondary-artifacts:
    reports:
      files:
        - report.xml
      discard-paths: yes
)Y");
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(l.text());
  REQUIRE(res.status == Status::Succeeded);
  auto primary = source::zip_names(res.artifact_zip);
  REQUIRE(primary);
  CHECK(*primary == std::vector<std::string>{"app.js", "lib/b.js"});
  REQUIRE(res.secondary_artifact_zips.count("reports") == 1);
  auto reports = source::zip_names(res.secondary_artifact_zips.at("reports"));
  REQUIRE(reports);
  CHECK(*reports == std::vector<std::string>{"report.xml"});
}

TEST_CASE("docker build: an artifact symlink leading out of the source fails the upload, and is not read", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
phases:
  build:
    commands:
      - echo ok > ok.txt && ln -s /etc/hostname leak
artifacts:
  files:
    - '**/*'
)Y");
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(l.text());
  CHECK(res.status == Status::Failed);
  CHECK(phase_statuses(res).back() == "UPLOAD_ARTIFACTS:FAILED");
  CHECK(res.failure_summary() == "Build terminated with state: FAILED. Phase: UPLOAD_ARTIFACTS, Code: CLIENT_ERROR, "
                                 "Message: artifact file 'leak' is a symlink to /etc/hostname, outside the source directory");
  CHECK(res.artifact_zip.empty());
}

TEST_CASE("docker build: cache.paths persist between builds of the same project", "[build][docker]") {
  test::TempBuild t;
  const char* yaml = R"Y(version: 0.2
phases:
  build:
    commands:
      - mkdir -p /tmp/pip-cache deps
      - echo "abs=$(cat /tmp/pip-cache/n 2>/dev/null || echo none) rel=$(cat deps/n 2>/dev/null || echo none)"
      - echo run > /tmp/pip-cache/n && echo run > deps/n
cache:
  paths:
    - /tmp/pip-cache/**/*
    - deps/**/*
)Y";
  auto r = test::request(t, yaml);
  r.cache_root = t.cache();
  test::RecordingListener l1, l2;
  auto first = run_build(r, test::docker_executor(), l1);
  REQUIRE(first.status == Status::Succeeded);
  CHECK(l1.output() == std::vector<std::string>{"abs=none rel=none"});
  std::filesystem::remove_all(t.src() + "/deps");
  auto second = run_build(r, test::docker_executor(), l2);
  INFO(l2.text());
  REQUIRE(second.status == Status::Succeeded);
  CHECK(l2.output() == std::vector<std::string>{"abs=run rel=run"});
}

TEST_CASE("docker build: a command that never ends times the build out", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
phases:
  build:
    commands:
      - echo started
      - sleep 600
  post_build:
    commands:
      - echo never
)Y");
  // Long enough for a container to start on a loaded machine, short enough for a test.
  r.timeout = std::chrono::seconds(8);
  test::RecordingListener l;
  auto began = std::chrono::steady_clock::now();
  auto res = run_build(r, test::docker_executor(), l);
  auto took = std::chrono::steady_clock::now() - began;
  INFO(l.text());
  CHECK(res.status == Status::TimedOut);
  CHECK(took < std::chrono::seconds(40));
  CHECK(l.output() == std::vector<std::string>{"started"});
  CHECK(phase_statuses(res).back() == "BUILD:TIMED_OUT");
  CHECK(l.has("Phase complete: BUILD State: TIMED_OUT"));
}

TEST_CASE("docker build: PrivilegedMode lets the build run docker against the engine", "[build][docker]") {
  test::TempBuild t;
  t.write("hello.txt", "from the source dir");
  auto r = test::request(t, R"Y(version: 0.2
phases:
  build:
    commands:
      - docker run --rm --network host -v $(pwd):/var/task pipemu/codebuild-standard:local cat /var/task/hello.txt
)Y");
  r.privileged = true;
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(res.failure_summary());
  INFO(l.text());
  CHECK(res.status == Status::Succeeded);
  CHECK(l.output() == std::vector<std::string>{"from the source dir"});

  r.privileged = false;
  test::RecordingListener l2;
  auto res2 = run_build(r, test::docker_executor(), l2);
  INFO(l2.text());
  CHECK(res2.status == Status::Failed);  // no engine socket without PrivilegedMode
  // The docker CLI's own words, as a CodeBuild build without PrivilegedMode shows them.
  CHECK(l2.has("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"));
}

TEST_CASE("docker build: what the container mounts, seen from inside: nothing of this machine in copy mode", "[build][docker]") {
  test::TempBuild t;
  auto r = test::request(t, R"Y(version: 0.2
phases:
  build:
    commands:
      - echo "mounts=$(grep -c ' /codebuild' /proc/self/mountinfo)"
)Y");
  r.cache_root = t.cache();
  test::RecordingListener l;
  auto res = run_build(r, test::docker_executor(), l);
  INFO(l.text());
  REQUIRE(res.status == Status::Succeeded);
  // Mount mode binds the source and control directories under /codebuild; copy mode binds nothing.
  CHECK(l.output() == std::vector<std::string>{test::docker_executor().copies_files() ? "mounts=0" : "mounts=2"});
}

TEST_CASE("docker build: the engine files mode: copy when asked, mount by default on this machine", "[build][docker]") {
  test::docker_executor();  // an engine answers (else this fails saying so)
  auto copy = choose_executor("docker", "copy");
  REQUIRE(copy);
  CHECK(copy->executor->copies_files());
  CHECK_FALSE(copy->remote_engine);
  CHECK(copy->note.find("(engine files: copy; files are copied in and out of the build container, no bind mounts)") !=
        std::string::npos);
  auto mount = choose_executor("docker", "auto");
  REQUIRE(mount);
  CHECK_FALSE(mount->executor->copies_files());
  CHECK(mount->note.find("copied") == std::string::npos);
}

TEST_CASE("docker build: a missing image fails PROVISIONING and names the image map", "[build][docker]") {
  test::TempBuild t;
  ProjectBuild b;
  b.project.name = "missing-image";
  b.project.environment.image = "aws/codebuild/standard:2.0";
  b.project.source.buildspec = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n";
  REQUIRE(b.images.add("aws/codebuild/standard:2.0=pipemu/not-there:1", "--image"));
  b.source_dir = t.src();
  b.work_dir = t.work();
  test::RecordingListener l;
  auto res = run_project_build(b, test::docker_executor(), l);
  CHECK(res.status == Status::Failed);
  CHECK(res.failure_summary() ==
        "Build terminated with state: FAILED. Phase: PROVISIONING, Code: CLIENT_ERROR, Message: image "
        "'aws/codebuild/standard:2.0' is mapped to 'pipemu/not-there:1' by the image map (--image), and the Docker "
        "engine has no image 'pipemu/not-there:1'. Load or build that image, or map it with --image "
        "aws/codebuild/standard:2.0=IMAGE");
}

TEST_CASE("docker build: a bad buildspec fails DOWNLOAD_SOURCE with YAML_FILE_ERROR", "[build][docker]") {
  test::TempBuild t;
  t.write("buildspec.yml", "version: 0.2\nphases:\n  postbuild:\n    commands:\n      - echo x\n");
  ProjectBuild b;
  b.project.name = "bad-spec";
  b.project.environment.image = "aws/codebuild/standard:2.0";
  b.source_dir = t.src();
  b.work_dir = t.work();
  test::RecordingListener l;
  auto res = run_project_build(b, test::docker_executor(), l);
  INFO(l.text());
  CHECK(res.status == Status::Failed);
  CHECK(res.failure_summary() ==
        "Build terminated with state: FAILED. Phase: DOWNLOAD_SOURCE, Code: YAML_FILE_ERROR, Message: Invalid "
        "buildspec phase name: POSTBUILD. Expecting: BUILD,INSTALL,POST_BUILD,PRE_BUILD");
}

namespace {

// `exit N` ends the build's one shell; CodeBuild still behaves as one shell (version 0.2).
void check_exit_n_keeps_shell_state(Executor& executor) {
  test::TempBuild t;
  t.write("sub/x", "");
  auto r = test::request(t, R"Y(version: 0.2
phases:
  pre_build:
    commands:
      - cd sub && export V=kept
  build:
    commands:
      - export W=before-exit; exit 4
      - echo never
  post_build:
    commands:
      - echo "$(basename $(pwd)) $V $W succeeding=$CODEBUILD_BUILD_SUCCEEDING"
)Y");
  test::RecordingListener l;
  auto res = run_build(r, executor, l);
  INFO(l.text());
  CHECK(res.status == Status::Failed);
  CHECK(l.has("Command did not exit successfully export W=before-exit; exit 4 exit status 4"));
  CHECK(l.has("The command ended the build shell; its directory and exported variables carry over to a new shell"));
  CHECK(l.output() == std::vector<std::string>{"sub kept before-exit succeeding=0"});
  for (const auto& e : std::filesystem::recursive_directory_iterator(t.root()))
    CHECK(e.path().filename() != "state.sh");  // it may hold secrets
}

}  // namespace

TEST_CASE("docker build: `exit N` fails its command; the directory and exports carry on", "[build][docker]") {
  check_exit_n_keeps_shell_state(test::docker_executor());
}

TEST_CASE("local build: `exit N` fails its command; the directory and exports carry on", "[build]") {
  LocalExecutor local;
  check_exit_n_keeps_shell_state(local);
}

TEST_CASE("local build: same phases and shell semantics on the host", "[build]") {
  test::TempBuild t;
  t.write("sub/x", "");
  auto r = test::request(t, R"Y(version: 0.2
phases:
  pre_build:
    commands:
      - cd sub && export V=kept
  build:
    commands:
      - echo "$(basename $(pwd)) $V src=$CODEBUILD_SRC_DIR"
      - exit 4
  post_build:
    commands:
      - echo post
)Y");
  LocalExecutor local;
  test::RecordingListener l;
  auto res = run_build(r, local, l);
  INFO(l.text());
  CHECK(res.status == Status::Failed);
  CHECK(l.output() == std::vector<std::string>{"sub kept src=" + std::filesystem::canonical(t.src()).string(), "post"});
}
