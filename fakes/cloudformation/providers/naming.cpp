#include "fakes/cloudformation/providers/naming.hpp"

#include <algorithm>
#include <cctype>

namespace pipemu::cfn {

std::string ProviderContext::partition() const {
  if (region.rfind("cn-", 0) == 0) return "aws-cn";
  if (region.rfind("us-gov-", 0) == 0) return "aws-us-gov";
  return "aws";
}

std::string ProviderContext::url_suffix() const {
  return region.rfind("cn-", 0) == 0 ? "amazonaws.com.cn" : "amazonaws.com";
}

std::string string_prop(const Json& props, const std::string& key) {
  if (props.is_object() && props.contains(key) && props[key].is_string())
    return props[key].get<std::string>();
  return {};
}

std::string generated_name(const ProviderContext& ctx, size_t max_length, bool lowercase) {
  std::string suffix = ctx.ids.suffix(12);
  std::string stack = ctx.stack_name, logical = ctx.logical_id;
  // Keep the suffix whole; share what is left between stack and logical id as AWS does.
  size_t room = max_length > suffix.size() + 2 ? max_length - suffix.size() - 2 : 0;
  while (stack.size() + logical.size() > room) {
    if (stack.size() >= logical.size() && !stack.empty()) stack.pop_back();
    else if (!logical.empty()) logical.pop_back();
    else break;
  }
  std::string name = stack + "-" + logical + "-" + suffix;
  if (lowercase)
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

std::string physical_name(const ProviderContext& ctx, const Json& props,
                          const std::string& name_property, size_t max_length, bool lowercase) {
  if (!name_property.empty()) {
    auto given = string_prop(props, name_property);
    if (!given.empty()) return given;
  }
  return generated_name(ctx, max_length, lowercase);
}

FormatValues format_values(const ProviderContext& ctx, const std::string& name,
                           const std::string& id) {
  return FormatValues{ctx.partition(), ctx.region, ctx.account, name, id, ctx.stack_name,
                      ctx.url_suffix()};
}

Provisioned from_catalogue(const ProviderContext& ctx, const std::string& name,
                           const std::string& id) {
  Provisioned p;
  p.physical_id = name;
  if (!ctx.info) return p;
  auto values = format_values(ctx, name, id);
  if (!ctx.info->ref_format.empty()) p.physical_id = expand_format(ctx.info->ref_format, values);
  if (!ctx.info->arn_format.empty())
    p.attributes["Arn"] = expand_format(ctx.info->arn_format, values);
  // A documented attribute without a known format still answers GetAtt (with a stable
  // generated id), as the "answers GetAtt for documented attributes" requires.
  for (const auto& a : ctx.info->attributes)
    p.attributes[a.name] = expand_format(a.format.empty() ? "{id}" : a.format, values);
  return p;
}

}  // namespace pipemu::cfn
