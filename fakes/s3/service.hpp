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
//    get_object returns the blob file path plus offset/length to stream from, or the body
//    itself for small objects (stored inline in their row, see set_inline_limit).
//  - ETags are returned quoted, as on the wire: "\"<md5>\"" or "\"<md5-of-md5s>-<N>\"".
//  - Errors are values (fakes::AwsError with S3's code, message, status and extra elements).
//  - Thread-safe; each call is one transaction per database it touches.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakes/core/checksum.hpp"
#include "fakes/core/registry.hpp"
#include "fakes/core/wire.hpp"

namespace pipemu::s3 {

using fakes::Result;
struct BucketRow;  // fakes/s3/store.hpp

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
  std::string checksum_algorithm;  // flexible checksum stored with the object ("" = none)
  std::string checksum;            // base64; "<b64>-<N>" for a multipart (COMPOSITE) object
};

struct PutOptions {
  std::string content_type;  // default binary/octet-stream
  std::map<std::string, std::string> metadata;
  std::map<std::string, std::string> headers;
  std::string content_md5;  // base64, checked when given
  // Flexible checksum (x-amz-checksum-*): computed while the body streams in and stored. The
  // client's value (base64) is read after the body, since a trailer arrives after it; an empty
  // value means "compute, nothing to compare" (x-amz-sdk-checksum-algorithm alone).
  std::optional<fakes::ChecksumAlgorithm> checksum_algorithm;
  std::function<std::string()> checksum_value;
};

// UploadPartCopy's source: a bucket, a key and an optional byte range ("bytes=a-b").
struct CopySource {
  std::string bucket;
  std::string key;
  std::string range;
};

// A byte range request, as the Range header gives it ("bytes=0-9", "bytes=5-", "bytes=-3").
struct ObjectBody {
  ObjectInfo info;
  std::filesystem::path path;  // the blob file; stream [offset, offset+length)
  std::optional<std::string> data;  // instead of path: the whole body, stored inline
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
  struct PartResult {
    std::string etag;  // quoted
    std::string checksum_algorithm;
    std::string checksum;  // base64, "" when the upload has no checksum algorithm
    double last_modified = 0;
  };
  // options: Content-MD5 and the part's flexible checksum (other fields ignored).
  Result<PartResult> upload_part(const std::string& account, const std::string& region,
                                 const std::string& bucket, const std::string& key,
                                 const std::string& upload_id, int part_number,
                                 const BodyReader& body, const PutOptions& options = {});
  // UploadPartCopy: the part's bytes come from an existing object (whole or a range of it).
  Result<PartResult> upload_part_copy(const std::string& account, const std::string& region,
                                      const std::string& bucket, const std::string& key,
                                      const std::string& upload_id, int part_number,
                                      const CopySource& source);
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
  // How long an unreferenced blob survives before the collector may remove it (a GetObject that
  // read the old row just before an overwrite still opens the old body). Tests use zero.
  void set_gc_delay(std::chrono::milliseconds delay) { gc_delay_ = delay; }
  // Bodies up to this size are stored in their object's row, not as blob files: on ext4 a new
  // inode per small object cost more than the rest of a PutObject (docs/fakes.md "Small bodies
  // inline"). Tests of blob files and their collection set 0.
  static constexpr std::size_t kInlineBody = 16 * 1024;
  void set_inline_limit(std::size_t bytes) { inline_limit_ = bytes; }

 private:
  void collect(const std::vector<std::string>& candidates);
  Result<PartResult> store_part(const BucketRow& bucket, const std::string& upload_id,
                                int part_number, fakes::BlobWriter& body, const PutOptions& o);
  fakes::Registry& registry_;
  std::uint64_t min_part_size_ = 5 * 1024 * 1024;
  std::chrono::milliseconds gc_delay_{1000};
  std::size_t inline_limit_ = kInlineBody;
};

}  // namespace pipemu::s3
