#include <catch2/catch.hpp>

#include "engine/variables.hpp"

using namespace pipemu::engine;

TEST_CASE("variable references resolve and errors name the reference", "[variables]") {
  Variables v("exec-1");
  v.publish("Src", {{"CommitId", "abc"}, {"BranchName", "main"}});
  CHECK(*v.resolve("plain") == "plain");
  CHECK(*v.resolve("#{Src.CommitId}-#{Src.BranchName}") == "abc-main");
  CHECK(*v.resolve("id=#{codepipeline.PipelineExecutionId}") == "id=exec-1");
  CHECK(*v.resolve("unterminated #{Src.CommitId") == "unterminated #{Src.CommitId");
  CHECK(v.resolve("#{Other.X}").error() ==
        "Invalid action configuration: the namespace 'Other' in #{Other.X} is not produced by "
        "any action that ran before this one");
  CHECK(v.resolve("#{Src}").error() ==
        "Invalid action configuration: the variable reference #{Src} is not of the form "
        "#{Namespace.Variable}");
  v.publish("", {{"Ignored", "x"}});
  CHECK(v.flat().size() == 3);
}
