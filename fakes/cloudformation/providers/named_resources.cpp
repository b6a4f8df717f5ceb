// Types with no fake behind them but whose names, Ref values and attributes callers use:
// IAM roles and policies, SNS topics, SQS queues. One table row per type, AWS's formats.
#include <functional>

#include "fakes/cloudformation/providers/naming.hpp"
#include "fakes/cloudformation/providers/provider.hpp"

namespace pipemu::cfn {

namespace {

struct NamedType {
  std::string name_property;
  size_t max_length;
  // (ctx, props, name) -> Ref value and attributes
  std::function<Provisioned(const ProviderContext&, const Json&, const std::string&)> make;
};

std::string iam_path(const Json& props) {
  auto p = string_prop(props, "Path");
  return p.empty() ? "/" : p;
}

class NamedProvider : public ResourceProvider {
 public:
  explicit NamedProvider(NamedType t) : t_(std::move(t)) {}

  ProviderResult<Provisioned> create(const ProviderContext& ctx, const Json& props) override {
    auto name = physical_name(ctx, props, t_.name_property, t_.max_length);
    if (ctx.type == "AWS::SQS::Queue" && props.value("FifoQueue", Json()) == Json(true) &&
        string_prop(props, "QueueName").empty())
      name = name.substr(0, t_.max_length - 5) + ".fifo";
    auto p = t_.make(ctx, props, name);
    p.attributes["__name"] = name;  // kept so updates can rebuild attributes
    return p;
  }

  ProviderResult<Provisioned> update(const ProviderContext& ctx, const Resource& current,
                                     const Json& props) override {
    auto name = current.attributes.value("__name", current.physical_id);
    auto p = t_.make(ctx, props, name);
    p.physical_id = current.physical_id;
    // Generated ids (RoleId, PolicyId) stay what they were.
    for (auto& [k, v] : current.attributes.items())
      if (k.size() > 2 && k.substr(k.size() - 2) == "Id") p.attributes[k] = v;
    p.attributes["__name"] = name;
    return p;
  }

  ProviderResult<Ok> remove(const ProviderContext&, const Resource&) override { return Ok{}; }

 private:
  NamedType t_;
};

Provisioned iam_role(const ProviderContext& c, const Json& props, const std::string& name) {
  return Provisioned{name,
                     {{"Arn", "arn:" + c.partition() + ":iam::" + c.account + ":role" +
                                  iam_path(props) + name},
                      {"RoleId", "AROA" + c.ids.suffix(17)}}};
}

Provisioned iam_managed_policy(const ProviderContext& c, const Json& props,
                               const std::string& name) {
  auto arn = "arn:" + c.partition() + ":iam::" + c.account + ":policy" + iam_path(props) + name;
  return Provisioned{arn,
                     {{"PolicyArn", arn}, {"PolicyId", "ANPA" + c.ids.suffix(17)}}};
}

Provisioned iam_policy(const ProviderContext&, const Json&, const std::string& name) {
  return Provisioned{name, {}};
}

Provisioned iam_instance_profile(const ProviderContext& c, const Json& props,
                                 const std::string& name) {
  return Provisioned{name, {{"Arn", "arn:" + c.partition() + ":iam::" + c.account +
                                        ":instance-profile" + iam_path(props) + name}}};
}

Provisioned sns_topic(const ProviderContext& c, const Json&, const std::string& name) {
  auto arn = "arn:" + c.partition() + ":sns:" + c.region + ":" + c.account + ":" + name;
  return Provisioned{arn, {{"TopicArn", arn}, {"TopicName", name}}};
}

Provisioned sqs_queue(const ProviderContext& c, const Json&, const std::string& name) {
  auto url = "https://sqs." + c.region + "." + c.url_suffix() + "/" + c.account + "/" + name;
  return Provisioned{url,
                     {{"Arn", "arn:" + c.partition() + ":sqs:" + c.region + ":" + c.account +
                                  ":" + name},
                      {"QueueName", name},
                      {"QueueUrl", url}}};
}

}  // namespace

void add_named_resource_providers(ProviderRegistry& r) {
  auto add = [&](const char* type, NamedType t) {
    r.add(type, std::make_shared<NamedProvider>(std::move(t)));
  };
  add("AWS::IAM::Role", {"RoleName", 64, iam_role});
  add("AWS::IAM::ManagedPolicy", {"ManagedPolicyName", 128, iam_managed_policy});
  add("AWS::IAM::Policy", {"", 128, iam_policy});
  add("AWS::IAM::InstanceProfile", {"InstanceProfileName", 128, iam_instance_profile});
  add("AWS::SNS::Topic", {"TopicName", 256, sns_topic});
  add("AWS::SQS::Queue", {"QueueName", 80, sqs_queue});
}

}  // namespace pipemu::cfn
