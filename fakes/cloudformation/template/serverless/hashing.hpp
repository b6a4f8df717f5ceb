#pragma once
// The hashes aws-sam-translator puts in generated logical ids (LogicalIdGenerator): SHA-1 of a
// string, first 10 hex digits. Versions hash the JSON of the code location (sorted keys, no
// spaces); API deployments hash Python's str() of the swagger dict, with SAM's Python-2-style
// u'' markers on the keys and values SAM itself adds, so both are reproduced here.
#include <string>
#include <vector>

#include "model/node.hpp"

namespace pipemu::cfn::sam {

std::string sha1_hex(const std::string& data);

// json.dumps(value, separators=(",", ":"), sort_keys=True) with ensure_ascii.
std::string python_json(const model::Node& value);

// str(dict) for a Node whose map entries are in SAM's insertion order. Strings listed in
// `unicode` (exact values, keys or values) print with a u'' prefix, as SAM's Py27UniStr does.
std::string python_repr(const model::Node& value, const std::vector<std::string>& unicode);

}  // namespace pipemu::cfn::sam
