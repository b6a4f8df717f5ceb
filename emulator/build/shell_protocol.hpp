#pragma once
// How the runner drives ONE shell for the whole build (buildspec v0.2: `cd`, shell variables
// and exports carry over between commands and phases).
//
// The session's main process is a tiny POSIX sh loop that starts the build shell (`env.shell`)
// with its stdin on a FIFO in the control directory. For each command the runner writes the
// command to a file and sends one line on the FIFO:
//     . '<ctl>/cmd/0007.sh' </dev/null; printf '\n<marker> rc %s\n' "$?"
// and waits for the marker line in the output stream, which gives the command's own exit status
// (CodeBuild checks only that, so `false; true` succeeds). The marker carries a random nonce so
// build output cannot forge it. If a command ends the shell (`exit 3`, a syntax error in a
// sourced file), the loop prints `<marker> exit <status>` and starts a fresh shell, so phases
// that must still run (POST_BUILD after a failed BUILD) do. Commands get /dev/null as stdin so
// they cannot swallow the runner's next line.
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pipemu::build {

// POSIX single-quoting: the value reaches the shell byte for byte (no expansion).
std::string shell_quote(std::string_view s);

// A fresh random marker, e.g. "@@pipemu-5f0c1a9e7b2d4c38@@".
std::string new_marker();

// argv of the session's main process.
std::vector<std::string> driver_command(const std::string& shell, const std::string& fifo,
                                        const std::string& done_file, const std::string& marker);

// The FIFO line that sources `file` and reports its status.
std::string step_line(const std::string& file, const std::string& marker);

// A script exporting `vars` in order (later entries win), values single-quoted.
std::string export_script(const std::vector<std::pair<std::string, std::string>>& vars);

// A script writing each variable that is set to `<dir>/<NAME>` (unset ones write nothing).
std::string capture_script(const std::vector<std::string>& names, const std::string& dir);

// A command that runs `exit N` ends the build's one shell (the driver starts another). So that
// the rest of the build still sees one shell, as on CodeBuild, the shell saves its exported
// variables and directory on EXIT (keep_state_script, installed once it starts), and the next
// shell restores them (restore_state_script; the build's own env.sh when nothing was saved).
// state.sh may hold secrets: the runner removes it with env.sh.
std::string keep_state_script(const std::string& ctl_dir);
std::string restore_state_script(const std::string& ctl_dir);

// Splits the merged output stream into lines, separating marker lines from build output.
// The newline the step prints before a marker is dropped, so build output reads unchanged.
class OutputParser {
 public:
  struct Marker {
    enum class Kind { Rc, Exit } kind;
    int code;
  };
  OutputParser(std::string marker, std::function<void(std::string_view)> on_line,
               std::function<void(Marker)> on_marker);
  void feed(std::string_view chunk);
  void finish();  // the stream ended: flush a partial last line

 private:
  void line(std::string_view l);
  std::string marker_;
  std::function<void(std::string_view)> on_line_;
  std::function<void(Marker)> on_marker_;
  std::string partial_;
  int held_blank_ = 0;  // blank lines held back: one may be the step's own "\n"
};

}  // namespace pipemu::build
