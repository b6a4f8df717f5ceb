#pragma once
// Resource providers: what creating, updating and deleting one resource of a type does. The
// engine calls them in dependency order with evaluated properties; a provider that touches
// another fake does so through AwsPorts. Failures are the status reason CloudFormation shows
// on the resource's *_FAILED event, as a string.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

#include "fakes/cloudformation/ports.hpp"
#include "fakes/cloudformation/template/catalog.hpp"
#include "fakes/cloudformation/types.hpp"

namespace pipemu::cfn {

struct ProviderContext {
  std::string region;
  std::string account;
  std::string stack_name;
  std::string stack_id;
  std::string logical_id;
  std::string type;
  AwsPorts& aws;
  IdSource& ids;
  const ResourceTypeInfo* info = nullptr;  // nullptr: a type the catalogue does not know

  std::string partition() const;
  std::string url_suffix() const;
};

struct Provisioned {
  std::string physical_id;  // what Ref returns
  Json attributes = Json::object();  // Fn::GetAtt answers, by attribute name
};

template <class T>
using ProviderResult = Expected<T, std::string>;

class ResourceProvider {
 public:
  virtual ~ResourceProvider() = default;
  virtual ProviderResult<Provisioned> create(const ProviderContext& ctx, const Json& props) = 0;
  // In-place update (no replacement): the physical id normally stays.
  virtual ProviderResult<Provisioned> update(const ProviderContext& ctx, const Resource& current,
                                             const Json& props) = 0;
  virtual ProviderResult<Ok> remove(const ProviderContext& ctx, const Resource& current) = 0;
};

enum class Operation { Create, Update, Delete };

// Handlers by type, with the generic handler for every other type, and fault hooks so scenarios
// can make "AWS::Lambda::Function fail in us-east-1 with <message>".
class ProviderRegistry {
 public:
  // The built-in handlers (S3 bucket, SSM parameter, Lambda function, IAM, SNS, SQS) + generic.
  static std::shared_ptr<ProviderRegistry> with_defaults();
  ProviderRegistry();

  void add(const std::string& type, std::shared_ptr<ResourceProvider> provider);
  ResourceProvider& for_type(const std::string& type) const;
  bool has_handler(const std::string& type) const { return handlers_.count(type) != 0; }

  // Every later `op` on `type` in `region` fails with `message` ("*" matches any region).
  void set_fault(const std::string& type, const std::string& region, const std::string& message,
                 Operation op = Operation::Create);
  void clear_faults() { faults_.clear(); }
  std::optional<std::string> fault(const std::string& type, const std::string& region,
                                   Operation op) const;

 private:
  std::map<std::string, std::shared_ptr<ResourceProvider>> handlers_;
  std::shared_ptr<ResourceProvider> generic_;
  std::map<std::tuple<std::string, std::string, int>, std::string> faults_;
};

std::shared_ptr<ResourceProvider> make_generic_provider();
std::shared_ptr<ResourceProvider> make_s3_bucket_provider();
std::shared_ptr<ResourceProvider> make_ssm_parameter_provider();
std::shared_ptr<ResourceProvider> make_lambda_function_provider();
// IAM, SNS, SQS: no fake behind them, but AWS's exact names, ARNs and attributes.
void add_named_resource_providers(ProviderRegistry& registry);

}  // namespace pipemu::cfn
