#include "report/format.hpp"

#include <fmt/format.h>

namespace pipemu::report {

std::string format_duration(std::int64_t ms) {
  if (ms < 0) ms = 0;
  if (ms < 60'000) return fmt::format("{}.{}s", ms / 1000, (ms % 1000) / 100);
  std::int64_t s = ms / 1000;
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

std::string format_seconds(std::int64_t ms) {
  if (ms < 0) ms = 0;
  return fmt::format("{}.{:03}", ms / 1000, ms % 1000);
}

std::string format_size(std::uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024 * 1024));
}

std::string join_words(const std::vector<std::string>& items, std::string_view none) {
  if (items.empty()) return std::string(none);
  std::string out = items[0];
  for (std::size_t i = 1; i < items.size(); ++i)
    out += (i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

namespace {
bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}
}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if (!is_continuation(c)) ++n;
  return n;
}

std::string truncate_columns(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return "";
  std::string out;
  std::size_t cols = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!is_continuation(c)) {
      if (cols + 1 == width) break;  // keep one column for the ellipsis
      ++cols;
    }
    out += text[i];
  }
  return out + "\u2026";
}

std::string strip_control(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b) {  // ESC [ ... final byte in @..~ ; or ESC + one char
      if (i + 1 < text.size() && text[i + 1] == '[') {
        i += 2;
        while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
      } else {
        ++i;
      }
      continue;
    }
    if (c == '\t') {
      out += ' ';
      continue;
    }
    if (c < 0x20 || c == 0x7f) continue;
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace pipemu::report
