// The SSM service layer as the emulator calls it in-process.
#include <catch2/catch.hpp>

#include "fakes/ssm/service.hpp"

using namespace pipemu;
using ssm::PutParameterRequest;

namespace {
const std::string A = fakes::kDefaultAccount;

PutParameterRequest put(std::string name, std::string value, std::string type = "String",
                        bool overwrite = false) {
  PutParameterRequest r;
  r.name = std::move(name);
  r.value = std::move(value);
  r.type = std::move(type);
  r.overwrite = overwrite;
  return r;
}
}  // namespace

TEST_CASE("ssm: parameters are per region and versioned") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  auto v1 = svc.put_parameter(A, "eu-west-1", put("/app/db/host", "db1"));
  REQUIRE(v1);
  CHECK(v1->version == 1);
  CHECK(v1->tier == "Standard");
  auto again = svc.put_parameter(A, "eu-west-1", put("/app/db/host", "db2"));
  REQUIRE_FALSE(again);
  CHECK(again.error().code == "ParameterAlreadyExists");
  auto v2 = svc.put_parameter(A, "eu-west-1", put("/app/db/host", "db2", "", true));
  REQUIRE(v2);
  CHECK(v2->version == 2);

  auto got = svc.get_parameter(A, "eu-west-1", "/app/db/host", false);
  REQUIRE(got);
  CHECK(got->value == "db2");
  CHECK(got->type == "String");
  CHECK(got->arn == "arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/host");
  auto old = svc.get_parameter(A, "eu-west-1", "/app/db/host:1", false);
  REQUIRE(old);
  CHECK(old->value == "db1");
  CHECK(old->selector == ":1");

  auto other = svc.get_parameter(A, "us-east-1", "/app/db/host", false);
  REQUIRE_FALSE(other);
  CHECK(other.error().code == "ParameterNotFound");
  CHECK(other.error().message == "Parameter /app/db/host not found.");

  auto missing_version = svc.get_parameter(A, "eu-west-1", "/app/db/host:7", false);
  REQUIRE_FALSE(missing_version);
  CHECK(missing_version.error().code == "ParameterVersionNotFound");
  CHECK(missing_version.error().message ==
        "Systems Manager could not find version 7 of /app/db/host. Verify the version and try "
        "again.");
}

TEST_CASE("ssm: SecureString needs WithDecryption to show the value") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  REQUIRE(svc.put_parameter(A, "eu-west-1", put("/s/pw", "hunter2", "SecureString")));
  CHECK(svc.get_parameter(A, "eu-west-1", "/s/pw", true)->value == "hunter2");
  CHECK(svc.get_parameter(A, "eu-west-1", "/s/pw", false)->value == "kms:alias/aws/ssm:hunter2");
  auto change = svc.put_parameter(A, "eu-west-1", put("/s/pw", "x", "String", true));
  REQUIRE_FALSE(change);
  CHECK(change.error().code == "HierarchyTypeMismatchException");
}

TEST_CASE("ssm: name rules") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  auto code = [&](const std::string& name) {
    auto r = svc.put_parameter(A, "eu-west-1", put(name, "v"));
    return r ? std::string("ok") : r.error().code;
  };
  CHECK(code("plain_name.v-1") == "ok");
  CHECK(code("has space") == "ValidationException");
  CHECK(code("awsThing") == "ValidationException");
  CHECK(code("/aws/reserved/x") == "AccessDeniedException");
  CHECK(code("a/b") == "ValidationException");
  CHECK(code("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15") == "ok");
  CHECK(code("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16") == "HierarchyLevelLimitExceededException");
  auto empty = svc.put_parameter(A, "eu-west-1", put("/x", ""));
  CHECK(empty.error().message ==
        "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member "
        "must have length greater than or equal to 1.");
  auto notype = svc.put_parameter(A, "eu-west-1", put("/y", "v", ""));
  CHECK(notype.error().message == "A parameter type is required when you create a parameter.");
}

