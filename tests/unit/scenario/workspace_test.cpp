#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../support/run_command.hpp"
#include "scenario/parse.hpp"
#include "scenario/workspace.hpp"
#include "scenario_support.hpp"

using namespace pipemu;
using namespace pipemu::scenario;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string git(const std::string& repo, const std::string& args) {
  return test::run_command("git -C " + repo + " " + args).output;
}

}  // namespace

TEST_CASE("prepare builds a private git repo from the fixture, inline files and commits") {
  test::TempFolder dir;
  dir.write("x/pipeline.yaml", test::kPipelineYaml);
  dir.write("x/repo/buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - make test\n");
  dir.write("x/repo/.git/HEAD", "not a real git dir, must not be copied\n");
  auto file = dir.write("x/scenario.yaml",
                        "given:\n"
                        "  pipeline: pipeline.yaml\n"
                        "  repository:\n"
                        "    fixture: repo\n"
                        "    branch: main\n"
                        "    files: {src/app.py: 'print(1)'}\n"
                        "    commits:\n"
                        "      - {message: feature, branch: feature, files: {f.txt: x}, remove: [src/app.py]}\n"
                        "faults:\n"
                        "  - build_command: {command: make test, exit: 3}\n"
                        "then: {status: Failed}\n");
  auto parsed = parse_file(file);
  REQUIRE(parsed.ok());
  auto p = prepare(parsed.value);
  REQUIRE(p);
  CHECK(fs::is_directory(p->state_dir));
  CHECK(git(p->repo_dir, "rev-parse --abbrev-ref HEAD") == "main\n");
  CHECK(git(p->repo_dir, "log --format=%s main") == "Initial commit\n");
  CHECK(git(p->repo_dir, "log --format=%s feature") == "feature\nInitial commit\n");
  CHECK(git(p->repo_dir, "ls-tree -r --name-only main") == "buildspec.yml\nsrc/app.py\n");
  CHECK(git(p->repo_dir, "ls-tree -r --name-only feature") == "buildspec.yml\nf.txt\n");
  CHECK(git(p->repo_dir, "status --porcelain") == "");
  // The fault is in the committed buildspec (quoted: a plain scalar would drop the comment).
  CHECK(slurp(fs::path(p->repo_dir) / "buildspec.yml").find("\"(exit 3) # pipemu fault: make test\"") != std::string::npos);
  // Fixed author and dates: the same scenario gives the same commit ids every time.
  auto first = git(p->repo_dir, "rev-parse main");
  auto again = prepare(parsed.value);
  REQUIRE(again);
  CHECK(git(again->repo_dir, "rev-parse main") == first);
  discard(*p);
  discard(*again);
  CHECK_FALSE(fs::exists(p->root));
}

TEST_CASE("build faults rewrite the buildspec: a phase fails first, a command is replaced") {
  std::string spec = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n      - make test\n";
  Fault phase;
  phase.kind = Fault::Kind::BuildPhase;
  phase.phase = "PRE_BUILD";
  Fault cmd;
  cmd.kind = Fault::Kind::BuildCommand;
  cmd.command = "make test";
  auto out = inject_build_faults(spec, {phase, cmd});
  REQUIRE(out);
  CHECK(*out ==
        "version: 0.2\n"
        "phases:\n"
        "  build:\n"
        "    commands:\n"
        "      - make\n"
        "      - \"(exit 1) # pipemu fault: make test\"\n"
        "  pre_build:\n"
        "    commands:\n"
        "      - \"(exit 1) # pipemu fault: phase PRE_BUILD\"\n");
  Fault missing;
  missing.kind = Fault::Kind::BuildCommand;
  missing.command = "npm test";
  auto bad = inject_build_faults(spec, {missing});
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "build_command fault: no command 'npm test' in the buildspec");
}

TEST_CASE("buildspec_paths reads each CodeBuild project's BuildSpec path from the template") {
  test::TempFolder dir;
  auto t = dir.write("t.yaml",
                     "Resources:\n"
                     "  A: {Type: AWS::CodeBuild::Project, Properties: {Source: {Type: CODEPIPELINE, BuildSpec: ci/spec.yaml}}}\n"
                     "  B: {Type: AWS::CodeBuild::Project, Properties: {Source: {Type: CODEPIPELINE}}}\n"
                     "  C: {Type: AWS::CodeBuild::Project, Properties: {Source: {BuildSpec: \"version: 0.2\\nphases: {}\\n\"}}}\n");
  CHECK(buildspec_paths(t) == std::vector<std::string>{"ci/spec.yaml", "buildspec.yml"});
}
