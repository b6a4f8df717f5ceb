#pragma once
// How the runner reaches the build shell's control directory (shell_protocol.hpp): command
// files, env.sh, captured variables, and the FIFO the shell reads its next line from. Shared
// (local executor, Docker bind mounts): plain host files and a FIFO descriptor, as fast as ever.
// Copied (Docker copy mode): the same operations through the session's SessionFiles.
#include <memory>
#include <optional>
#include <string>

#include "build/executor.hpp"

namespace pipemu::build {

class ControlFiles {
 public:
  virtual ~ControlFiles() = default;
  // Writes <ctl>/<rel>; `secret` files (env.sh) are readable by their owner only. A file that is
  // not secret may only reach the shell with the next send() (copy mode bundles them).
  virtual Expected<Ok, std::string> put(const std::string& rel, const std::string& content, bool secret) = 0;
  // One line (ending in '\n') to the shell's input.
  virtual Expected<Ok, std::string> send(const std::string& line) = 0;
  // <ctl>/<rel> as the shell left it; nullopt when it does not exist or cannot be read.
  virtual std::optional<std::string> get(const std::string& rel) = 0;
};

// `ctl_host`: the control directory on this machine; `fifo_fd`: its FIFO, open for writing.
std::unique_ptr<ControlFiles> shared_control(std::string ctl_host, int fifo_fd);
// `ctl_in`: the control directory in the container; its FIFO is <ctl_in>/in.
std::unique_ptr<ControlFiles> copied_control(SessionFiles& files, std::string ctl_in);

}  // namespace pipemu::build
