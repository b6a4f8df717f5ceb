#pragma once
// The one table of subcommands. `pipemu help`, "did you mean", and the generated CLI reference
// (docs/reference/cli.md) all read it, so a new subcommand is one row here plus its own file.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace pipemu::cli {

// Exit codes shared by every subcommand.
enum Exit : int { kOk = 0, kFailed = 1, kUsage = 2 };

// Declares a command's flags on `app` and returns what runs once they are parsed.
using Setup = std::function<std::function<int()>(CLI::App& app)>;

struct Command {
  std::string name;
  std::string summary;
  Setup setup;
  std::string exit_codes;  // human text for the reference, e.g. "0 valid, 1 errors found"
};

const std::vector<Command>& commands();
const Command* find_command(const std::string& name);

// Parses argv, dispatches, and turns escaped exceptions into `pipemu: error: ...`.
int main(int argc, char** argv);

}  // namespace pipemu::cli
