#include "build/live_objects.hpp"

namespace pipemu::build {

LiveObjects& LiveObjects::process() {
  static LiveObjects registry;
  return registry;
}

bool LiveObjects::add(const std::string& key, std::function<void()> undo) {
  std::lock_guard lock(mu_);
  if (ending_) return false;
  undo_[key] = std::move(undo);
  return true;
}

void LiveObjects::drop(const std::string& key) {
  std::lock_guard lock(mu_);
  undo_.erase(key);
}

std::vector<std::string> LiveObjects::undo_all() {
  std::map<std::string, std::function<void()>> pending;
  {
    std::lock_guard lock(mu_);
    ending_ = true;
    pending.swap(undo_);
  }
  // Outside the lock: an undo is an engine call, and the session that made the object may be
  // removing it at the same moment (a second removal is harmless).
  std::vector<std::string> keys;
  for (auto& [key, undo] : pending) {
    undo();
    keys.push_back(key);
  }
  return keys;
}

std::vector<std::string> LiveObjects::keys() const {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  for (const auto& [k, u] : undo_) out.push_back(k);
  return out;
}

}  // namespace pipemu::build
