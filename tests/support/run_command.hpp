#pragma once
// Runs the real pipemu binary (or any command) and captures its output and exit code,
// for golden tests of what a user sees.
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace pipemu::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

inline CommandResult run_command(const std::string& cmd) {
  CommandResult r;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string pipemu_cmd(const std::string& args) {
  return std::string(PIPEMU_BINARY) + " " + args;
}

inline std::string source_path(const std::string& rel) {
  return std::string(PIPEMU_SOURCE_DIR) + "/" + rel;
}

// A committed file's text ("" when missing), e.g. a generated reference a test compares.
inline std::string source_file_text(const std::string& rel) {
  std::ifstream in(source_path(rel), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace pipemu::test
