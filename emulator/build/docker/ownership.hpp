#pragma once
// Who made a container or volume in the Docker engine. Everything pipemu creates there carries
// `pipemu.owner=<host>:<pid>`, so a later pipemu can remove what a killed one left behind (a
// SIGKILL, a crash: nothing of the dead process could clean up) without touching the objects of
// a pipemu still running on this machine, or of any pipemu on another machine sharing the engine.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "build/docker/client.hpp"

namespace pipemu::build::docker {

inline constexpr const char* kOwnerLabel = "pipemu.owner";
inline constexpr const char* kBuildLabel = "pipemu.build";

struct Owner {
  std::string host;
  long pid = 0;

  static Owner self();  // this process: gethostname() and getpid()
  // "<host>:<pid>"; the host may hold ':' (the pid is after the last one).
  std::string label() const;
  static std::optional<Owner> parse(std::string_view label);
};

// The labels of an object pipemu creates for build `build_label`: pipemu.build and pipemu.owner.
std::map<std::string, std::string> object_labels(const std::string& build_label,
                                                 const Owner& owner = Owner::self());

// Whether a process of this machine with this pid exists (a zombie counts as gone).
bool process_alive(long pid);

struct StaleObjects {
  int containers = 0, volumes = 0;
  std::vector<long> pids;           // the owners that were gone, ascending
  std::vector<std::string> errors;  // objects that could not be removed (the rest still were)
  // "" when nothing was removed; else one line for the user.
  std::string note() const;
};

// Removes the containers, then the volumes (a volume in use cannot go), labelled pipemu.owner
// whose owner ran on `self.host` and is not alive. Objects of other hosts, of live processes and
// with an owner label pipemu cannot read are left alone. An engine that does not answer the
// listing removes nothing.
StaleObjects remove_stale(const Client& client, const Owner& self = Owner::self(),
                          const std::function<bool(long)>& alive = process_alive);

}  // namespace pipemu::build::docker
