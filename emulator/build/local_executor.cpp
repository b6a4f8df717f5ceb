#include "build/local_executor.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "build/live_objects.hpp"

namespace pipemu::build {
namespace {

std::string group_key(pid_t pid) { return "local build process group " + std::to_string(pid); }

class LocalSession : public Session {
 public:
  LocalSession(pid_t pid, int out_fd, OutputSink sink) : pid_(pid) {
    reader_ = std::thread([out_fd, sink = std::move(sink)] {
      char buf[8192];
      for (;;) {
        ssize_t n = ::read(out_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        sink(std::string_view(buf, static_cast<size_t>(n)));
      }
      ::close(out_fd);
    });
  }
  ~LocalSession() override {
    if (!reaped_) {
      kill();
      (void)wait();
    }
  }
  void kill() override {
    if (!reaped_) ::kill(-pid_, SIGKILL);
  }
  Expected<long, std::string> wait() override {
    if (reaped_) return status_;
    int st = 0;
    while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
    }
    // Background jobs of the build may keep the pipe open; they die with the group.
    ::kill(-pid_, SIGKILL);
    LiveObjects::process().drop(group_key(pid_));
    if (reader_.joinable()) reader_.join();
    reaped_ = true;
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return status_;
  }

 private:
  pid_t pid_;
  std::thread reader_;
  bool reaped_ = false;
  long status_ = -1;
};

}  // namespace

Expected<std::unique_ptr<Session>, std::string> LocalExecutor::start(const SessionSpec& spec,
                                                                     OutputSink sink) {
  if (spec.command.empty()) return unexpected(std::string("local executor: empty command"));
  // Build argv/envp before fork: only async-signal-safe calls are allowed in the child.
  std::vector<std::string> env_strings;
  for (const char* name : {"PATH", "HOME", "LANG", "TMPDIR", "USER", "DOCKER_HOST"})
    if (const char* v = std::getenv(name)) env_strings.push_back(std::string(name) + "=" + v);
  for (const auto& [k, v] : spec.env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = spec.command;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    return unexpected(std::string("local executor: pipe: ") + std::strerror(errno));
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return unexpected(std::string("local executor: fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    ::dup2(fds[1], 1);
    ::dup2(fds[1], 2);
    if (!spec.workdir.empty() && ::chdir(spec.workdir.c_str()) != 0) ::_exit(127);
    ::signal(SIGPIPE, SIG_DFL);
    // The CLI blocks SIGINT/SIGTERM for its interrupt thread (cli/interrupt.hpp); a blocked mask
    // survives exec, and the build's commands must get their signals as in CodeBuild.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also here, so kill(-pid) works even before the child ran
  ::close(fds[1]);
  // Its own process group is out of reach of a terminal's Ctrl-C: an interrupted pipemu kills it.
  if (!LiveObjects::process().add(group_key(pid), [pid] { ::kill(-pid, SIGKILL); })) ::kill(-pid, SIGKILL);
  return std::unique_ptr<Session>(new LocalSession(pid, fds[0], std::move(sink)));
}

}  // namespace pipemu::build
