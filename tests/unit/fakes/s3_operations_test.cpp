// The S3 operation table: which request is which operation. The wire dispatches on it and the
// coverage reference lists it, so a wrong row would mislead both.
#include <catch2/catch.hpp>

#include <set>

#include "fakes/s3/operations.hpp"

namespace {

using pipemu::fakes::HttpRequest;

HttpRequest request(std::string method, std::string path,
                    std::multimap<std::string, std::string> query = {},
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
  HttpRequest rq;
  rq.method = std::move(method);
  rq.path = std::move(path);
  rq.query = std::move(query);
  rq.headers.emplace("Host", "127.0.0.1:4566");
  for (auto& [k, v] : headers) rq.headers.emplace(k, v);
  return rq;
}

std::string operation_of(const HttpRequest& rq) {
  const auto* op = pipemu::s3::classify(rq, pipemu::s3::target_of(rq));
  return op ? op->name : "(none)";
}

}  // namespace

TEST_CASE("S3 requests map to the operation AWS names") {
  CHECK(operation_of(request("GET", "/")) == "ListBuckets");
  CHECK(operation_of(request("PUT", "/b")) == "CreateBucket");
  CHECK(operation_of(request("HEAD", "/b")) == "HeadBucket");
  CHECK(operation_of(request("GET", "/b", {{"location", ""}})) == "GetBucketLocation");
  CHECK(operation_of(request("DELETE", "/b")) == "DeleteBucket");
  CHECK(operation_of(request("POST", "/b", {{"delete", ""}})) == "DeleteObjects");
  CHECK(operation_of(request("GET", "/b", {{"list-type", "2"}, {"prefix", "a/"}})) == "ListObjectsV2");
  CHECK(operation_of(request("GET", "/b", {{"prefix", "a/"}, {"marker", "x"}})) == "ListObjects");
  CHECK(operation_of(request("PUT", "/b/k")) == "PutObject");
  CHECK(operation_of(request("PUT", "/b/k", {}, {{"x-amz-copy-source", "/a/k"}})) == "CopyObject");
  CHECK(operation_of(request("PUT", "/b/k", {{"partNumber", "1"}, {"uploadId", "u"}})) == "UploadPart");
  CHECK(operation_of(request("PUT", "/b/k", {{"partNumber", "1"}, {"uploadId", "u"}},
                             {{"x-amz-copy-source", "/a/k"}})) == "UploadPartCopy");
  CHECK(operation_of(request("GET", "/b/dir/k")) == "GetObject");
  CHECK(operation_of(request("HEAD", "/b/k", {{"versionId", "null"}})) == "HeadObject");
  CHECK(operation_of(request("DELETE", "/b/k", {{"uploadId", "u"}})) == "AbortMultipartUpload");
  CHECK(operation_of(request("DELETE", "/b/k")) == "DeleteObject");
  CHECK(operation_of(request("POST", "/b/k", {{"uploads", ""}})) == "CreateMultipartUpload");
  CHECK(operation_of(request("POST", "/b/k", {{"uploadId", "u"}})) == "CompleteMultipartUpload");
}

TEST_CASE("virtual-host style requests name the bucket in Host") {
  auto rq = request("GET", "/key/in/dir");
  rq.headers.erase("Host");
  rq.headers.emplace("Host", "my-bucket.s3.eu-west-1.amazonaws.com");
  CHECK(operation_of(rq) == "GetObject");
  CHECK(pipemu::s3::target_of(rq).bucket == "my-bucket");
}

TEST_CASE("subresources the fake does not answer match no operation") {
  CHECK(operation_of(request("GET", "/b", {{"tagging", ""}})) == "(none)");
  CHECK(operation_of(request("PUT", "/b/k", {{"acl", ""}})) == "(none)");
  CHECK(operation_of(request("GET", "/b/k", {{"uploadId", "u"}})) == "(none)");  // ListParts
  CHECK(operation_of(request("POST", "/")) == "(none)");
}

TEST_CASE("every S3 operation name appears once in the table") {
  std::set<std::string> names;
  for (const auto& op : pipemu::s3::operations()) CHECK(names.insert(op.name).second);
  CHECK(names.size() == pipemu::s3::operations().size());
}
