#include "build/docker_executor.hpp"

#include "build/log_format.hpp"

#include <atomic>
#include <thread>

namespace pipemu::build {
namespace {

class DockerSession : public Session {
 public:
  DockerSession(docker::Client client, std::string id, OutputSink sink)
      : client_(std::move(client)), id_(std::move(id)) {
    follower_ = std::thread([this, sink = std::move(sink)] {
      auto r = client_.follow_logs(id_, sink);
      if (!r) stream_error_ = r.error();
    });
  }
  ~DockerSession() override {
    if (follower_.joinable()) {
      (void)client_.kill(id_);
      follower_.join();
    }
    (void)client_.remove(id_);
  }
  void kill() override { (void)client_.kill(id_); }
  Expected<long, std::string> wait() override {
    if (follower_.joinable()) follower_.join();
    auto code = client_.wait(id_);
    if (!code) return code;
    if (!stream_error_.empty()) return unexpected(stream_error_);
    return code;
  }

 private:
  docker::Client client_;
  std::string id_;
  std::thread follower_;
  std::string stream_error_;
};

}  // namespace

nlohmann::json container_config(const SessionSpec& spec, const docker::Endpoint& engine) {
  nlohmann::json env = nlohmann::json::array();
  for (const auto& [k, v] : spec.env) env.push_back(k + "=" + v);
  nlohmann::json binds = nlohmann::json::array();
  for (const auto& m : spec.mounts)
    binds.push_back(m.host + ":" + m.container + (m.read_only ? ":ro" : ""));
  if (spec.privileged) {
    // The build's docker CLI reaches the same engine pipemu uses (the article's `docker run`).
    if (engine.kind == docker::Endpoint::Kind::Unix)
      binds.push_back(engine.path + ":/var/run/docker.sock");
    else
      env.push_back("DOCKER_HOST=" + engine.describe());
  }
  nlohmann::json cfg = {
      {"Image", spec.image},
      {"Cmd", spec.command},
      {"Env", env},
      {"Tty", false},
      {"OpenStdin", false},
      {"AttachStdout", true},
      {"AttachStderr", true},
      {"Labels", {{"pipemu.build", spec.label}}},
      {"HostConfig",
       {{"NetworkMode", "host"}, {"Privileged", spec.privileged}, {"Binds", binds},
        {"LogConfig", {{"Type", "json-file"}, {"Config", nlohmann::json::object()}}}}},
  };
  if (!spec.workdir.empty()) cfg["WorkingDir"] = spec.workdir;
  return cfg;
}

Expected<std::unique_ptr<Session>, std::string> DockerExecutor::start(const SessionSpec& spec,
                                                                      OutputSink sink) {
  auto id = client_.create_container(container_config(spec, client_.endpoint()));
  if (!id) return unexpected(id.error());
  if (auto started = client_.start(*id); !started) {
    (void)client_.remove(*id);
    // Engines inside restricted sandboxes (rootless, nested) refuse privileged containers. What
    // the builds need from PrivilegedMode is the engine itself, which the mounted socket gives.
    if (!spec.privileged || started.error().find("caps") == std::string::npos)
      return unexpected(started.error());
    auto cfg = container_config(spec, client_.endpoint());
    cfg["HostConfig"]["Privileged"] = false;
    id = client_.create_container(cfg);
    if (!id) return unexpected(id.error());
    if (auto again = client_.start(*id); !again) {
      (void)client_.remove(*id);
      return unexpected(again.error());
    }
    sink(container_line("pipemu: this Docker engine refuses privileged containers; PrivilegedMode runs "
                        "unprivileged with the engine socket mounted, so docker commands in the build work") +
         "\n");
  }
  return std::unique_ptr<Session>(new DockerSession(client_, *id, std::move(sink)));
}

}  // namespace pipemu::build
