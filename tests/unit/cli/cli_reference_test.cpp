// docs/reference/cli.md is generated from the command table; this fails when it is stale.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "support/run_command.hpp"

using namespace pipemu::test;

TEST_CASE("the committed CLI reference matches `pipemu help --markdown`") {
  auto r = run_command(pipemu_cmd("help --markdown"));
  REQUIRE(r.exit_code == 0);
  INFO("docs/reference/cli.md is stale; regenerate it with: "
       "build/emulator/cli/pipemu help --markdown > docs/reference/cli.md");
  CHECK(source_file_text("docs/reference/cli.md") == r.output);
}

TEST_CASE("the CLI reference documents every command, its flags and exit codes") {
  auto r = run_command(pipemu_cmd("help --markdown"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("\n## pipemu explain\n") != std::string::npos);
  CHECK(r.output.find("| `--action` | no | Explain only this action, in depth |") !=
        std::string::npos);
  CHECK(r.output.find("Exit codes: 0 ok, 1 template error, 2 usage or unknown --action\n") !=
        std::string::npos);
}
