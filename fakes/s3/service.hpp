#pragma once
// S3, AWS semantics (aws-semantics.md §8.2). Called in-process by the emulator (artifact store,
// `cloudformation package` targets, template URLs) and by the REST wire (fakes/s3/wire.hpp).
//
// Contract:
//  - account and region are explicit: `region` is the region the caller addresses (the SigV4
//    scope over HTTP). A bucket lives in one region; addressing it from another answers
//    PermanentRedirect (301, header x-amz-bucket-region), like AWS. CreateBucket follows AWS's
//    LocationConstraint rules (us-east-1: none; elsewhere: must equal the region).
//  - Bodies stream: put_object takes a reader that feeds chunks (nothing is held in memory);
//    get_object returns the blob file path plus offset/length to stream from.
//  - ETags are returned quoted, as on the wire: "\"<md5>\"" or "\"<md5-of-md5s>-<N>\"".
//  - Errors are values (fakes::AwsError with S3's code, message, status and extra elements).
//  - Thread-safe; each call is one transaction per database it touches.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakes/core/registry.hpp"
#include "fakes/core/wire.hpp"

namespace pipemu::s3 {

using fakes::Result;

struct Bucket {
  std::string name;
  std::string region;
  double created = 0;  // epoch seconds
};

struct ObjectInfo {
  std::string bucket;
  std::string key;
  std::uint64_t size = 0;
  std::string etag;  // quoted
  std::string content_type;
  std::map<std::string, std::string> metadata;  // user metadata, without "x-amz-meta-"
  std::map<std::string, std::string> headers;   // Content-Encoding, Cache-Control, ...
  double last_modified = 0;                     // epoch seconds
  std::string blob;                             // sha256 of the body
  int parts = 0;
};

struct PutOptions {
  std::string content_type;  // default binary/octet-stream
  std::map<std::string, std::string> metadata;
  std::map<std::string, std::string> headers;
  std::string content_md5;  // base64, checked when given
};

// A byte range request, as the Range header gives it ("bytes=0-9", "bytes=5-", "bytes=-3").
struct ObjectBody {
  ObjectInfo info;
  std::filesystem::path path;  // the blob file; stream [offset, offset+length)
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  bool partial = false;        // 206
  std::string content_range;   // "bytes a-b/size" when partial
};

struct ListRequest {
  std::string prefix;
  std::string delimiter;
  int max_keys = 1000;
  std::string continuation_token;
  std::string start_after;
};

struct ListResult {
  std::vector<ObjectInfo> contents;
  std::vector<std::string> common_prefixes;
  bool truncated = false;
  std::string next_continuation_token;
};

struct DeleteResult {
  std::vector<std::string> deleted;
  std::vector<std::pair<std::string, fakes::AwsError>> errors;
};

struct CompletedPart {
  int number = 0;
  std::string etag;  // quoted or not
};

using BodyReader = std::function<bool(const fakes::BodyChunk&)>;

class Service {
 public:
  explicit Service(fakes::Registry& registry);

  // location_constraint: nullopt when the request carries none.
  Result<Bucket> create_bucket(const std::string& account, const std::string& region,
                               const std::string& bucket,
                               const std::optional<std::string>& location_constraint);
  // The bucket's region regardless of the caller's region (NoSuchBucket if absent).
  Result<std::string> bucket_region(const std::string& bucket);
  Result<Bucket> head_bucket(const std::string& account, const std::string& region,
                             const std::string& bucket);
  // "" for us-east-1, as AWS answers GetBucketLocation.
  Result<std::string> get_bucket_location(const std::string& account, const std::string& bucket);
  Result<std::vector<Bucket>> list_buckets(const std::string& account);
  Result<fakes::Ok> delete_bucket(const std::string& account, const std::string& region,
                                  const std::string& bucket);

  Result<ObjectInfo> put_object(const std::string& account, const std::string& region,
                                const std::string& bucket, const std::string& key,
                                const BodyReader& body, const PutOptions& options = {});
  Result<ObjectInfo> put_object(const std::string& account, const std::string& region,
                                const std::string& bucket, const std::string& key,
                                const std::string& data, const PutOptions& options = {});
  Result<ObjectInfo> put_object_from_file(const std::string& account, const std::string& region,
                                          const std::string& bucket, const std::string& key,
                                          const std::filesystem::path& file,
                                          const PutOptions& options = {});
  Result<ObjectInfo> head_object(const std::string& account, const std::string& region,
                                 const std::string& bucket, const std::string& key);
  // range: the Range header value ("" = whole object).
  Result<ObjectBody> get_object(const std::string& account, const std::string& region,
                                const std::string& bucket, const std::string& key,
                                const std::string& range = "");
  Result<ObjectInfo> get_object_to_file(const std::string& account, const std::string& region,
                                        const std::string& bucket, const std::string& key,
                                        const std::filesystem::path& destination);
  Result<std::string> get_object_text(const std::string& account, const std::string& region,
                                      const std::string& bucket, const std::string& key);
  // Deleting a missing key succeeds (204), as on AWS.
  Result<fakes::Ok> delete_object(const std::string& account, const std::string& region,
                                  const std::string& bucket, const std::string& key);
  Result<DeleteResult> delete_objects(const std::string& account, const std::string& region,
                                      const std::string& bucket,
                                      const std::vector<std::string>& keys);
  // replace_metadata: x-amz-metadata-directive REPLACE (options used) vs COPY (source's kept).
  Result<ObjectInfo> copy_object(const std::string& account, const std::string& region,
                                 const std::string& source_bucket, const std::string& source_key,
                                 const std::string& bucket, const std::string& key,
                                 bool replace_metadata, const PutOptions& options = {});
  Result<ListResult> list_objects(const std::string& account, const std::string& region,
                                  const std::string& bucket, const ListRequest& request);

  Result<std::string> create_multipart_upload(const std::string& account,
                                              const std::string& region, const std::string& bucket,
                                              const std::string& key,
                                              const PutOptions& options = {});
  // Returns the part's quoted ETag.
  Result<std::string> upload_part(const std::string& account, const std::string& region,
                                  const std::string& bucket, const std::string& key,
                                  const std::string& upload_id, int part_number,
                                  const BodyReader& body);
  Result<ObjectInfo> complete_multipart_upload(const std::string& account,
                                               const std::string& region,
                                               const std::string& bucket, const std::string& key,
                                               const std::string& upload_id,
                                               const std::vector<CompletedPart>& parts);
  Result<fakes::Ok> abort_multipart_upload(const std::string& account, const std::string& region,
                                           const std::string& bucket, const std::string& key,
                                           const std::string& upload_id);

  // Minimum size of every part but the last (5 MiB on AWS; tests may lower it).
  void set_min_part_size(std::uint64_t bytes) { min_part_size_ = bytes; }

 private:
  fakes::Registry& registry_;
  std::uint64_t min_part_size_ = 5 * 1024 * 1024;
};

}  // namespace pipemu::s3
