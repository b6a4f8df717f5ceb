#pragma once
// CodeBuild's path globs (aws-semantics.md §1.4): `*`, `?` and `[...]` within one path segment,
// `**` for any number of segments (including none). Dot-files match like any other file.
#include <string>
#include <string_view>

namespace pipemu::build {

// `pattern` and `path` are relative, '/'-separated.
bool glob_match(std::string_view pattern, std::string_view path);
bool has_glob_chars(std::string_view s);
// "a/b/**/*.txt" -> "a/b": the leading segments without glob characters.
std::string glob_prefix(std::string_view pattern);

}  // namespace pipemu::build
