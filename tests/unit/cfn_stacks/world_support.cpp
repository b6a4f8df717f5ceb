#include "world_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

namespace pipemu::cfn::test {

void RegionalFakes::bucket(const std::string& region, const std::string& name) {
  std::optional<std::string> constraint;
  if (region != "us-east-1") constraint = region;
  auto r = s3.create_bucket(kAccount, region, name, constraint);
  if (!r) FAIL("create_bucket " << name << ": " << r.error().message);
}

void RegionalFakes::put_object(const std::string& bucket, const std::string& key,
                               const std::string& body) {
  auto region = s3.bucket_region(bucket);
  if (!region) FAIL("put_object: no bucket " << bucket);
  auto r = s3.put_object(kAccount, *region, bucket, key, body);
  if (!r) FAIL("put_object " << bucket << "/" << key << ": " << r.error().message);
}

void RegionalFakes::empty_bucket(const std::string& bucket) {
  auto region = s3.bucket_region(bucket);
  if (!region) FAIL("empty_bucket: no bucket " << bucket);
  auto list = s3.list_objects(kAccount, *region, bucket, s3::ListRequest{});
  if (!list) FAIL("list_objects " << bucket << ": " << list.error().message);
  for (const auto& o : list->contents) (void)s3.delete_object(kAccount, *region, bucket, o.key);
}

std::map<std::string, std::string> RegionalFakes::buckets() {
  auto list = s3.list_buckets(kAccount);
  if (!list) FAIL("list_buckets: " << list.error().message);
  std::map<std::string, std::string> out;
  for (const auto& b : *list) out[b.name] = b.region;
  return out;
}

void RegionalFakes::put_parameter(const std::string& region, const std::string& name,
                                  const std::string& value) {
  ssm::PutParameterRequest rq;
  rq.name = name;
  rq.value = value;
  rq.type = "String";
  rq.overwrite = true;
  auto r = ssm.put_parameter(kAccount, region, rq);
  if (!r) FAIL("put_parameter " << name << ": " << r.error().message);
}

std::map<std::string, std::string> RegionalFakes::parameters(const std::string& region) {
  std::map<std::string, std::string> out;
  ssm::DescribeRequest rq;
  do {
    auto page = ssm.describe_parameters(kAccount, region, rq);
    if (!page) FAIL("describe_parameters: " << page.error().message);
    for (const auto& p : page->parameters) {
      auto got = ssm.get_parameter(kAccount, region, p.name, true);
      if (!got) FAIL("get_parameter " << p.name << ": " << got.error().message);
      out[p.name] = got->value;
    }
    rq.next_token = page->next_token;
  } while (!rq.next_token.empty());
  return out;
}

void RegionalFakes::delete_parameters(const std::string& region) {
  for (const auto& [name, value] : parameters(region))
    (void)ssm.delete_parameter(kAccount, region, name);
}

World::World()
    : cfn([this](const std::string& r) -> fakes::Database& { return registry.region(r); }, ports,
          providers, Clock::system(), 42) {}

std::string World::create(const std::string& region, const std::string& name,
                          const std::string& body, std::vector<ParameterInput> params,
                          std::vector<std::string> caps) {
  CreateStackInput input;
  input.stack_name = name;
  input.template_body = body;
  input.parameters = std::move(params);
  input.capabilities = std::move(caps);
  auto id = cfn.create_stack(in(region), input);
  if (!id) FAIL("create_stack: " << id.error().code << ": " << id.error().message);
  return *id;
}

Stack World::stack(const std::string& region, const std::string& name) {
  auto s = cfn.describe_stacks(in(region), name);
  if (!s) FAIL("describe_stacks: " << s.error().message);
  return s->front();
}

std::vector<std::string> World::event_lines(const std::string& region, const std::string& name) {
  auto events = cfn.describe_stack_events(in(region), name);
  if (!events) FAIL("describe_stack_events: " << events.error().message);
  std::vector<std::string> out;
  for (auto it = events->rbegin(); it != events->rend(); ++it)
    out.push_back(it->logical_id + " " + it->status +
                  (it->status_reason.empty() ? "" : " " + it->status_reason));
  return out;
}

std::string fixture(const std::string& name) {
  std::ifstream f(std::string(PIPEMU_SOURCE_DIR) + "/tests/unit/cfn_stacks/templates/" + name);
  if (!f) FAIL("missing fixture " << name);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace pipemu::cfn::test
