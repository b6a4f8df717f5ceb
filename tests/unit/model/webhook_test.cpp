#include "model/webhook.hpp"

#include <catch2/catch.hpp>

#include "model/template.hpp"
#include "model_test_support.hpp"

using namespace pipemu::model;
using pipemu::test::fixture;
using pipemu::test::yaml;

TEST_CASE("the flagship webhook loads") {
  auto t = parse_template(fixture("scenarios/flagship/pipeline.yaml"));
  const TemplateResource* res = t.value.resource("GithubWebhook");
  REQUIRE(res);
  auto r = webhook_from_cfn(res->properties, res->logical_id);
  REQUIRE(r.ok());
  const Webhook& w = r.value;
  CHECK(w.authentication == "GITHUB_HMAC");
  CHECK(w.secret_token.intrinsic_name() == "Fn::ImportValue");
  CHECK(w.register_with_third_party);
  REQUIRE(w.filters.size() == 1);
  CHECK(w.filters[0].json_path == "$.ref");
  CHECK(w.filters[0].match_equals == "refs/heads/{Branch}");
  CHECK(w.target_pipeline.intrinsic_arg().str() == "CodePipeline");
  CHECK(w.target_action == "source");
  CHECK(w.target_action_mark.line == 265);
  CHECK(w.target_pipeline_version.intrinsic_name() == "Fn::GetAtt");
}

TEST_CASE("webhook shape errors") {
  auto r =
      webhook_from_cfn(yaml("Authentication: IP\n"
                            "AuthenticationConfiguration: {AllowedIpRange: 10.0.0.0/8}\n"
                            "Filters:\n"
                            "  - MatchEquals: x\n"
                            "TargetPipeline: p\n"
                            "TargetAction: source\n"
                            "TargetPipelineVersion: 1\n"));
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.diagnostics.items().size() == 2);
  CHECK(r.diagnostics.items()[0].message ==
        "Encountered unsupported property AllowedIpRange in AuthenticationConfiguration");
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'AllowedIPRange'?");
  CHECK(r.diagnostics.items()[1].message == "a webhook filter needs a JsonPath");
  CHECK(r.diagnostics.items()[1].mark.line == 4);
}
