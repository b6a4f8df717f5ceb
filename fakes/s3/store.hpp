#pragma once
// S3 tables. SQL only, no AWS rules. The bucket namespace (name -> account, region) is global
// (Registry::global()); objects, multipart uploads and parts live in their bucket's region
// database. Bodies are blobs (fakes::BlobStore), referenced by SHA-256.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakes/core/database.hpp"

namespace pipemu::s3 {

struct BucketRow {
  std::string name;
  std::string account;
  std::string region;
  double created = 0;
};

struct ObjectRow {
  std::string bucket;
  std::string key;
  std::string blob;  // sha256 of the body (its blob file's name unless the body is inline)
  // Small bodies live in the row itself (docs/fakes.md "Small bodies inline"): no blob file,
  // nothing to collect. nullopt = the body is the blob file. ObjectStore::scan leaves it empty.
  std::optional<std::string> body;
  std::uint64_t size = 0;
  std::string etag;  // without quotes
  std::string content_type;
  std::map<std::string, std::string> metadata;  // x-amz-meta-* without the prefix
  std::map<std::string, std::string> headers;   // Content-Encoding, Cache-Control, ...
  double last_modified = 0;
  int parts = 0;  // >0 for multipart objects
  std::string checksum_algorithm;  // "CRC32" | "CRC32C" | "SHA1" | "SHA256" | ""
  std::string checksum;            // base64 ("<b64>-<N>" for a multipart composite)
};

struct UploadRow {
  std::string upload_id;
  std::string bucket;
  std::string key;
  std::string content_type;
  std::map<std::string, std::string> metadata;
  std::map<std::string, std::string> headers;
  double created = 0;
  std::string checksum_algorithm;  // from CreateMultipartUpload, "" when none
};

struct PartRow {
  int number = 0;
  std::string blob;
  std::uint64_t size = 0;
  std::string md5_hex;
  std::string md5_raw;
  std::string checksum;  // base64 of the upload's checksum algorithm over this part, or ""
};

class BucketStore {
 public:
  static void register_schema();
  explicit BucketStore(fakes::Database& global) : db_(global) {}
  std::optional<BucketRow> find(const std::string& name);
  std::vector<BucketRow> list(const std::string& account);
  void insert(const BucketRow& row);
  void erase(const std::string& name);

 private:
  fakes::Database& db_;
};

class ObjectStore {
 public:
  static void register_schema();
  explicit ObjectStore(fakes::Database& region) : db_(region) {}

  std::optional<ObjectRow> find(const std::string& bucket, const std::string& key);
  void upsert(const ObjectRow& row);
  // Returns the erased object's blob file (to collect), or nullopt when there was no such key
  // or its body was inline.
  std::optional<std::string> erase(const std::string& bucket, const std::string& key);
  bool any(const std::string& bucket);
  // Keys in binary order with the prefix, strictly after `after`; stops after `limit` rows.
  std::vector<ObjectRow> scan(const std::string& bucket, const std::string& prefix,
                              const std::string& after, int limit);
  // Erases the bucket's uploads and parts; returns the part blobs it dropped.
  std::vector<std::string> erase_bucket(const std::string& bucket);
  // True when an object or an upload part of this database names the blob file (inline bodies
  // name none).
  bool references(const std::string& blob);

  void insert_upload(const UploadRow& row);
  std::optional<UploadRow> find_upload(const std::string& upload_id);
  void erase_upload(const std::string& upload_id);
  // Returns the blob of the part it replaced, or "".
  std::string upsert_part(const std::string& upload_id, const PartRow& part);
  std::vector<PartRow> parts(const std::string& upload_id);
  std::vector<UploadRow> uploads(const std::string& bucket);

 private:
  fakes::Database& db_;
};

}  // namespace pipemu::s3
