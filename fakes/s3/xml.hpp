#pragma once
// S3's XML documents: rendering responses and parsing the few request bodies S3 takes
// (CreateBucketConfiguration, CompleteMultipartUpload, Delete). pugixml does the XML.
#include <optional>
#include <string>
#include <vector>

#include "fakes/s3/service.hpp"

namespace pipemu::s3::xml {

std::string error(const fakes::AwsError& e, const std::string& request_id);
std::string list_buckets(const std::vector<Bucket>& buckets, const std::string& account);
std::string location(const std::string& constraint);
std::string list_objects_v2(const std::string& bucket, const ListRequest& request,
                            const ListResult& result, bool url_encoded);
std::string list_objects_v1(const std::string& bucket, const ListRequest& request,
                            const std::string& marker, const ListResult& result, bool url_encoded);
std::string copy_result(const ObjectInfo& info);
std::string copy_part_result(const std::string& etag, double last_modified,
                             const std::string& checksum_algorithm, const std::string& checksum);
std::string initiate_multipart(const std::string& bucket, const std::string& key,
                               const std::string& upload_id);
std::string complete_multipart(const std::string& location, const ObjectInfo& info);
std::string delete_result(const DeleteResult& result, bool quiet);

// Request bodies. nullopt = malformed.
std::optional<std::optional<std::string>> location_constraint(const std::string& body);
std::optional<std::vector<CompletedPart>> completed_parts(const std::string& body);
struct DeleteRequest {
  std::vector<std::string> keys;
  bool quiet = false;
};
std::optional<DeleteRequest> delete_request(const std::string& body);

// Timestamps: ISO 8601 with milliseconds (XML) and RFC 1123 (Last-Modified header).
std::string iso8601(double epoch_seconds);
std::string rfc1123(double epoch_seconds);

}  // namespace pipemu::s3::xml
