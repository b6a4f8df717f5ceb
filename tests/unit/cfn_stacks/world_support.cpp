#include "world_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

namespace pipemu::cfn::test {

std::optional<std::string> MemoryAws::bucket_region(const std::string& bucket) {
  auto it = buckets.find(bucket);
  if (it == buckets.end()) return std::nullopt;
  return it->second;
}

bool MemoryAws::object_exists(const std::string& bucket, const std::string& key) {
  return objects.count(bucket) && objects[bucket].count(key);
}

std::optional<std::string> MemoryAws::get_object(const std::string& bucket,
                                                 const std::string& key) {
  if (!object_exists(bucket, key)) return std::nullopt;
  return objects[bucket][key];
}

ApiResult<Ok> MemoryAws::create_bucket(const std::string& region, const std::string& bucket) {
  if (buckets.count(bucket))
    return unexpected(fakes::aws_error("BucketAlreadyOwnedByYou", "exists", 409));
  buckets[bucket] = region;
  return Ok{};
}

ApiResult<Ok> MemoryAws::delete_bucket(const std::string&, const std::string& bucket) {
  if (objects.count(bucket) && !objects[bucket].empty())
    return unexpected(fakes::aws_error("BucketNotEmpty",
                                       "The bucket you tried to delete is not empty", 409));
  buckets.erase(bucket);
  objects.erase(bucket);
  return Ok{};
}

std::optional<std::string> MemoryAws::ssm_get(const std::string& region, const std::string& name) {
  auto& r = ssm[region];
  auto it = r.find(name);
  if (it == r.end()) return std::nullopt;
  return it->second;
}

ApiResult<Ok> MemoryAws::ssm_put(const std::string& region, const std::string& name,
                                 const std::string& value, const std::string&, bool overwrite) {
  if (!overwrite && ssm[region].count(name))
    return unexpected(fakes::aws_error("ParameterAlreadyExists", "exists"));
  ssm[region][name] = value;
  return Ok{};
}

ApiResult<Ok> MemoryAws::ssm_delete(const std::string& region, const std::string& name) {
  ssm[region].erase(name);
  return Ok{};
}

void MemoryAws::put_object(const std::string& bucket, const std::string& key, std::string body) {
  objects[bucket][key] = std::move(body);
}

World::World()
    : cfn([this](const std::string& r) -> fakes::Database& { return registry.region(r); }, aws,
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
