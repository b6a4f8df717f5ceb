#include "fakes/cloudformation/ports.hpp"

#include <chrono>
#include <random>

namespace pipemu::cfn {

Clock Clock::system() {
  return Clock{[] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }};
}

IdSource::IdSource(std::uint64_t seed) : state_(seed) {
  if (state_ == 0) {
    std::random_device rd;
    state_ = (static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^ 0x9e3779b97f4a7c15ULL;
  }
}

// splitmix64: tiny, fast, good enough for identifiers (not for secrets).
std::uint64_t IdSource::next() {
  std::lock_guard lock(mutex_);
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string IdSource::hex(int length) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  while (static_cast<int>(out.size()) < length) {
    auto v = next();
    for (int i = 0; i < 16 && static_cast<int>(out.size()) < length; ++i, v >>= 4)
      out += digits[v & 15];
  }
  return out;
}

std::string IdSource::uuid() {
  auto h = hex(32);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

std::string IdSource::suffix(int length) {
  static const char* chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string out;
  for (int i = 0; i < length; ++i) out += chars[next() % 36];
  return out;
}

}  // namespace pipemu::cfn
