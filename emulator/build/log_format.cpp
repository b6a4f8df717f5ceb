#include "build/log_format.hpp"

#include <fmt/format.h>

#include <ctime>

namespace pipemu::build {

std::string container_line(std::string_view message, std::chrono::system_clock::time_point when) {
  auto t = std::chrono::system_clock::to_time_t(when);
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(when.time_since_epoch()).count() %
            1000000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("[Container] {:04}/{:02}/{:02} {:02}:{:02}:{:02}.{:06} {}", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, us, message);
}

}  // namespace pipemu::build
