// Issue 7's bad input, end to end through `pipemu scenario run`: a malformed scenario file, names
// the pipeline does not have, and fixture paths leading out of the scenario folder each give an
// error at its file:line:col; the suite still runs the good scenario next to them and reports the
// broken ones as errors (in the summary and in JUnit).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../support/run_command.hpp"
#include "scenario_support.hpp"

using namespace pipemu;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("broken scenarios are errors at their position and the suite goes on with the others") {
  test::TempFolder dir;
  const fs::path s = dir.path / "s";
  auto made = test::run_command(test::pipemu_cmd("scenario new good --dir " + s.string()));
  REQUIRE(made.exit_code == 0);
  fs::copy_file(s / "good/pipeline.yaml", s / "pipeline.yaml");
  dir.write("outside/repo/a.txt", "a");

  auto malformed = dir.write("s/malformed/scenario.yaml",
                             "name: malformed\ngiven:\n  pipeline: //pipeline.yaml\n  region: [us-east-1\n"
                             "then: {status: Succeeded}\n");
  auto names = dir.write("s/unknown-names/scenario.yaml",
                         "name: unknown-names\n"
                         "given:\n"
                         "  pipeline: //pipeline.yaml\n"
                         "  repository: {fixture: //good/repo, branch: main}\n"
                         "then:\n"
                         "  stages: {Deplyo: Succeeded}\n"
                         "  actions: {buidl: Succeeded}\n"
                         "  order:\n"
                         "    - overlap: [build, dploy]\n"
                         "  stacks:\n"
                         "    us-east-l: {good-app: CREATE_COMPLETE, other: absent}\n");
  auto escaping = dir.write("s/escaping/scenario.yaml",
                            "name: escaping\ngiven:\n  pipeline: //pipeline.yaml\n"
                            "  repository: {fixture: ../../outside/repo}\nthen: {status: Succeeded}\n");
  auto linked = dir.write("s/linked/scenario.yaml",
                          "name: linked\ngiven:\n  pipeline: //pipeline.yaml\n"
                          "  repository:\n    fixture: repo\n    commits:\n      - remove: [../../x]\n"
                          "then: {status: Succeeded}\n");
  fs::create_directory_symlink(dir.path / "outside/repo", s / "linked/repo");

  auto run = test::run_command(test::pipemu_cmd("scenario run " + s.string() + " -j 2 --junit " +
                                                (dir.path / "junit.xml").string()));
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK(has(run.output, "PASS  good"));
  CHECK(has(run.output, "1 passed, 4 failed (4 could not run)"));

  CHECK(has(run.output, "ERROR malformed"));
  CHECK(has(run.output, malformed + ":5:5: error: end of sequence flow not found [yaml-syntax]\n"
                                    "  then: {status: Succeeded}\n"));

  CHECK(has(run.output, "ERROR unknown-names"));
  CHECK(has(run.output, names + ":6:12: error: unknown stage 'Deplyo' in this scenario's pipeline [scenario-name]\n"
                                "    stages: {Deplyo: Succeeded}\n"
                                "             ^\n"
                                "  hint: did you mean 'Deploy'?\n"));
  CHECK(has(run.output, names + ":7:13: error: unknown action 'buidl' in this scenario's pipeline [scenario-name]\n"));
  CHECK(has(run.output, names + ":9:24: error: unknown action 'dploy' in this scenario's pipeline [scenario-name]\n"));
  // The region key itself, once, though two stack expectations sit under it.
  CHECK(has(run.output, names + ":11:5: error: unknown region 'us-east-l' [scenario-name]\n"
                                "      us-east-l: {good-app: CREATE_COMPLETE, other: absent}\n"
                                "      ^\n"
                                "  hint: did you mean 'us-east-1'?\n"));
  CHECK(run.output.find("unknown region 'us-east-l'") == run.output.rfind("unknown region 'us-east-l'"));

  CHECK(has(run.output, "ERROR escaping"));
  CHECK(has(run.output, escaping + ":4:25: error: given.repository.fixture '../../outside/repo' escapes the "
                                   "scenario folder [scenario]\n"));
  CHECK(has(run.output, "ERROR linked"));
  CHECK(has(run.output, linked + ":5:14: error: given.repository.fixture 'repo' escapes the scenario folder "
                                 "through a symbolic link to " + (dir.path / "outside/repo").string()));
  CHECK(has(run.output, linked + ":7:18: error: commit remove path '../../x' leaves the repository [scenario]\n"));

  std::ifstream in(dir.path / "junit.xml");
  std::stringstream junit;
  junit << in.rdbuf();
  CHECK(has(junit.str(), "errors=\"4\""));
}
