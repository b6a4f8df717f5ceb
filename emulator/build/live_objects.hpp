#pragma once
// What this process has made outside itself for builds and not yet removed: build containers and
// volumes in the Docker engine, local builds' process groups. They are normally removed by the
// sessions that made them; when the process is interrupted (SIGINT, SIGTERM: cli/interrupt.hpp)
// those sessions never get to it, so the interrupt runs the undo of whatever is still here.
// A SIGKILL leaves the engine's objects behind anyway: docker/ownership.hpp covers that.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace pipemu::build {

class LiveObjects {
 public:
  static LiveObjects& process();  // the one registry of this process

  // Keeps `undo` under `key` (e.g. "container <id>"). false: the process is ending and keeps
  // nothing new; the caller must undo it itself, at once.
  bool add(const std::string& key, std::function<void()> undo);
  void drop(const std::string& key);  // removed normally: nothing to undo any more
  // Runs every undo still kept (each once; none concurrently with add) and refuses later adds.
  // Returns the keys it undid.
  std::vector<std::string> undo_all();
  std::vector<std::string> keys() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::function<void()>> undo_;
  bool ending_ = false;
};

}  // namespace pipemu::build
