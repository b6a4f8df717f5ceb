// Lookups over the generated resource table (catalog/catalog_data.cpp).
#include "fakes/cloudformation/template/catalog.hpp"

#include <cctype>

#include "fakes/cloudformation/template/serverless/hashing.hpp"

namespace pipemu::cfn {

const char* to_string(UpdateBehavior b) {
  switch (b) {
    case UpdateBehavior::Never: return "Never";
    case UpdateBehavior::Conditionally: return "Conditionally";
    case UpdateBehavior::Always: return "Always";
  }
  return "Never";
}

const ResourceTypeInfo* find_resource_type(std::string_view type) {
  for (const auto& t : resource_types())
    if (t.type == type) return &t;
  return nullptr;
}

UpdateBehavior update_behavior(std::string_view type, std::string_view property) {
  const ResourceTypeInfo* t = find_resource_type(type);
  if (!t) return UpdateBehavior::Never;
  auto it = t->properties.find(std::string(property));
  return it == t->properties.end() ? UpdateBehavior::Never : it->second;
}

std::string expand_format(std::string_view format, const FormatValues& given) {
  // Callers that leave uuid/hex/ID empty get stable values derived from the resource's id and
  // name, so "vpc-{hex}" never expands to a bare "vpc-".
  FormatValues v = given;
  std::string digest = sam::sha1_hex(v.id + "/" + v.name + "/" + v.region);
  if (v.uuid.empty())
    v.uuid = digest.substr(0, 8) + "-" + digest.substr(8, 4) + "-" + digest.substr(12, 4) + "-" +
             digest.substr(16, 4) + "-" + digest.substr(20, 12);
  if (v.hex.empty()) v.hex = digest.substr(0, 17);
  if (v.upper_id.empty()) {
    for (char c : digest.substr(0, 13)) v.upper_id += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    size_t close = format[i] == '{' ? format.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += format[i++];
      continue;
    }
    std::string_view key = format.substr(i + 1, close - i - 1);
    const std::string* value = key == "partition"    ? &v.partition
                               : key == "region"     ? &v.region
                               : key == "account"    ? &v.account
                               : key == "name"       ? &v.name
                               : key == "id"         ? &v.id
                               : key == "stack"      ? &v.stack
                               : key == "url_suffix" ? &v.url_suffix
                               : key == "uuid"       ? &v.uuid
                               : key == "hex"        ? &v.hex
                               : key == "ID"         ? &v.upper_id
                                                     : nullptr;
    if (value) {
      out += *value;
    } else {
      out.append(format.substr(i, close - i + 1));  // not a placeholder: keep as written
    }
    i = close + 1;
  }
  return out;
}

}  // namespace pipemu::cfn
