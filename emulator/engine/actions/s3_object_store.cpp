#include "engine/actions/s3_object_store.hpp"

namespace pipemu::engine {

std::optional<std::string> S3ObjectStore::bucket_region(const std::string& bucket) {
  auto r = s3_.bucket_region(bucket);
  if (!r) return std::nullopt;
  return *r;
}

Expected<Ok, std::string> S3ObjectStore::put_object(const std::string& region, const std::string& bucket,
                                                    const std::string& key, const std::string& body) {
  s3::PutOptions opts;
  opts.content_type = "application/zip";
  auto r = s3_.put_object(account_, region, bucket, key, body, opts);
  if (!r) return unexpected(r.error().message);
  return Ok{};
}

Expected<std::string, std::string> S3ObjectStore::get_object(const std::string& region,
                                                             const std::string& bucket,
                                                             const std::string& key) {
  auto r = s3_.get_object_text(account_, region, bucket, key);
  if (!r) return unexpected(r.error().message);
  return *r;
}

}  // namespace pipemu::engine
