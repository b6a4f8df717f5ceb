#include "cli/command_table.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "model/text.hpp"

namespace pipemu::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"help", "Show the commands, or one command's flags", setup_help, "0"},
      {"version", "Print pipemu's version", setup_version, "0"},
      {"build", "Run a CodeBuild project's buildspec on a repository, in Docker", setup_build,
       "0 build SUCCEEDED, 1 build FAILED/TIMED_OUT or error, 2 usage"},
      {"scenario", "Run the scenario regression suite (scenario run), or scaffold one (scenario new)",
       setup_scenario, "0 every scenario passed, 1 a scenario failed or could not run, 2 usage"},
      {"serve", "Serve the S3, SSM and CloudFormation fakes over HTTP; with --pipeline, its webhooks too",
       setup_serve, "0 stopped by a signal, 1 cannot listen or state unreadable"},
      {"webhook", "Deliver a GitHub push from a file to the pipeline's webhook: check it, start the run or say why not",
       setup_webhook, "0 execution Succeeded, 1 Failed or delivery rejected, 2 usage, 3 filters matched nothing"},
      {"validate", "Check a pipeline template (and its buildspec) statically, compiler-style",
       setup_validate, "0 no errors (warnings allowed), 1 errors found, 2 usage"},
      {"run", "Replay the pipeline end to end against the regional fakes (Source, Build, Deploy)",
       setup_run, "0 execution Succeeded, 1 Failed or could not start, 2 usage"},
      {"plan", "Show what `run` would do: stages, RunOrder groups, regions, artifact flow",
       setup_plan, "0 ok, 1 template error, 2 usage"},
      {"graph", "Print the pipeline as a DOT or Mermaid graph of actions and artifacts",
       setup_graph, "0 ok, 1 template error, 2 usage"},
      {"history", "List recorded runs", setup_history, "0 ok, 1 history unreadable"},
      {"diff", "Show what changed between two recorded runs", setup_diff,
       "0 ok, 1 unknown run or history unreadable"},
      {"state", "Show a region's stacks, exports, parameters and buckets", setup_state,
       "0 ok, 1 state unreadable"},
      {"explain", "Describe the pipeline in plain words: regions, trigger, stages, artifacts, needs",
       setup_explain, "0 ok, 1 template error, 2 usage or unknown --action"},
      {"coverage", "Print which AWS operations, resource types and functions pipemu emulates (Markdown)",
       setup_coverage, "0"},
  };
  return table;
}

const Command* find_command(const std::string& name) {
  for (const auto& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") args = {"help"};
  if (args[0] == "--version") args = {"version"};
  const Command* cmd = find_command(args[0]);
  if (!cmd) {
    std::vector<std::string> names;
    for (const auto& c : commands()) names.push_back(c.name);
    std::string near = text::closest(args[0], names);
    std::cerr << fmt::format("pipemu: '{}' is not a pipemu command.", args[0]);
    if (!near.empty()) std::cerr << fmt::format(" Did you mean '{}'?", near);
    std::cerr << "\nSee 'pipemu help'.\n";
    return kUsage;
  }
  CLI::App app{cmd->summary, "pipemu " + cmd->name};
  app.set_help_flag("-h,--help", "Show this command's flags");
  try {
    auto action = cmd->setup(app);
    std::vector<std::string> rest(args.begin() + 1, args.end());
    std::reverse(rest.begin(), rest.end());  // CLI11 parses a reversed vector
    app.parse(rest);
    return action();
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kOk : kUsage;
  } catch (const std::exception& e) {
    std::cerr << "pipemu: error: " << e.what() << "\n";
    return kFailed;
  }
}

}  // namespace pipemu::cli
