#pragma once
// JSON text codecs for the list-valued columns of the store.
#include <string>
#include <vector>

#include "fakes/cloudformation/types.hpp"

namespace pipemu::cfn::store {

std::string encode(const std::vector<ParameterValue>& v);
std::string encode(const std::vector<Output>& v);
std::string encode(const std::vector<Tag>& v);
std::string encode(const std::vector<std::string>& v);

std::vector<ParameterValue> decode_parameters(const std::string& text);
std::vector<Output> decode_outputs(const std::string& text);
std::vector<Tag> decode_tags(const std::string& text);
std::vector<std::string> decode_strings(const std::string& text);

}  // namespace pipemu::cfn::store
