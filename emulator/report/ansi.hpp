#pragma once
// ANSI colours for the terminal printer; every call takes `on` so plain output stays plain.
#include <string>
#include <string_view>

#include "engine/run_record.hpp"

namespace pipemu::report::ansi {

enum class Color { None, Red, Green, Yellow, Blue, Magenta, Cyan, Dim, Bold };

inline std::string paint(std::string_view text, Color c, bool on) {
  if (!on || c == Color::None) return std::string(text);
  const char* code = "";
  switch (c) {
    case Color::Red:
      code = "31";
      break;
    case Color::Green:
      code = "32";
      break;
    case Color::Yellow:
      code = "33";
      break;
    case Color::Blue:
      code = "34";
      break;
    case Color::Magenta:
      code = "35";
      break;
    case Color::Cyan:
      code = "36";
      break;
    case Color::Dim:
      code = "2";
      break;
    case Color::Bold:
      code = "1";
      break;
    case Color::None:
      break;
  }
  return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

inline Color status_color(engine::Status s) {
  switch (s) {
    case engine::Status::Succeeded:
      return Color::Green;
    case engine::Status::Failed:
      return Color::Red;
    case engine::Status::InProgress:
      return Color::Yellow;
    case engine::Status::Stopped:
    case engine::Status::Abandoned:
      return Color::Magenta;
    case engine::Status::NotStarted:
      return Color::Dim;
  }
  return Color::None;
}

}  // namespace pipemu::report::ansi
