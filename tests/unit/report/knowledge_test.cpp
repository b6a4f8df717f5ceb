#include "report/knowledge.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace pipemu::report;

TEST_CASE("every error row has an id and a pattern that compiles", "[knowledge]") {
  for (const auto& k : error_knowledge()) {
    CAPTURE(k.id);
    CHECK(!k.id.empty());
    CHECK((!k.code.empty() || !k.pattern.empty()));
    CHECK_NOTHROW(std::regex(std::string(k.pattern)));
    CHECK(!k.fix.empty());
  }
}

TEST_CASE("templates fill variables, fallbacks and captures", "[knowledge]") {
  Vars v{{"StackName", "svc"}, {"Empty", ""}};
  CHECK(fill_template("stack {StackName} in {region|the region}", v) == "stack svc in the region");
  CHECK(fill_template("{Empty|fallback} {Missing}", v) == "fallback <Missing>");
  std::vector<std::string> caps{"whole", "X"};
  CHECK(fill_template("export $1 ($2)", v, caps) == "export X ()");
}

TEST_CASE("action descriptions pick the most specific row", "[knowledge]") {
  Vars v{{"StackName", "service-x-lambda"},
         {"ChangeSetName", "pipeline-changeset"},
         {"region", "us-east-1"},
         {"inputs", "package"}};
  CHECK(describe_action("Deploy", "CloudFormation", "CHANGE_SET_EXECUTE", v) ==
        "Executes change set pipeline-changeset on stack service-x-lambda in us-east-1: "
        "CloudFormation applies the changes an earlier CHANGE_SET_REPLACE action recorded and the "
        "action waits until the stack is complete.");
  CHECK(describe_action("Deploy", "CloudFormation", "CREATE_UPDATE", v)
            .rfind("Creates stack service-x-lambda in us-east-1 if it does not exist", 0) == 0);
  // Unknown mode falls back to the provider row, unknown provider to the generic row.
  CHECK(describe_action("Deploy", "CloudFormation", "", v) ==
        "Deploys stack service-x-lambda in us-east-1 with CloudFormation.");
  CHECK(describe_action("Invoke", "StepFunctions", "", v) ==
        "Runs StepFunctions (Invoke) in us-east-1 with inputs package and "
        "outputs none.");
}

TEST_CASE("advice for the classic cross-region failures", "[knowledge]") {
  Vars v{{"region", "us-east-1"}, {"StackName", "service-x-lambda"}};
  auto a = advise("", "No export named SnsTopicArn found.", v);
  REQUIRE(a);
  CHECK(a->id == "missing-export");
  CHECK(a->fix ==
        "Create the export in us-east-1 first: deploy the stack that exports SnsTopicArn in "
        "us-east-1 (in an earlier stage or a lower RunOrder), or fix the name.");

  a = advise("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]", v);
  REQUIRE(a);
  CHECK(a->id == "insufficient-capabilities");
  CHECK(a->fix ==
        "Add CAPABILITY_IAM to the action's Capabilities (configuration `Capabilities: "
        "CAPABILITY_IAM`; separate several with commas).");
  a = advise("InsufficientCapabilitiesException", "", v);  // code alone is enough
  REQUIRE(a);
  CHECK(a->id == "insufficient-capabilities");

  a = advise("", "Parameters: [/service-x/eu/bucket] cannot be found.", v);
  REQUIRE(a);
  CHECK(a->fix ==
        "Create it in us-east-1: `aws ssm put-parameter --region us-east-1 --name "
        "/service-x/eu/bucket --type String --value <value>` (or fix the parameter's "
        "default).");

  a = advise("", "CLIENT_ERROR Message: no matching artifact paths found", v);
  REQUIRE(a);
  CHECK(a->id == "no-matching-artifact-paths");
  CHECK(a->fix.find("artifacts.files") != std::string::npos);

  a = advise("",
             "Error occurred while GetObject. S3 Error Code: PermanentRedirect. S3 Error "
             "Message: The bucket is in this region: eu-west-1.",
             v);
  REQUIRE(a);
  CHECK(a->id == "lambda-code-other-region");
  CHECK(a->fix.find("--region us-east-1") != std::string::npos);

  a = advise("",
             "Stack:arn:aws:cloudformation:us-east-1:1:stack/s/1 is in ROLLBACK_COMPLETE "
             "state and can not be updated.",
             v);
  REQUIRE(a);
  CHECK(a->fix.find("--stack-name service-x-lambda") != std::string::npos);
}

TEST_CASE("no advice is invented for an unknown error", "[knowledge]") {
  CHECK_FALSE(advise("", "Something nobody has seen before", {}));
  CHECK_FALSE(advise("", "", {}));
}

TEST_CASE("error ids used by explain are stable", "[knowledge]") {
  std::set<std::string_view> ids;
  for (const auto& k : error_knowledge()) ids.insert(k.id);
  for (const char* id : {"missing-export", "insufficient-capabilities", "missing-ssm-parameter",
                         "no-matching-artifact-paths", "lambda-code-other-region"})
    CHECK(ids.count(id) == 1);
}
