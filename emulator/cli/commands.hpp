#pragma once
// One setup function per subcommand, each defined in its own <name>_command.cpp.
#include "cli/command_table.hpp"

namespace pipemu::cli {

std::function<int()> setup_help(CLI::App& app);
std::function<int()> setup_serve(CLI::App& app);
std::function<int()> setup_webhook(CLI::App& app);
std::function<int()> setup_version(CLI::App& app);
std::function<int()> setup_build(CLI::App& app);
std::function<int()> setup_validate(CLI::App& app);
std::function<int()> setup_scenario(CLI::App& app);
std::function<int()> setup_run(CLI::App& app);
std::function<int()> setup_plan(CLI::App& app);
std::function<int()> setup_graph(CLI::App& app);
std::function<int()> setup_history(CLI::App& app);
std::function<int()> setup_diff(CLI::App& app);
std::function<int()> setup_state(CLI::App& app);
std::function<int()> setup_explain(CLI::App& app);
std::function<int()> setup_coverage(CLI::App& app);

}  // namespace pipemu::cli