TEST_CASE("ssm: get_parameters_by_path, recursion and pagination") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  for (auto n : {"/app/a", "/app/b", "/app/c", "/app/sub/d", "/other/e", "/application/f"})
    REQUIRE(svc.put_parameter(A, "eu-west-1", put(n, "v")));
  ssm::GetByPathRequest q;
  q.path = "/app";
  auto direct = svc.get_parameters_by_path(A, "eu-west-1", q);
  REQUIRE(direct);
  REQUIRE(direct->parameters.size() == 3);
  CHECK(direct->parameters[0].name == "/app/a");
  q.recursive = true;
  q.max_results = 2;
  auto p1 = svc.get_parameters_by_path(A, "eu-west-1", q);
  REQUIRE(p1);
  CHECK(p1->parameters.size() == 2);
  REQUIRE_FALSE(p1->next_token.empty());
  q.next_token = p1->next_token;
  auto p2 = svc.get_parameters_by_path(A, "eu-west-1", q);
  REQUIRE(p2);
  REQUIRE(p2->parameters.size() == 2);
  CHECK(p2->parameters[1].name == "/app/sub/d");
  CHECK(p2->next_token.empty());
  q.max_results = 11;
  CHECK(svc.get_parameters_by_path(A, "eu-west-1", q).error().code == "ValidationException");
}

TEST_CASE("ssm: labels, history, batch get and delete") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  REQUIRE(svc.put_parameter(A, "eu-west-1", put("/l/p", "one")));
  REQUIRE(svc.put_parameter(A, "eu-west-1", put("/l/p", "two", "", true)));
  auto lab = svc.label_parameter_version(A, "eu-west-1", "/l/p", 1, {"prod", "1bad", "awsx"});
  REQUIRE(lab);
  CHECK(lab->version == 1);
  CHECK(lab->invalid_labels == std::vector<std::string>{"1bad", "awsx"});
  CHECK(svc.get_parameter(A, "eu-west-1", "/l/p:prod", false)->value == "one");
  // Moving a label to the latest version.
  REQUIRE(svc.label_parameter_version(A, "eu-west-1", "/l/p", std::nullopt, {"prod"}));
  CHECK(svc.get_parameter(A, "eu-west-1", "/l/p:prod", false)->value == "two");

  auto hist = svc.get_parameter_history(A, "eu-west-1", "/l/p", false);
  REQUIRE(hist);
  REQUIRE(hist->parameters.size() == 2);
  CHECK(hist->parameters[0].labels.empty());
  CHECK(hist->parameters[1].labels == std::vector<std::string>{"prod"});

  auto many = svc.get_parameters(A, "eu-west-1", {"/l/p", "/nope", "/l/p:1"}, false);
  REQUIRE(many);
  CHECK(many->parameters.size() == 2);
  CHECK(many->invalid_parameters == std::vector<std::string>{"/nope"});

  auto del = svc.delete_parameters(A, "eu-west-1", {"/l/p", "/nope"});
  REQUIRE(del);
  CHECK(del->deleted == std::vector<std::string>{"/l/p"});
  CHECK(del->invalid == std::vector<std::string>{"/nope"});
  CHECK(svc.delete_parameter(A, "eu-west-1", "/l/p").error().code == "ParameterNotFound");
}

TEST_CASE("ssm: the 101st version drops the oldest unless it is labelled") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  REQUIRE(svc.put_parameter(A, "eu-west-1", put("/v", "0")));
  for (int i = 1; i < 100; ++i)
    REQUIRE(svc.put_parameter(A, "eu-west-1", put("/v", std::to_string(i), "", true)));
  REQUIRE(svc.put_parameter(A, "eu-west-1", put("/v", "100", "", true)));
  CHECK(svc.get_parameter(A, "eu-west-1", "/v:1", false).error().code ==
        "ParameterVersionNotFound");
  REQUIRE(svc.label_parameter_version(A, "eu-west-1", "/v", 2, {"keep"}));
  auto r = svc.put_parameter(A, "eu-west-1", put("/v", "x", "", true));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "ParameterMaxVersionLimitExceeded");
}

TEST_CASE("ssm: an injected fault fails the call") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  reg.faults().add({fakes::FaultRule::Kind::Unavailable, "eu-west-1", "ssm", "GetParameter", 1, {}});
  CHECK(svc.get_parameter(A, "eu-west-1", "/x", false).error().code == "ServiceUnavailable");
  CHECK(svc.get_parameter(A, "eu-west-1", "/x", false).error().code == "ParameterNotFound");
}
