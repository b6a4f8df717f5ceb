// The runner's copy-mode plumbing without Docker: an executor that runs the shell on the host
// (LocalExecutor) but claims to copy files, with SessionFiles over host paths whose download can
// be made to fail as a hostile tar would. What the build's files go through, and what a refused
// download does to the build.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "build/local_executor.hpp"
#include "build_fixture.hpp"
#include "source/zip_archive.hpp"

using namespace pipemu;
using namespace pipemu::build;
namespace fs = std::filesystem;

namespace {

struct HostFiles : SessionFiles {
  std::string refuse;  // non-empty: fetch_dir fails with this
  int lines = 0, bundled = 0;
  Expected<Ok, std::string> put(const std::string& path, const std::string& content, int) override {
    std::ofstream(path, std::ios::binary) << content;
    return Ok{};
  }
  Expected<Ok, std::string> send_line(const std::string& fifo, const std::string& line,
                                      const std::vector<std::pair<std::string, std::string>>& files) override {
    for (const auto& [path, content] : files) put(path, content, 0644);
    bundled += static_cast<int>(files.size());
    ++lines;
    int fd = ::open(fifo.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return unexpected(std::string("no fifo"));
    bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(fd);
    if (!ok) return unexpected(std::string("short write"));
    return Ok{};
  }
  Expected<std::optional<std::string>, std::string> get(const std::string& path) override {
    std::ifstream f(path, std::ios::binary);
    if (!f) return std::optional<std::string>{};
    return std::optional<std::string>(std::string((std::istreambuf_iterator<char>(f)), {}));
  }
  Expected<std::vector<std::pair<std::string, std::string>>, std::string> fetch_dir(const std::string& from,
                                                                                    const std::string& to) override {
    if (!refuse.empty()) return unexpected(refuse);
    fs::remove_all(to);
    fs::create_directories(fs::path(to).parent_path());
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    return std::vector<std::pair<std::string, std::string>>{};
  }
};

class WrappedSession : public Session {
 public:
  WrappedSession(std::unique_ptr<Session> inner, HostFiles& files) : inner_(std::move(inner)), files_(files) {}
  void kill() override { inner_->kill(); }
  Expected<long, std::string> wait() override { return inner_->wait(); }
  SessionFiles* files() override { return &files_; }

 private:
  std::unique_ptr<Session> inner_;
  HostFiles& files_;
};

class CopyingLocalExecutor : public LocalExecutor {
 public:
  HostFiles files;
  bool copies_files() const override { return true; }
  Expected<std::unique_ptr<Session>, std::string> start(const SessionSpec& spec, OutputSink sink) override {
    auto s = LocalExecutor::start(spec, std::move(sink));
    if (!s) return s;
    return std::unique_ptr<Session>(new WrappedSession(std::move(*s), files));
  }
};

const char* kSpec = R"Y(version: 0.2
env:
  exported-variables:
    - TAG
phases:
  build:
    commands:
      - mkdir -p dist && echo built > dist/app.txt
      - TAG=v7
artifacts:
  files:
    - '**/*'
  base-directory: dist
)Y";

}  // namespace

TEST_CASE("copy mode runner: commands go with their lines, results come back, variables are read back", "[build]") {
  test::TempBuild t;
  CopyingLocalExecutor ex;
  test::RecordingListener l;
  auto res = run_build(test::request(t, kSpec), ex, l);
  INFO(l.text());
  REQUIRE(res.status == Status::Succeeded);
  CHECK(res.exported_variables == std::map<std::string, std::string>{{"TAG", "v7"}});
  auto names = source::zip_names(res.artifact_zip);
  REQUIRE(names);
  CHECK(*names == std::vector<std::string>{"app.txt"});
  // env, 2 commands, the capture, then the final line: each command file rode with its line.
  CHECK(ex.files.lines == 5);
  CHECK(ex.files.bundled == 5);  // four command files and the `done` file
  CHECK_FALSE(fs::exists(t.work() + "/results"));  // the copy taken back is gone with the build
}

TEST_CASE("copy mode runner: a refused download fails UPLOAD_ARTIFACTS with the reason", "[build]") {
  test::TempBuild t;
  CopyingLocalExecutor ex;
  ex.files.refuse = "download refused: entry 'src/../../x' climbs out with '..'";
  test::RecordingListener l;
  auto res = run_build(test::request(t, kSpec), ex, l);
  INFO(l.text());
  CHECK(res.status == Status::Failed);
  CHECK(res.failure_summary() ==
        "Build terminated with state: FAILED. Phase: UPLOAD_ARTIFACTS, Code: CLIENT_ERROR, Message: cannot take " +
            fs::canonical(t.src()).string() +
            " back from the build container: download refused: entry 'src/../../x' climbs out with '..'");
  CHECK(res.artifact_zip.empty());
}
