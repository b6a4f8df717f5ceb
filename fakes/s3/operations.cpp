#include "fakes/s3/operations.hpp"

#include <algorithm>

namespace pipemu::s3 {

namespace {

using fakes::HttpRequest;

bool service(const Target& t) { return t.bucket.empty(); }
bool bucket(const Target& t) { return !t.bucket.empty() && t.key.empty(); }
bool object(const Target& t) { return !t.bucket.empty() && !t.key.empty(); }

// ListObjects (v1) takes only these; any other subresource is some other bucket operation.
bool list_query(const HttpRequest& rq) {
  return std::all_of(rq.query.begin(), rq.query.end(), [](const auto& kv) {
    return kv.first == "prefix" || kv.first == "delimiter" || kv.first == "marker" ||
           kv.first == "max-keys" || kv.first == "encoding-type";
  });
}

// GetObject/HeadObject parameters that do not make it another operation (versionId: the fake
// keeps one version, the "null" one).
bool read_query(const HttpRequest& rq) {
  return rq.query.empty() || rq.has_param("partNumber") || rq.has_param("versionId") ||
         rq.has_param("response-content-type");
}

bool part_upload(const HttpRequest& rq) {
  return rq.method == "PUT" && rq.has_param("partNumber") && rq.has_param("uploadId");
}

}  // namespace

const std::vector<OperationInfo>& operations() {
  static const std::vector<OperationInfo> table = {
      {Operation::ListBuckets, "ListBuckets", "GET /",
       [](const HttpRequest& rq, const Target& t) { return service(t) && rq.method == "GET"; }},
      {Operation::CreateBucket, "CreateBucket", "PUT /bucket",
       [](const HttpRequest& rq, const Target& t) {
         return bucket(t) && rq.method == "PUT" && rq.query.empty();
       }},
      {Operation::HeadBucket, "HeadBucket", "HEAD /bucket",
       [](const HttpRequest& rq, const Target& t) {
         return bucket(t) && rq.method == "HEAD" && rq.query.empty();
       }},
      {Operation::GetBucketLocation, "GetBucketLocation", "GET /bucket?location",
       [](const HttpRequest& rq, const Target& t) {
         return bucket(t) && rq.method == "GET" && rq.has_param("location");
       }},
      {Operation::DeleteBucket, "DeleteBucket", "DELETE /bucket",
       [](const HttpRequest& rq, const Target& t) {
         return bucket(t) && rq.method == "DELETE" && rq.query.empty();
       }},
      {Operation::DeleteObjects, "DeleteObjects", "POST /bucket?delete",
       [](const HttpRequest& rq, const Target& t) {
         return bucket(t) && rq.method == "POST" && rq.has_param("delete");
       }},
      {Operation::ListObjectsV2, "ListObjectsV2", "GET /bucket?list-type=2",
       [](const HttpRequest& rq, const Target& t) {
         return bucket(t) && rq.method == "GET" && rq.param("list-type") == "2";
       }},
      {Operation::ListObjects, "ListObjects", "GET /bucket",
       [](const HttpRequest& rq, const Target& t) {
         return bucket(t) && rq.method == "GET" && list_query(rq);
       }},
      {Operation::UploadPartCopy, "UploadPartCopy",
       "PUT /bucket/key?partNumber=N&uploadId=ID with x-amz-copy-source",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && part_upload(rq) && rq.has_header("x-amz-copy-source");
       }},
      {Operation::UploadPart, "UploadPart", "PUT /bucket/key?partNumber=N&uploadId=ID",
       [](const HttpRequest& rq, const Target& t) { return object(t) && part_upload(rq); }},
      {Operation::CopyObject, "CopyObject", "PUT /bucket/key with x-amz-copy-source",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && rq.method == "PUT" && rq.query.empty() &&
                rq.has_header("x-amz-copy-source");
       }},
      {Operation::PutObject, "PutObject", "PUT /bucket/key",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && rq.method == "PUT" && rq.query.empty();
       }},
      {Operation::GetObject, "GetObject", "GET /bucket/key",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && rq.method == "GET" && read_query(rq);
       }},
      {Operation::HeadObject, "HeadObject", "HEAD /bucket/key",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && rq.method == "HEAD" && read_query(rq);
       }},
      {Operation::AbortMultipartUpload, "AbortMultipartUpload", "DELETE /bucket/key?uploadId=ID",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && rq.method == "DELETE" && rq.has_param("uploadId");
       }},
      {Operation::DeleteObject, "DeleteObject", "DELETE /bucket/key",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && rq.method == "DELETE" && rq.query.empty();
       }},
      {Operation::CreateMultipartUpload, "CreateMultipartUpload", "POST /bucket/key?uploads",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && rq.method == "POST" && rq.has_param("uploads");
       }},
      {Operation::CompleteMultipartUpload, "CompleteMultipartUpload",
       "POST /bucket/key?uploadId=ID",
       [](const HttpRequest& rq, const Target& t) {
         return object(t) && rq.method == "POST" && rq.has_param("uploadId");
       }},
  };
  return table;
}

const OperationInfo* classify(const HttpRequest& request, const Target& target) {
  for (const auto& op : operations())
    if (op.matches(request, target)) return &op;
  return nullptr;
}

}  // namespace pipemu::s3
