#pragma once
// Known resource types: documented Fn::GetAtt attributes, what Ref returns and the ARN format,
// and per-property update behaviour (for change-set Replacement). Data lives in one table
// (catalog_data.cpp, generated from cfn-lint's resource schemas plus hand-written formats);
// this header only looks it up. An unknown type is "known unknown": find_resource_type returns
// nullptr and the caller warns and records the resource generically.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pipemu::cfn {

enum class UpdateBehavior { Never, Conditionally, Always };
const char* to_string(UpdateBehavior b);  // "Never", "Conditionally", "Always" as AWS spells them

struct AttributeFormat {
  std::string name;    // "Arn", "QueueName", "Endpoint.Address"
  std::string format;  // placeholders below; "" when only the provider can know it
};

struct ResourceTypeInfo {
  std::string type;
  // Placeholders: {partition} {region} {account} {name} {id} {stack} {url_suffix} {uuid} {hex}
  // {ID}. {name} is the physical name (given name property or generated), {id} a generated
  // token, {uuid} a UUID, {hex} 17 lowercase hex digits (EC2 ids), {ID} uppercase alphanumerics.
  std::string ref_format;                // what Ref returns
  std::string arn_format;                // "" when the type has no ARN
  std::string name_property;             // property holding a custom name ("" when none)
  std::vector<AttributeFormat> attributes;
  std::map<std::string, UpdateBehavior> properties;  // unlisted properties: Never
};

const ResourceTypeInfo* find_resource_type(std::string_view type);
const std::vector<ResourceTypeInfo>& resource_types();

// Update behaviour of a top-level property of `type`; Never for unknown types/properties.
UpdateBehavior update_behavior(std::string_view type, std::string_view property);

// Fills a format's placeholders.
struct FormatValues {
  std::string partition, region, account, name, id, stack, url_suffix, uuid, hex, upper_id;
};
std::string expand_format(std::string_view format, const FormatValues& v);

}  // namespace pipemu::cfn
