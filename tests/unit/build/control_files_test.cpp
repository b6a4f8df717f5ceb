// How the runner reaches the build shell's control directory: host files and the FIFO (shared),
// or the session's SessionFiles (copy mode), where a command file travels with its line and
// secrets never travel as exec arguments.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>

#include "build/control_files.hpp"
#include "build_fixture.hpp"

using namespace pipemu;
using namespace pipemu::build;

namespace {

// Records the calls a copy-mode session would turn into engine requests.
struct RecordingFiles : SessionFiles {
  std::vector<std::string> calls;
  std::map<std::string, std::string> container;  // path -> content
  Expected<Ok, std::string> put(const std::string& path, const std::string& content, int mode) override {
    calls.push_back("put " + path + " " + std::to_string(mode));
    container[path] = content;
    return Ok{};
  }
  Expected<Ok, std::string> send_line(const std::string& fifo, const std::string& line,
                                      const std::vector<std::pair<std::string, std::string>>& files) override {
    std::string c = "send " + fifo + " " + line;
    for (const auto& [path, content] : files) {
      c += " +" + path;
      container[path] = content;
    }
    calls.push_back(c);
    return Ok{};
  }
  Expected<std::optional<std::string>, std::string> get(const std::string& path) override {
    calls.push_back("get " + path);
    auto it = container.find(path);
    if (it == container.end()) return std::optional<std::string>{};
    return std::optional<std::string>(it->second);
  }
  Expected<std::vector<std::pair<std::string, std::string>>, std::string> fetch_dir(const std::string&,
                                                                                    const std::string&) override {
    return std::vector<std::pair<std::string, std::string>>{};
  }
};

}  // namespace

TEST_CASE("control files, copy mode: a command file rides with its line; secrets go alone, owner-only", "[build]") {
  RecordingFiles files;
  auto control = copied_control(files, "/codebuild/pipemu");
  REQUIRE(control->put("env.sh", "export SECRET='x'\n", true));
  REQUIRE(control->put("cmd/0001.sh", "echo hi\n", false));
  REQUIRE(control->send("line 1\n"));
  REQUIRE(control->put("cmd/0002.sh", "true\n", false));
  // A read first delivers what is pending (the shell may be about to write what is read).
  files.container["/codebuild/pipemu/vars/TAG"] = "v1";
  CHECK(control->get("vars/TAG") == std::optional<std::string>("v1"));
  CHECK_FALSE(control->get("vars/NEVER_SET"));
  CHECK(files.calls == std::vector<std::string>{
                           "put /codebuild/pipemu/env.sh 384",  // 0600
                           "send /codebuild/pipemu/in line 1\n +/codebuild/pipemu/cmd/0001.sh",
                           "put /codebuild/pipemu/cmd/0002.sh 420",  // 0644
                           "get /codebuild/pipemu/vars/TAG",
                           "get /codebuild/pipemu/vars/NEVER_SET",
                       });
}

TEST_CASE("control files, shared: host files (env.sh owner-only) and lines on the FIFO", "[build]") {
  test::TempBuild t;
  std::string fifo = t.work() + "/in";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  int fd = ::open(fifo.c_str(), O_RDWR | O_CLOEXEC);
  REQUIRE(fd >= 0);
  auto control = shared_control(t.work(), fd);
  REQUIRE(control->put("env.sh", "export A=1\n", true));
  struct stat st{};
  REQUIRE(::stat((t.work() + "/env.sh").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(control->send("hello\n"));
  char buf[16] = {};
  CHECK(::read(fd, buf, sizeof buf) == 6);
  CHECK(std::string(buf) == "hello\n");
  CHECK(control->get("env.sh") == std::optional<std::string>("export A=1\n"));
  CHECK_FALSE(control->get("vars/NONE"));
  ::close(fd);
}
