#pragma once
// A small Docker Engine API client (https://docs.docker.com/engine/api/v1.41/): just what one
// build container needs. Speaks HTTP over the unix socket or TCP named by DOCKER_HOST, through
// cpp-httplib; never runs the docker CLI. Every call opens its own connection, so calls from
// different threads (a log follower and a watchdog) do not share state.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "build/docker/endpoint.hpp"
#include "model/expected.hpp"

namespace pipemu::build::docker {

class Client {
 public:
  explicit Client(Endpoint endpoint) : endpoint_(std::move(endpoint)) {}
  const Endpoint& endpoint() const { return endpoint_; }

  // GET /version: the engine's version string; an error says why the engine did not answer.
  Expected<std::string, std::string> version() const;
  // GET /images/{name}/json.
  Expected<bool, std::string> image_exists(const std::string& image) const;
  // POST /containers/create with a ContainerConfig body; returns the container id.
  Expected<std::string, std::string> create_container(const nlohmann::json& config) const;
  Expected<Ok, std::string> start(const std::string& id) const;
  Expected<Ok, std::string> kill(const std::string& id) const;
  Expected<Ok, std::string> remove(const std::string& id) const;  // force, with volumes
  // GET /containers/{id}/logs?follow=1: calls `on_output` with stdout/stderr payloads as they
  // arrive; returns when the container has stopped and the stream ended.
  Expected<Ok, std::string> follow_logs(const std::string& id,
                                        std::function<void(std::string_view)> on_output) const;
  // POST /containers/{id}/wait: the main process's exit code.
  Expected<long, std::string> wait(const std::string& id) const;

  // The archive endpoint (copy mode: the engine cannot see this machine's files).
  // PUT /containers/{id}/archive?path=DIR: extracts `tar` under DIR (which must exist; a stream
  // put at "/" creates its own parents). Works on created, running and stopped containers.
  Expected<Ok, std::string> put_archive(const std::string& id, const std::string& dir, const std::string& tar) const;
  // The same with a body written as it is produced (chunked): `produce` writes the tar through
  // the function it is given (false: the connection is gone) and says whether it succeeded.
  using BodyWriter = std::function<bool(const char* data, size_t size)>;
  Expected<Ok, std::string> put_archive_stream(
      const std::string& id, const std::string& dir,
      const std::function<Expected<Ok, std::string>(const BodyWriter&)>& produce) const;
  // GET /containers/{id}/archive?path=P: a tar of P (entries named after P's base name);
  // nullopt when P does not exist.
  Expected<std::optional<std::string>, std::string> get_archive(const std::string& id, const std::string& path) const;
  // The same written to `file` as it arrives (a source tree need not fit in memory); false when
  // `path` does not exist.
  Expected<bool, std::string> get_archive_to(const std::string& id, const std::string& path,
                                             const std::string& file) const;
  // POST /containers/{id}/exec + /exec/{eid}/start + GET /exec/{eid}/json: runs `argv` in the
  // running container, waits for it, returns its exit code; `output` gets what it printed.
  Expected<long, std::string> exec(const std::string& id, const std::vector<std::string>& argv,
                                   std::string* output = nullptr) const;
  // POST /volumes/create: a named local volume; returns its Mountpoint on the engine's machine.
  Expected<std::string, std::string> create_volume(const std::string& name,
                                                   const std::map<std::string, std::string>& labels) const;
  Expected<Ok, std::string> remove_volume(const std::string& name) const;  // force

  // A container (id) or volume (name) and its labels.
  struct Labelled {
    std::string id;
    std::map<std::string, std::string> labels;
  };
  // GET /containers/json?all=1 and GET /volumes, filtered on the engine by a label key: every
  // container (running or not) and every volume that carries `label`.
  Expected<std::vector<Labelled>, std::string> containers_labelled(const std::string& label) const;
  Expected<std::vector<Labelled>, std::string> volumes_labelled(const std::string& label) const;

 private:
  Endpoint endpoint_;
};

}  // namespace pipemu::build::docker
