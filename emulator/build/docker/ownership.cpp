#include "build/docker/ownership.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <fstream>
#include <set>

namespace pipemu::build::docker {

Owner Owner::self() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return {host[0] ? host : "localhost", static_cast<long>(::getpid())};
}

std::string Owner::label() const {
  return host + ":" + std::to_string(pid);
}

std::optional<Owner> Owner::parse(std::string_view label) {
  auto colon = label.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view digits = label.substr(colon + 1);
  long pid = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
  if (ec != std::errc() || end != digits.data() + digits.size() || pid <= 0) return std::nullopt;
  return Owner{std::string(label.substr(0, colon)), pid};
}

std::map<std::string, std::string> object_labels(const std::string& build_label,
                                                 const Owner& owner) {
  return {{kBuildLabel, build_label}, {kOwnerLabel, owner.label()}};
}

bool process_alive(long pid) {
  if (pid <= 0) return false;
  if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return false;
  // A killed pipemu whose parent has not reaped it yet is a zombie: it will never clean up.
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (std::getline(stat, line)) {
    auto paren = line.rfind(')');
    if (paren != std::string::npos && paren + 2 < line.size() && line[paren + 2] == 'Z')
      return false;
  }
  return true;
}

std::string StaleObjects::note() const {
  if (containers == 0 && volumes == 0) return {};
  auto count = [](int n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  std::string objects = containers && volumes
                            ? count(containers, "container") + " and " + count(volumes, "volume")
                        : containers ? count(containers, "container")
                                     : count(volumes, "volume");
  std::string owners;
  for (long p : pids) owners += (owners.empty() ? "" : ", ") + std::to_string(p);
  return "removed " + objects +
         " left in the Docker engine by pipemu processes that are gone (pid" +
         (pids.size() == 1 ? " " : "s ") + owners + ")";
}

StaleObjects remove_stale(const Client& client, const Owner& self,
                          const std::function<bool(long)>& alive) {
  StaleObjects out;
  std::set<long> gone;
  auto stale = [&](const Client::Labelled& object) {
    auto it = object.labels.find(kOwnerLabel);
    if (it == object.labels.end()) return false;
    auto owner = Owner::parse(it->second);
    if (!owner || owner->host != self.host || owner->pid == self.pid || alive(owner->pid))
      return false;
    gone.insert(owner->pid);
    return true;
  };
  if (auto containers = client.containers_labelled(kOwnerLabel))
    for (const auto& c : *containers)
      if (stale(c)) {
        if (auto r = client.remove(c.id); r)
          ++out.containers;
        else
          out.errors.push_back(r.error());
      }
  if (auto volumes = client.volumes_labelled(kOwnerLabel))
    for (const auto& v : *volumes)
      if (stale(v)) {
        if (auto r = client.remove_volume(v.id); r)
          ++out.volumes;
        else
          out.errors.push_back(r.error());
      }
  out.pids.assign(gone.begin(), gone.end());
  return out;
}

}  // namespace pipemu::build::docker
