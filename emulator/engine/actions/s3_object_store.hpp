#pragma once
// The artifact stores' ObjectStore over the S3 fake's in-process service.
#include "engine/artifact_store.hpp"
#include "fakes/s3/service.hpp"

namespace pipemu::engine {

class S3ObjectStore final : public ObjectStore {
 public:
  S3ObjectStore(s3::Service& s3, std::string account) : s3_(s3), account_(std::move(account)) {}
  std::optional<std::string> bucket_region(const std::string& bucket) override;
  Expected<Ok, std::string> put_object(const std::string& region, const std::string& bucket,
                                       const std::string& key, const std::string& body) override;
  Expected<std::string, std::string> get_object(const std::string& region, const std::string& bucket,
                                                const std::string& key) override;

 private:
  s3::Service& s3_;
  std::string account_;
};

}  // namespace pipemu::engine
