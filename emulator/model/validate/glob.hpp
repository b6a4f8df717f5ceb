#pragma once
// CodeBuild's artifact glob rules (aws-semantics §1.4), for static checks: `*` and `?` stay
// inside one path segment, `**` spans any number of segments. Paths use '/'.
#include <string_view>

namespace pipemu::model::validate {

bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace pipemu::model::validate
