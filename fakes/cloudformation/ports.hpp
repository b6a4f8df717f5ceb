#pragma once
// What the CloudFormation fake needs from the rest of pipemu, as narrow interfaces: the other
// fakes its resources touch (S3 buckets, SSM parameters), the region's database, the clock and
// the id source. Adapters to fakes/s3 and fakes/ssm live in adapters/; tests inject in-memory
// ports. Region and account are always explicit arguments.
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "fakes/cloudformation/errors.hpp"
#include "fakes/cloudformation/types.hpp"

namespace pipemu::fakes {
class Database;
}

namespace pipemu::cfn {

// The other fakes, as CloudFormation's resource providers see them.
class AwsPorts {
 public:
  virtual ~AwsPorts() = default;
  // The region a bucket lives in; nullopt when no such bucket exists (S3's namespace is global).
  virtual std::optional<std::string> bucket_region(const std::string& bucket) = 0;
  virtual bool object_exists(const std::string& bucket, const std::string& key) = 0;
  // An object's body (TemplateURL); nullopt when it does not exist.
  virtual std::optional<std::string> get_object(const std::string& bucket,
                                                const std::string& key) = 0;
  virtual ApiResult<Ok> create_bucket(const std::string& region, const std::string& bucket) = 0;
  // Fails with BucketNotEmpty when objects remain (CloudFormation then reports DELETE_FAILED).
  virtual ApiResult<Ok> delete_bucket(const std::string& region, const std::string& bucket) = 0;
  virtual std::optional<std::string> ssm_get(const std::string& region, const std::string& name) = 0;
  virtual ApiResult<Ok> ssm_put(const std::string& region, const std::string& name,
                                const std::string& value, const std::string& type,
                                bool overwrite) = 0;
  virtual ApiResult<Ok> ssm_delete(const std::string& region, const std::string& name) = 0;
};

struct Clock {
  std::function<Millis()> now;  // defaults to the system clock
  static Clock system();
};

// Random tokens: UUIDs for stack/change-set ARNs and event ids, upper-case suffixes for
// generated physical names. Seedable so tests are reproducible.
class IdSource {
 public:
  explicit IdSource(std::uint64_t seed = 0);  // 0: seeded from std::random_device
  std::string uuid();
  std::string suffix(int length = 13);  // [A-Z0-9]
  std::string hex(int length);

 private:
  std::uint64_t state_;
  std::mutex mutex_;  // regions run operations in parallel
  std::uint64_t next();
};

// The region's database; the registry in fakes/core creates one per region on first use.
using DatabaseFor = std::function<fakes::Database&(const std::string& region)>;

}  // namespace pipemu::cfn
