#pragma once
// The S3 REST operations the wire answers, as one table: how each is recognised (method, whether
// the request names a bucket and a key, which subresource or header), in the order the wire tries
// them. The wire dispatches on it and `pipemu coverage` lists it, so the two cannot disagree.
#include <string>
#include <vector>

#include "fakes/s3/wire.hpp"

namespace pipemu::s3 {

enum class Operation {
  ListBuckets,
  CreateBucket,
  HeadBucket,
  GetBucketLocation,
  DeleteBucket,
  DeleteObjects,
  ListObjectsV2,
  ListObjects,
  UploadPartCopy,
  UploadPart,
  CopyObject,
  PutObject,
  GetObject,
  HeadObject,
  AbortMultipartUpload,
  DeleteObject,
  CreateMultipartUpload,
  CompleteMultipartUpload,
};

struct OperationInfo {
  Operation operation;
  const char* name;     // AWS's operation name
  const char* request;  // the request form, for people: "PUT /bucket/key?uploads"
  bool (*matches)(const fakes::HttpRequest&, const Target&);
};

// Every operation, in matching order (the first that matches wins).
const std::vector<OperationInfo>& operations();

// The operation a request asks for; nullptr when it is none the fake answers.
const OperationInfo* classify(const fakes::HttpRequest& request, const Target& target);

}  // namespace pipemu::s3
