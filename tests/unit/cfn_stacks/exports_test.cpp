// Exports: unique per account and region, imports only within a region, an export in use can
// be neither changed nor removed, and its stack cannot be deleted.
#include <catch2/catch.hpp>

#include "world_support.hpp"

using namespace pipemu::cfn;
using namespace pipemu::cfn::test;

namespace {

std::string exporter(const std::string& value) {
  auto t = fixture("exporter.yaml");
  return t.replace(t.find("VALUE"), 5, value);
}

std::vector<std::string> reasons(World& w, const std::string& region, const std::string& stack) {
  std::vector<std::string> out;
  auto events = w.cfn.describe_stack_events(World::in(region), stack);
  REQUIRE(events);
  for (const auto& e : *events) out.push_back(e.status_reason);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("an export name is unique per region") {
  World w;
  w.create("us-east-1", "first", exporter("a"));
  w.create("us-east-1", "second", exporter("b"));
  CHECK(w.stack("us-east-1", "second").status == "ROLLBACK_COMPLETE");
  CHECK(has(reasons(w, "us-east-1", "second"),
            "Export with name shared-name is already exported by stack first Rollback requested "
            "by user."));
  // Its parameter was rolled back; the first stack's remains.
  CHECK(w.aws.parameters("us-east-1").size() == 1);
  // Another region has its own namespace.
  w.create("eu-west-1", "second", exporter("b"));
  CHECK(w.stack("eu-west-1", "second").status == "CREATE_COMPLETE");
}

TEST_CASE("ImportValue sees only the exports of its own region") {
  World w;
  w.create("us-east-1", "exp", exporter("a"));
  w.create("eu-west-1", "imp", fixture("importer.yaml"));
  CHECK(w.stack("eu-west-1", "imp").status == "ROLLBACK_COMPLETE");
  CHECK(has(reasons(w, "eu-west-1", "imp"),
            "No export named shared-name found. Rollback requested by user."));
  w.create("us-east-1", "imp", fixture("importer.yaml"));
  CHECK(w.stack("us-east-1", "imp").status == "CREATE_COMPLETE");
}

TEST_CASE("an imported export cannot change, and its stack cannot be deleted") {
  World w;
  auto caller = World::in("us-east-1");
  w.create("us-east-1", "exp", exporter("a"));
  w.create("us-east-1", "imp", fixture("importer.yaml"));
  auto importers = w.cfn.list_imports(caller, "shared-name");
  REQUIRE(importers);
  CHECK(*importers == std::vector<std::string>{"imp"});

  // Changing the exported value: the update rolls back.
  UpdateStackInput up;
  up.stack_name = "exp";
  up.template_body = R"(
Resources:
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: renamed-param
      Type: String
      Value: a
Outputs:
  Shared:
    Value: !Ref Param
    Export:
      Name: shared-name
)";
  REQUIRE(w.cfn.update_stack(caller, up));
  CHECK(w.stack("us-east-1", "exp").status == "UPDATE_ROLLBACK_COMPLETE");
  CHECK(has(reasons(w, "us-east-1", "exp"),
            "Export shared-name cannot be updated as it is in use by imp"));
  CHECK(w.aws.parameters("us-east-1").count("renamed-param") == 0);

  // Removing the export: same.
  up.template_body = "Resources:\n  Param:\n    Type: AWS::SSM::Parameter\n    Properties:\n"
                     "      Type: String\n      Value: a\n";
  REQUIRE(w.cfn.update_stack(caller, up));
  CHECK(w.stack("us-east-1", "exp").status == "UPDATE_ROLLBACK_COMPLETE");

  // Deleting the exporting stack: DELETE_FAILED, nothing deleted.
  REQUIRE(w.cfn.delete_stack(caller, "exp"));
  auto s = w.stack("us-east-1", "exp");
  CHECK(s.status == "DELETE_FAILED");
  CHECK(s.status_reason == "Export shared-name cannot be deleted as it is in use by imp");
  CHECK(w.aws.parameters("us-east-1").size() == 1);

  // Once the importer is gone, the exporter can go.
  REQUIRE(w.cfn.delete_stack(caller, "imp"));
  REQUIRE(w.cfn.delete_stack(caller, "exp"));
  CHECK_FALSE(w.cfn.describe_stacks(caller, "exp"));
  auto exports = w.cfn.list_exports(caller);
  REQUIRE(exports);
  CHECK(exports->empty());
  CHECK(w.aws.parameters("us-east-1").empty());
}
