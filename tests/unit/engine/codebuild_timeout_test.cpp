// The CodeBuild action's per-action time limit (the scenario `timeout` fault): a hanging build is
// cut off at the limit and the action fails with CodeBuild's TIMED_OUT summary, in seconds.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "build/local_executor.hpp"
#include "engine/actions/codebuild_action.hpp"
#include "engine/zip_files.hpp"

using namespace pipemu;
using namespace pipemu::engine;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  fs::path dir = fs::temp_directory_path() / "pipemu-cb-timeout";
  build::LocalExecutor executor;
  model::Pipeline pipeline;
  model::Stage stage;
  model::Action action;

  Fixture() {
    fs::remove_all(dir);
    fs::create_directories(dir / "work");
    pipeline.name = "demo";
    stage.name = "Build";
    action.name = "Compile";
    action.type = {"Build", "AWS", "CodeBuild", "1"};
    REQUIRE(write_zip((dir / "src.zip").string(),
                      {{"buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 30\n"}}));
  }

  ActionOutcome run(std::map<std::string, std::chrono::milliseconds> timeouts) {
    CodeBuildSettings s;
    s.find_project = [](const std::string&, const std::string& name)
        -> Expected<model::CodeBuildProject, std::string> {
      model::CodeBuildProject p;
      p.name = name;
      p.source.type = "CODEPIPELINE";
      p.environment.image = "aws/codebuild/standard:7.0";
      return p;
    };
    s.executor = &executor;
    s.timeouts = std::move(timeouts);
    CodeBuildAction cb(s);
    ActionContext ctx;
    ctx.pipeline = &pipeline;
    ctx.stage = &stage;
    ctx.action = &action;
    ctx.region = ctx.pipeline_region = "eu-west-1";
    ctx.configuration = {{"ProjectName", "compile"}};
    ctx.inputs = {{"src", (dir / "src.zip").string(), {}}};
    ctx.work_dir = (dir / "work").string();
    ctx.log = [](const std::string&) {};
    return cb.run(ctx);
  }
};

}  // namespace

TEST_CASE("a timeout for the action stops a hanging build as TIMED_OUT", "[codebuild]") {
  Fixture f;
  auto t0 = std::chrono::steady_clock::now();
  auto o = f.run({{"Compile", std::chrono::milliseconds(1500)}});
  auto took = std::chrono::steady_clock::now() - t0;
  CHECK(o.status == Status::Failed);
  CHECK(o.error ==
        "Build terminated with state: TIMED_OUT. Phase: BUILD, Code: BUILD_TIMED_OUT, Message: Build has timed out. ");
  // Rounded up to 2 s, far below the 30 s the command would take.
  CHECK(took >= std::chrono::seconds(2));
  CHECK(took < std::chrono::seconds(15));
}
