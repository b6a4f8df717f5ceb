#include <fmt/format.h>

#include <iostream>

#include "cli/cli_reference.hpp"
#include "cli/commands.hpp"

namespace pipemu::cli {

std::function<int()> setup_help(CLI::App& app) {
  auto topic = std::make_shared<std::string>();
  auto markdown = std::make_shared<bool>(false);
  app.add_option("command", *topic, "Show this command's flags");
  app.add_flag("--markdown", *markdown, "Print the full CLI reference (docs/reference/cli.md)");
  return [topic, markdown]() {
    if (*markdown) return std::cout << cli_reference_markdown(), int(kOk);
    if (!topic->empty()) {
      const Command* c = find_command(*topic);
      if (!c) {
        std::cerr << fmt::format("pipemu: no command '{}'; see 'pipemu help'\n", *topic);
        return int(kUsage);
      }
      CLI::App sub{c->summary, "pipemu " + c->name};
      sub.set_help_flag("-h,--help", "Show this command's flags");
      c->setup(sub);
      std::cout << sub.help();
      if (!c->exit_codes.empty()) std::cout << "\nExit codes: " << c->exit_codes << "\n";
      return int(kOk);
    }
    std::cout << "pipemu: replay AWS CodePipeline cross-region deployments locally\n\n"
                 "Usage: pipemu <command> [flags]\n\nCommands:\n";
    for (const auto& c : commands()) std::cout << fmt::format("  {:<12}{}\n", c.name, c.summary);
    std::cout << "\nRun 'pipemu help <command>' for a command's flags.\n";
    return int(kOk);
  };
}

std::function<int()> setup_version(CLI::App&) {
  return [] {
    std::cout << "pipemu " PIPEMU_VERSION "\n";
    return int(kOk);
  };
}

}  // namespace pipemu::cli
