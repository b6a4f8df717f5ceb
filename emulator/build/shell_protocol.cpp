#include "build/shell_protocol.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <random>

namespace pipemu::build {

std::string shell_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string new_marker() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned long long> dist;
  return fmt::format("@@pipemu-{:016x}@@", dist(rd));
}

std::vector<std::string> driver_command(const std::string& shell, const std::string& fifo,
                                        const std::string& done_file, const std::string& marker) {
  // $1 fifo, $2 shell, $3 done file, $4 marker. fd 3 stays open in the loop, so the FIFO always
  // has a reader and a restarted shell continues where the previous one stopped. It is opened
  // read-write: the loop itself then holds a writer, so the shell never sees end-of-file when a
  // writer goes away (copy mode writes each line from a short-lived exec).
  const char* loop =
      "exec 2>&1; exec 3<>\"$1\"; "
      "while :; do $2 -s <&3; rc=$?; "
      "if [ -e \"$3\" ]; then exit \"$rc\"; fi; "
      "printf '\\n%s exit %s\\n' \"$4\" \"$rc\"; done";
  return {"/bin/sh", "-c", loop, "pipemu-shell", fifo, shell, done_file, marker};
}

std::string step_line(const std::string& file, const std::string& marker) {
  return fmt::format(". {} </dev/null; printf '\\n{} rc %s\\n' \"$?\"\n", shell_quote(file), marker);
}

std::string export_script(const std::vector<std::pair<std::string, std::string>>& vars) {
  std::string out;
  for (const auto& [k, v] : vars) out += "export " + k + "=" + shell_quote(v) + "\n";
  return out;
}

std::string capture_script(const std::vector<std::string>& names, const std::string& dir) {
  std::string out;
  for (const auto& n : names)
    out += fmt::format("if [ -n \"${{{0}+x}}\" ]; then printf '%s' \"${0}\" > {1}; fi\n", n,
                       shell_quote(dir + "/" + n));
  return out;
}

std::string keep_state_script(const std::string& ctl_dir) {
  return fmt::format(
      "pipemu_keep_state() {{ (umask 077; export -p > {0}; pwd > {1}); }}\n"
      "trap pipemu_keep_state EXIT\n",
      shell_quote(ctl_dir + "/state.sh"), shell_quote(ctl_dir + "/pwd"));
}

std::string restore_state_script(const std::string& ctl_dir) {
  return fmt::format(
      "if [ -f {0} ]; then . {0}; cd \"$(cat {1})\" 2>/dev/null; else . {2}; fi\n{3}",
      shell_quote(ctl_dir + "/state.sh"), shell_quote(ctl_dir + "/pwd"), shell_quote(ctl_dir + "/env.sh"),
      keep_state_script(ctl_dir));
}

OutputParser::OutputParser(std::string marker, std::function<void(std::string_view)> on_line,
                           std::function<void(Marker)> on_marker)
    : marker_(std::move(marker)), on_line_(std::move(on_line)), on_marker_(std::move(on_marker)) {}

void OutputParser::feed(std::string_view chunk) {
  partial_.append(chunk);
  size_t start = 0;
  for (size_t nl; (nl = partial_.find('\n', start)) != std::string::npos; start = nl + 1) {
    std::string_view l(partial_.data() + start, nl - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    line(l);
  }
  partial_.erase(0, start);
}

void OutputParser::finish() {
  if (!partial_.empty()) line(partial_);
  partial_.clear();
  for (; held_blank_ > 0; --held_blank_) on_line_("");
}

void OutputParser::line(std::string_view l) {
  if (l.empty()) {
    ++held_blank_;
    return;
  }
  if (l.rfind(marker_, 0) == 0) {
    if (held_blank_ > 0) --held_blank_;  // the step's own "\n"
    for (; held_blank_ > 0; --held_blank_) on_line_("");
    std::string_view rest = l.substr(marker_.size());
    Marker m{Marker::Kind::Rc, 0};
    if (rest.rfind(" exit ", 0) == 0) {
      m.kind = Marker::Kind::Exit;
      rest.remove_prefix(6);
    } else if (rest.rfind(" rc ", 0) == 0) {
      rest.remove_prefix(4);
    } else {
      on_line_(l);
      return;
    }
    m.code = std::atoi(std::string(rest).c_str());
    on_marker_(m);
    return;
  }
  for (; held_blank_ > 0; --held_blank_) on_line_("");
  on_line_(l);
}

}  // namespace pipemu::build
