#pragma once
// Where a build's shell runs. The runner knows nothing of Docker: it asks an Executor for a
// Session (one long-lived main process whose stdout+stderr stream back), talks to the shell
// through files and a FIFO in the control directory, and kills the session on timeout.
// DockerExecutor runs one container per build; LocalExecutor runs the shell on the host.
// Files reach the shell one of two ways: shared (the local executor, Docker bind mounts: the
// runner writes host paths) or copied (Docker on an engine that cannot see this machine: the
// executor uploads each mount's contents before the shell starts, and the runner goes through
// Session::files() for control files and to take results back).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::build {

struct Mount {
  std::string host;       // absolute host path
  std::string container;  // absolute path inside the container
  bool read_only = false;
  // Copy mode only: a volume on the engine's machine (Executor::create_engine_dir) mounted at
  // `container`, its path there, so containers the build starts (`docker run -v $(pwd):...`)
  // see the build's files. The session owns it: removed with the session.
  std::string volume;
};

struct SessionSpec {
  std::string image;                 // Docker only: the (already mapped) image to run
  std::vector<std::string> command;  // argv of the main process
  std::vector<std::pair<std::string, std::string>> env;
  std::vector<Mount> mounts;         // Docker only; the local executor runs on host paths
  std::string workdir;
  bool privileged = false;           // Docker only: privileged + the engine socket mounted
  std::string label;                 // names the container, e.g. the build id
};

// Receives output chunks (stdout and stderr merged) from a background thread.
using OutputSink = std::function<void(std::string_view)>;

// Copy mode: the build's files exist only in its container. Paths are container paths. Valid
// for the session's life, also after its main process ended (results are taken back then).
class SessionFiles {
 public:
  virtual ~SessionFiles() = default;
  virtual Expected<Ok, std::string> put(const std::string& path, const std::string& content, int mode) = 0;
  // Writes `files` (path, content; readable by all, so never secrets), then `line` into the FIFO
  // the shell reads: one round trip for a step's command file and the line that sources it.
  virtual Expected<Ok, std::string> send_line(const std::string& fifo, const std::string& line,
                                              const std::vector<std::pair<std::string, std::string>>& files = {}) = 0;
  // nullopt when `path` does not exist.
  virtual Expected<std::optional<std::string>, std::string> get(const std::string& path) = 0;
  // Replaces `host_dir` with the contents of `container_dir`; returns the symlinks not created
  // because they point outside it (path relative to it, target). Nothing is written outside.
  virtual Expected<std::vector<std::pair<std::string, std::string>>, std::string> fetch_dir(
      const std::string& container_dir, const std::string& host_dir) = 0;
};

class Session {
 public:
  virtual ~Session() = default;
  // Stops the main process and everything it started (timeouts).
  virtual void kill() = 0;
  // Blocks until the main process ended and all its output reached the sink; its exit code.
  virtual Expected<long, std::string> wait() = 0;
  // Non-null exactly when the executor copies files (Executor::copies_files()).
  virtual SessionFiles* files() { return nullptr; }
};

struct EngineDir {
  std::string volume;  // its name on the engine
  std::string path;    // where it is on the engine's machine (the volume's Mountpoint)
};

class Executor {
 public:
  virtual ~Executor() = default;
  virtual std::string name() const = 0;  // "docker" or "local"
  // True when mounts place host directories at container paths (Docker). False: the shell sees
  // host paths directly, so the runner uses host paths everywhere.
  virtual bool maps_paths() const = 0;
  virtual Expected<std::unique_ptr<Session>, std::string> start(const SessionSpec& spec,
                                                                OutputSink sink) = 0;
  // Whether `image` can run here (the local executor runs no image: always true).
  virtual Expected<bool, std::string> has_image(const std::string& image) const {
    (void)image;
    return true;
  }
  // True: files are copied into and out of the session (see SessionFiles), not shared.
  virtual bool copies_files() const { return false; }
  // Copy mode: a directory on the engine's machine for one build (see Mount::volume).
  virtual Expected<EngineDir, std::string> create_engine_dir(const std::string& label) {
    (void)label;
    return unexpected(std::string("this executor has no engine directories"));
  }
  // Removes an engine directory no session took (start() failed or never ran).
  virtual void remove_engine_dir(const std::string& volume) { (void)volume; }
};

}  // namespace pipemu::build
