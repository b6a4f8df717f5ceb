#pragma once
// Shared by the build tests: a temporary source/work directory pair, a listener that records
// every log line, and a runner call against the real Docker engine (the stand-in image must
// exist: tools/prepare-test-env builds it). A missing engine fails the test, it never skips.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

#include "build/docker/locality.hpp"
#include "build/docker_executor.hpp"
#include "build/image_map.hpp"
#include "build/local_executor.hpp"
#include "build/project_build.hpp"
#include "build/runner.hpp"
#include "model/buildspec.hpp"

namespace pipemu::test {

struct RecordingListener : build::BuildListener {
  std::mutex mu;
  std::vector<std::string> lines;     // "PHASE|line"
  std::vector<build::PhaseRecord> phases;
  void log(std::string_view phase, std::string_view line) override {
    std::lock_guard lock(mu);
    lines.push_back(std::string(phase) + "|" + std::string(line));
  }
  void phase_finished(const build::PhaseRecord& r) override { phases.push_back(r); }
  // The command output lines (not [Container] agent lines) in order.
  std::vector<std::string> output() {
    std::vector<std::string> out;
    for (const auto& l : lines) {
      auto bar = l.find('|');
      if (l.compare(bar + 1, 11, "[Container]") != 0) out.push_back(l.substr(bar + 1));
    }
    return out;
  }
  bool has(const std::string& needle) {
    for (const auto& l : lines)
      if (l.find(needle) != std::string::npos) return true;
    return false;
  }
  std::string text() {
    std::string t;
    for (const auto& l : lines) t += l + "\n";
    return t;
  }
};

class TempBuild {
 public:
  TempBuild() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "pipemu-test.XXXXXX").string();
    root_ = ::mkdtemp(tmpl.data());
    std::filesystem::create_directories(src());
    std::filesystem::create_directories(work());
  }
  ~TempBuild() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  std::string root() const { return root_.string(); }
  std::string src() const { return (root_ / "src").string(); }
  std::string work() const { return (root_ / "work").string(); }
  std::string cache() const { return (root_ / "cache").string(); }
  void write(const std::string& rel, const std::string& content) const {
    auto p = root_ / "src" / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << content;
  }
  std::string read(const std::string& rel) const {
    std::ifstream f(root_ / "src" / rel);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  }

 private:
  std::filesystem::path root_;
};

inline model::Buildspec buildspec(const std::string& yaml) {
  auto parsed = model::parse_buildspec_text("buildspec.yml", yaml);
  INFO(yaml);
  REQUIRE(parsed.ok());
  return parsed.value;
}

// The Docker executor on the engine DOCKER_HOST names, in the files mode PIPEMU_ENGINE_FILES
// asks for (copy for an engine elsewhere); fails the test when none answers.
inline build::DockerExecutor& docker_executor() {
  static build::DockerExecutor* ex = [] {
    auto endpoint = build::docker::endpoint_from_environment();
    REQUIRE(endpoint);
    build::docker::Client client(*endpoint);
    auto version = client.version();
    INFO("these tests need a Docker engine (tools/prepare-test-env starts one)");
    REQUIRE(version);
    auto has = client.image_exists(build::kStandInImage);
    INFO("the stand-in image is missing: run tools/build-image");
    REQUIRE(has);
    REQUIRE(*has);
    // PIPEMU_ENGINE_FILES=copy runs every docker test without bind mounts (tests/scripts/build).
    auto files = build::engine_files_setting("");
    REQUIRE(files);
    bool copy = *files == "copy" || !build::docker::on_this_machine(*endpoint);
    return new build::DockerExecutor(client, copy ? build::FilesMode::Copy : build::FilesMode::Mount);
  }();
  return *ex;
}

inline build::BuildRequest request(const TempBuild& t, const std::string& yaml) {
  build::BuildRequest r;
  r.buildspec = buildspec(yaml);
  r.source_dir = t.src();
  r.work_dir = t.work();
  r.image = build::kStandInImage;
  r.requested_image = "aws/codebuild/standard:2.0";
  r.timeout = std::chrono::seconds(120);
  r.region = "eu-west-1";
  r.project_name = "unit-test";
  return r;
}

inline std::vector<std::string> phase_statuses(const build::BuildResult& r) {
  std::vector<std::string> out;
  for (const auto& p : r.phases)
    if (p.phase >= build::Phase::DownloadSource && p.phase <= build::Phase::UploadArtifacts)
      out.push_back(std::string(build::to_string(p.phase)) + ":" + build::to_string(p.status));
  return out;
}

}  // namespace pipemu::test
