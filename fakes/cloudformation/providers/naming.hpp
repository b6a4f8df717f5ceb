#pragma once
// Physical names and catalogue formats shared by providers. CloudFormation generates
// "<stack>-<LogicalId>-<RANDOM>" when a resource has no custom name, truncating the stack and
// logical parts so the whole fits the type's length limit.
#include <string>

#include "fakes/cloudformation/providers/provider.hpp"

namespace pipemu::cfn {

// The value of the type's name property when the template gives one, else a generated name.
std::string physical_name(const ProviderContext& ctx, const Json& props,
                          const std::string& name_property, size_t max_length = 128,
                          bool lowercase = false);
std::string generated_name(const ProviderContext& ctx, size_t max_length, bool lowercase);

FormatValues format_values(const ProviderContext& ctx, const std::string& name,
                           const std::string& id);

// Ref and catalogue attributes for a type with a catalogue entry (Arn from arn_format too).
Provisioned from_catalogue(const ProviderContext& ctx, const std::string& name,
                           const std::string& id);

// A string property, or "" when absent / not a string.
std::string string_prop(const Json& props, const std::string& key);

}  // namespace pipemu::cfn
