#include "engine/ports.hpp"

#include <chrono>
#include <random>

namespace pipemu::engine {

TimePoint SystemClock::now() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

RandomIds::RandomIds(std::uint64_t seed) : state_(seed) {
  if (state_ == 0) state_ = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  if (state_ == 0) state_ = 0x9e3779b97f4a7c15ULL;
}

// splitmix64: small, fast, and reproducible from a seed (ids need no cryptographic strength).
std::uint64_t RandomIds::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string RandomIds::uuid() {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
    out += hex[next() % 16];
  }
  return out;
}

std::string RandomIds::alnum(int length) {
  static const char* chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  for (int i = 0; i < length; ++i) out += chars[next() % 62];
  return out;
}

}  // namespace pipemu::engine
