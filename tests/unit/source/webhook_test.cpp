#include <catch2/catch.hpp>

#include "source/webhook.hpp"

using namespace pipemu::source;

namespace {
const char* kPush = R"({"ref":"refs/heads/master","after":"abc123","repository":{"name":"service-x","full_name":"acme/service-x","owner":{"name":"acme"}},"commits":[{"id":"abc123","message":"Fix"}],"weird key":{"x":1}})";

WebhookConfig article_webhook() {
  WebhookConfig c;
  c.authentication = "GITHUB_HMAC";
  c.secret = "s3cret";
  c.filters = {{"$.ref", "refs/heads/{Branch}"}};
  c.action_configuration = {{"Branch", "master"}, {"Owner", "acme"}, {"Repo", "service-x"}};
  return c;
}
}  // namespace

TEST_CASE("webhook: GitHub's documented HMAC test vector", "[source]") {
  CHECK(github_signature("It's a Secret to Everybody", "Hello, World!") ==
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  CHECK(verify_github_signature("It's a Secret to Everybody", "Hello, World!",
                                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
  CHECK_FALSE(verify_github_signature("It's a Secret to Everybody", "Hello, World?",
                                      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
}

TEST_CASE("webhook: a signed push to the configured branch starts the pipeline", "[source]") {
  auto cfg = article_webhook();
  WebhookDelivery d{kPush, github_signature("s3cret", kPush), "push", ""};
  auto r = evaluate_webhook(cfg, d);
  CHECK(r.outcome == WebhookDecision::Outcome::Start);
  CHECK(r.http_status == 200);
  CHECK(r.branch == "master");
  CHECK(r.commit == "abc123");
}

TEST_CASE("webhook: bad or missing signatures are 401 with a reason", "[source]") {
  auto cfg = article_webhook();
  auto missing = evaluate_webhook(cfg, {kPush, "", "push", ""});
  CHECK(missing.http_status == 401);
  CHECK(missing.reason == "missing X-Hub-Signature-256 header");
  auto wrong = evaluate_webhook(cfg, {kPush, github_signature("other", kPush), "push", ""});
  CHECK(wrong.outcome == WebhookDecision::Outcome::Unauthorized);
  CHECK(wrong.reason == "X-Hub-Signature-256 does not match the webhook's SecretToken");
  auto malformed = evaluate_webhook(cfg, {kPush, "sha1=abc", "push", ""});
  CHECK(malformed.reason == "malformed X-Hub-Signature-256 header (expected sha256=<hex>)");
}

TEST_CASE("webhook: a push to another branch starts nothing and says why", "[source]") {
  auto cfg = article_webhook();
  std::string body = R"({"ref":"refs/heads/feature/x","after":"def"})";
  auto r = evaluate_webhook(cfg, {body, github_signature("s3cret", body), "push", ""});
  CHECK(r.outcome == WebhookDecision::Outcome::Ignored);
  CHECK(r.http_status == 200);
  CHECK(r.reason == "filter $.ref is 'refs/heads/feature/x', not 'refs/heads/master': no execution started");
}

TEST_CASE("webhook: every filter must pass; JsonPath subset", "[source]") {
  auto doc = nlohmann::json::parse(kPush);
  CHECK(json_path(doc, "$.repository.owner.name")->value() == "acme");
  CHECK(json_path(doc, "$.commits[0].id")->value() == "abc123");
  CHECK(json_path(doc, "$['weird key'].x")->value() == 1);
  CHECK(json_path(doc, "$[\"repository\"].name")->value() == "service-x");
  CHECK_FALSE(json_path(doc, "$.commits[5].id")->has_value());
  auto bad = json_path(doc, "ref");
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "JsonPath 'ref' must start with $");

  auto cfg = article_webhook();
  cfg.filters.push_back({"$.repository.full_name", "{Owner}/{Repo}"});
  auto ok = evaluate_webhook(cfg, {kPush, github_signature("s3cret", kPush), "push", ""});
  CHECK(ok.outcome == WebhookDecision::Outcome::Start);
  cfg.filters.push_back({"$.repository.name", "{Nope}"});
  auto placeholder = evaluate_webhook(cfg, {kPush, github_signature("s3cret", kPush), "push", ""});
  CHECK(placeholder.outcome == WebhookDecision::Outcome::Ignored);
  CHECK(placeholder.reason == "MatchEquals placeholder {Nope} is not a configuration key of the target action");
}

TEST_CASE("webhook: unauthenticated and IP-range webhooks, malformed bodies", "[source]") {
  WebhookConfig c;
  c.authentication = "UNAUTHENTICATED";
  CHECK(evaluate_webhook(c, {kPush, "", "push", ""}).outcome == WebhookDecision::Outcome::Start);
  auto notjson = evaluate_webhook(c, {"not json", "", "push", ""});
  CHECK(notjson.http_status == 400);
  CHECK(notjson.reason == "the payload is not a JSON object");
  c.authentication = "IP";
  c.allowed_ip_range = "10.1.0.0/16";
  CHECK(evaluate_webhook(c, {kPush, "", "push", "10.1.2.3"}).outcome == WebhookDecision::Outcome::Start);
  auto outside = evaluate_webhook(c, {kPush, "", "push", "10.2.0.1"});
  CHECK(outside.http_status == 401);
  CHECK(outside.reason == "source address 10.2.0.1 is outside AllowedIPRange 10.1.0.0/16");
}
