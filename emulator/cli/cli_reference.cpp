#include "cli/cli_reference.hpp"

#include <fmt/format.h>

#include "cli/command_table.hpp"

namespace pipemu::cli {

namespace {

std::string cell(std::string s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return out;
}

// One table row per option, as CLI11 declared it (so flags added to a setup function show up).
std::string options_table(const CLI::App& app) {
  std::string out = "| Flag | Required | Description |\n|---|---|---|\n";
  for (const CLI::Option* opt : app.get_options()) {
    std::string name = opt->get_name(false, true);
    std::string def = opt->get_default_str();
    out += fmt::format("| `{}` | {} | {}{} |\n", cell(name), opt->get_required() ? "yes" : "no",
                       cell(opt->get_description()), def.empty() ? "" : " (default: " + cell(def) + ")");
  }
  return out;
}

}  // namespace

std::string cli_reference_markdown() {
  std::string out =
      "# pipemu command-line reference\n\n"
      "Generated from the command table (emulator/cli/command_table.cpp); do not edit by hand.\n"
      "Regenerate with `pipemu help --markdown > docs/reference/cli.md`.\n\n"
      "Every command exits 0 on success, 1 on failure and 2 on a usage error unless its section "
      "says otherwise.\n";
  for (const Command& c : commands()) {
    CLI::App app{c.summary, "pipemu " + c.name};
    app.set_help_flag("-h,--help", "Show this command's flags");
    c.setup(app);
    out += fmt::format("\n## pipemu {}\n\n{}\n\n{}", c.name, c.summary, options_table(app));
    for (const CLI::App* sub : app.get_subcommands({}))
      out += fmt::format("\n### pipemu {} {}\n\n{}\n\n{}", c.name, sub->get_name(),
                         sub->get_description(), options_table(*sub));
    out += fmt::format("\nExit codes: {}\n", c.exit_codes.empty() ? "0" : c.exit_codes);
  }
  return out;
}

}  // namespace pipemu::cli
