#include <catch2/catch.hpp>

#include "support/run_command.hpp"

using namespace pipemu::test;

TEST_CASE("help lists every command") {
  auto r = run_command(pipemu_cmd("help"));
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("version") != std::string::npos);
}

TEST_CASE("an unknown command suggests the closest one") {
  auto r = run_command(pipemu_cmd("verison"));
  CHECK(r.exit_code == 2);
  CHECK(r.output == "pipemu: 'verison' is not a pipemu command. Did you mean 'version'?\n"
                    "See 'pipemu help'.\n");
}
