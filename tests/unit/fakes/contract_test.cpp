// Each fake's contract, run in-process (Router::dispatch) and over HTTP (Server + client): the
// same requests must give the same statuses, error codes and bodies on both transports.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "contract_support.hpp"

using namespace pipemu;
using test::Headers;
using test::Reply;
using test::Transport;

namespace {

Headers with(Headers h, const std::string& k, const std::string& v) {
  h[k] = v;
  return h;
}

nlohmann::json ssm_call(Transport& t, const std::string& region, const std::string& op,
                        const nlohmann::json& in, int* status = nullptr) {
  auto h = with(test::signed_for(region, "ssm"), "X-Amz-Target", "AmazonSSM." + op);
  h["Content-Type"] = "application/x-amz-json-1.1";
  Reply r = t.send("POST", "/", h, in.dump());
  if (status) *status = r.status;
  return nlohmann::json::parse(r.body, nullptr, false);
}

void ssm_contract(Transport& t) {
  INFO("transport: " << t.name());
  int status = 0;
  auto put = ssm_call(t, "eu-west-1", "PutParameter",
                      {{"Name", "/c/p"}, {"Value", "v1"}, {"Type", "String"}}, &status);
  CHECK(status == 200);
  CHECK(put["Version"] == 1);
  auto dup = ssm_call(t, "eu-west-1", "PutParameter",
                      {{"Name", "/c/p"}, {"Value", "v1"}, {"Type", "String"}}, &status);
  CHECK(status == 400);
  CHECK(dup["__type"] == "ParameterAlreadyExists");
  auto got = ssm_call(t, "eu-west-1", "GetParameter", {{"Name", "/c/p"}}, &status);
  CHECK(got["Parameter"]["Value"] == "v1");
  CHECK(got["Parameter"]["ARN"] == "arn:aws:ssm:eu-west-1:123456789012:parameter/c/p");
  auto missing = ssm_call(t, "us-east-1", "GetParameter", {{"Name", "/c/p"}}, &status);
  CHECK(status == 400);
  CHECK(missing["__type"] == "ParameterNotFound");
  CHECK(missing["message"] == "Parameter /c/p not found.");
  auto path = ssm_call(t, "eu-west-1", "GetParametersByPath", {{"Path", "/c"}});
  REQUIRE(path["Parameters"].size() == 1);
  auto unknown = ssm_call(t, "eu-west-1", "SendCommand", nlohmann::json::object(), &status);
  CHECK(status == 400);
  CHECK(unknown["__type"] == "UnknownOperationException");
  CHECK(unknown["message"].get<std::string>().find("SendCommand") != std::string::npos);
}

void s3_contract(Transport& t) {
  INFO("transport: " << t.name());
  auto eu = test::signed_for("eu-west-1", "s3");
  auto us = test::signed_for("us-east-1", "s3");
  const std::string cfg =
      "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>"
      "</CreateBucketConfiguration>";
  CHECK(t.send("PUT", "/contract-eu", eu, cfg).status == 200);
  Reply again = t.send("PUT", "/contract-eu", eu, cfg);
  CHECK(again.status == 409);
  CHECK(again.body.find("<Code>BucketAlreadyOwnedByYou</Code>") != std::string::npos);
  Reply unspecified = t.send("PUT", "/contract-eu-2", eu, "");
  CHECK(unspecified.status == 400);
  CHECK(unspecified.body.find("<Message>The unspecified location constraint is incompatible for "
                              "the region specific endpoint this request was sent to.</Message>") !=
        std::string::npos);

  Reply put = t.send("PUT", "/contract-eu/dir/hello.txt",
                     with(with(eu, "Content-Type", "text/plain"), "x-amz-meta-color", "blue"),
                     "hello world");
  CHECK(put.status == 200);
  CHECK(put.header("etag") == "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
  Reply get = t.send("GET", "/contract-eu/dir/hello.txt", eu, "");
  CHECK(get.status == 200);
  CHECK(get.body == "hello world");
  CHECK(get.header("x-amz-meta-color") == "blue");
  CHECK(get.header("content-type") == "text/plain");
  Reply range = t.send("GET", "/contract-eu/dir/hello.txt", with(eu, "Range", "bytes=6-"), "");
  CHECK(range.status == 206);
  CHECK(range.body == "world");
  CHECK(range.header("content-range") == "bytes 6-10/11");
  Reply bad_range =
      t.send("GET", "/contract-eu/dir/hello.txt", with(eu, "Range", "bytes=20-30"), "");
  CHECK(bad_range.status == 416);
  CHECK(bad_range.body.find("<Code>InvalidRange</Code>") != std::string::npos);
  Reply head = t.send("HEAD", "/contract-eu/dir/hello.txt", eu, "");
  CHECK(head.status == 200);
  CHECK(head.header("content-length") == "11");
  CHECK(head.body.empty());
  Reply head_missing = t.send("HEAD", "/contract-eu/nope", eu, "");
  CHECK(head_missing.status == 404);
  CHECK(head_missing.body.empty());
  Reply missing = t.send("GET", "/contract-eu/nope", eu, "");
  CHECK(missing.status == 404);
  CHECK(missing.body.find("<Code>NoSuchKey</Code><Message>The specified key does not exist."
                          "</Message><Key>nope</Key>") != std::string::npos);

  Reply redirect = t.send("GET", "/contract-eu/dir/hello.txt", us, "");
  CHECK(redirect.status == 301);
  CHECK(redirect.header("x-amz-bucket-region") == "eu-west-1");
  CHECK(redirect.body.find("<Code>PermanentRedirect</Code>") != std::string::npos);

  Reply list = t.send("GET", "/contract-eu?list-type=2&delimiter=%2F&encoding-type=url", eu, "");
  CHECK(list.status == 200);
  CHECK(list.body.find("<CommonPrefixes><Prefix>dir/</Prefix></CommonPrefixes>") !=
        std::string::npos);
  CHECK(list.body.find("<KeyCount>1</KeyCount>") != std::string::npos);

  Reply not_empty = t.send("DELETE", "/contract-eu", eu, "");
  CHECK(not_empty.status == 409);
  CHECK(not_empty.body.find("<Code>BucketNotEmpty</Code>") != std::string::npos);
  Reply del = t.send("POST", "/contract-eu?delete", eu,
                     "<Delete><Object><Key>dir/hello.txt</Key></Object></Delete>");
  CHECK(del.status == 200);
  CHECK(del.body.find("<Deleted><Key>dir/hello.txt</Key></Deleted>") != std::string::npos);
  Reply malformed = t.send("POST", "/contract-eu?delete", eu, "<Delete><oops");
  CHECK(malformed.status == 400);
  CHECK(malformed.body.find("<Code>MalformedXML</Code>") != std::string::npos);
  CHECK(t.send("DELETE", "/contract-eu", eu, "").status == 204);
  CHECK(t.send("HEAD", "/contract-eu", eu, "").status == 404);
  Reply unsupported = t.send("GET", "/contract-x?acl", eu, "");
  CHECK(unsupported.status == 501);
  CHECK(unsupported.body.find("GetBucketAcl") != std::string::npos);
}

}  // namespace

TEST_CASE("contract: SSM in-process") {
  fakes::Registry reg;
  ssm_contract(*test::in_process(reg));
}
TEST_CASE("contract: SSM over HTTP") {
  fakes::Registry reg;
  ssm_contract(*test::over_http(reg));
}
TEST_CASE("contract: S3 in-process") {
  fakes::Registry reg;
  s3_contract(*test::in_process(reg));
}
TEST_CASE("contract: S3 over HTTP") {
  fakes::Registry reg;
  s3_contract(*test::over_http(reg));
}
TEST_CASE("contract: health and reset") {
  fakes::Registry reg;
  auto t = test::over_http(reg);
  CHECK(t->send("GET", "/_pipemu/health", {}, "").status == 200);
  auto h = test::signed_for("eu-west-1", "ssm");
  h["X-Amz-Target"] = "AmazonSSM.PutParameter";
  CHECK(t->send("POST", "/", h, R"({"Name":"/r","Value":"v","Type":"String"})").status == 200);
  CHECK(t->send("POST", "/_pipemu/reset", {}, "").status == 200);
  h["X-Amz-Target"] = "AmazonSSM.GetParameter";
  CHECK(t->send("POST", "/", h, R"({"Name":"/r"})").status == 400);
}
