#pragma once
// A small Docker Engine API client (https://docs.docker.com/engine/api/v1.41/): just what one
// build container needs. Speaks HTTP over the unix socket or TCP named by DOCKER_HOST, through
// cpp-httplib; never runs the docker CLI. Every call opens its own connection, so calls from
// different threads (a log follower and a watchdog) do not share state.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

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

 private:
  Endpoint endpoint_;
};

}  // namespace pipemu::build::docker
