#pragma once
// CodeBuild's agent log lines, mimicked so users grep the same text locally:
//   [Container] 2023/05/21 11:55:17.123456 Running command echo hi
#include <chrono>
#include <string>
#include <string_view>

namespace pipemu::build {

std::string container_line(std::string_view message,
                           std::chrono::system_clock::time_point when = std::chrono::system_clock::now());

}  // namespace pipemu::build
