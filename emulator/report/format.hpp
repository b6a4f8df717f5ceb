#pragma once
// Small text helpers shared by the reporters.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pipemu::report {

// "0.4s", "12.3s", "2m05s", "1h02m": short, and stable for tests.
std::string format_duration(std::int64_t ms);

// Seconds with three decimals, as JUnit's time attributes want ("12.345").
std::string format_seconds(std::int64_t ms);

// Human size: "512 B", "3.4 KiB", "1.2 MiB".
std::string format_size(std::uint64_t bytes);

// "a, b and c"; "none" for an empty list.
std::string join_words(const std::vector<std::string>& items, std::string_view none = "none");

// Truncates to `width` display columns (UTF-8 aware, counts code points), ending with "…".
std::string truncate_columns(std::string_view text, std::size_t width);

// Removes ANSI escape sequences and control characters (a build log's colours or \r would break
// the live view's overprinting); tabs become a space.
std::string strip_control(std::string_view text);

// Number of display columns (code points; pipemu prints no wide characters of its own).
std::size_t display_width(std::string_view text);

}  // namespace pipemu::report
