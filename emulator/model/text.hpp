#pragma once
// Small text helpers shared by diagnostics and the CLI.
#include <string>
#include <string_view>
#include <vector>

namespace pipemu::text {

size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a distance that still reads as a typo; empty when none is.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
std::vector<std::string> split(std::string_view s, char sep);
std::string trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace pipemu::text
