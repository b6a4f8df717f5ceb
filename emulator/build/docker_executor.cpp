#include "build/docker_executor.hpp"

#include <atomic>
#include <random>
#include <thread>

#include "build/docker/container_files.hpp"
#include "build/docker/ownership.hpp"
#include "build/live_objects.hpp"
#include "build/log_format.hpp"

namespace pipemu::build {
namespace {

// Until removed, an interrupted pipemu removes them on its way out (live_objects.hpp).
std::string container_key(const std::string& id) { return "container " + id.substr(0, 12); }
std::string volume_key(const std::string& name) { return "volume " + name; }

void remove_container(const docker::Client& client, const std::string& id) {
  (void)client.remove(id);
  LiveObjects::process().drop(container_key(id));
}

void remove_volume(const docker::Client& client, const std::string& name) {
  (void)client.remove_volume(name);
  LiveObjects::process().drop(volume_key(name));
}

// false: pipemu is being interrupted; the object is removed at once.
bool keep_container(const docker::Client& client, const std::string& id) {
  if (LiveObjects::process().add(container_key(id), [client, id] { (void)client.remove(id); })) return true;
  (void)client.remove(id);
  return false;
}

class DockerSession : public Session {
 public:
  DockerSession(docker::Client client, std::string id, OutputSink sink, bool copies,
                std::vector<std::string> volumes)
      : client_(std::move(client)), id_(std::move(id)), volumes_(std::move(volumes)) {
    if (copies) files_ = std::make_unique<docker::ContainerFiles>(client_, id_);
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
    remove_container(client_, id_);
    for (const auto& v : volumes_) remove_volume(client_, v);
  }
  void kill() override { (void)client_.kill(id_); }
  Expected<long, std::string> wait() override {
    if (follower_.joinable()) follower_.join();
    auto code = client_.wait(id_);
    if (!code) return code;
    if (!stream_error_.empty()) return unexpected(stream_error_);
    return code;
  }
  SessionFiles* files() override { return files_.get(); }

 private:
  docker::Client client_;
  std::string id_;
  std::vector<std::string> volumes_;
  std::unique_ptr<docker::ContainerFiles> files_;
  std::thread follower_;
  std::string stream_error_;
};

}  // namespace

nlohmann::json container_config(const SessionSpec& spec, const docker::Endpoint& engine, FilesMode mode) {
  nlohmann::json env = nlohmann::json::array();
  for (const auto& [k, v] : spec.env) env.push_back(k + "=" + v);
  nlohmann::json binds = nlohmann::json::array();
  nlohmann::json mounts = nlohmann::json::array();
  for (const auto& m : spec.mounts) {
    if (mode == FilesMode::Copy) {
      if (!m.volume.empty())
        mounts.push_back({{"Type", "volume"}, {"Source", m.volume}, {"Target", m.container}});
      continue;  // the rest is uploaded
    }
    binds.push_back(m.host + ":" + m.container + (m.read_only ? ":ro" : ""));
  }
  if (spec.privileged) {
    // The build's docker CLI reaches the same engine pipemu uses (the article's `docker run`).
    if (engine.kind == docker::Endpoint::Kind::Unix)
      binds.push_back(engine.path + ":/var/run/docker.sock");
    else
      env.push_back("DOCKER_HOST=" + engine.describe());
  }
  nlohmann::json host = {{"NetworkMode", "host"}, {"Privileged", spec.privileged}, {"Binds", binds},
                         {"LogConfig", {{"Type", "json-file"}, {"Config", nlohmann::json::object()}}}};
  if (!mounts.empty()) host["Mounts"] = mounts;
  nlohmann::json cfg = {
      {"Image", spec.image},
      {"Cmd", spec.command},
      {"Env", env},
      {"Tty", false},
      {"OpenStdin", false},
      {"AttachStdout", true},
      {"AttachStderr", true},
      {"Labels", docker::object_labels(spec.label)},
      {"HostConfig", host},
  };
  if (!spec.workdir.empty()) cfg["WorkingDir"] = spec.workdir;
  return cfg;
}

Expected<EngineDir, std::string> DockerExecutor::create_engine_dir(const std::string& label) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string name = "pipemu-src-" + std::to_string(rng() % 1000000000000ULL);
  auto path = client_.create_volume(name, docker::object_labels(label));
  if (!path) return unexpected(path.error());
  docker::Client client = client_;
  if (!LiveObjects::process().add(volume_key(name), [client, name] { (void)client.remove_volume(name); })) {
    (void)client_.remove_volume(name);
    return unexpected(std::string("pipemu is stopping"));
  }
  return EngineDir{name, *path};
}

void DockerExecutor::remove_engine_dir(const std::string& volume) { remove_volume(client_, volume); }

Expected<std::unique_ptr<Session>, std::string> DockerExecutor::start(const SessionSpec& spec,
                                                                      OutputSink sink) {
  std::vector<std::string> volumes;
  for (const auto& m : spec.mounts)
    if (!m.volume.empty()) volumes.push_back(m.volume);
  auto fail = [&](const std::string& id, std::string why) -> Expected<std::unique_ptr<Session>, std::string> {
    if (!id.empty()) remove_container(client_, id);
    for (const auto& v : volumes) remove_volume(client_, v);
    return unexpected(std::move(why));
  };
  // Copy mode: the container exists but has not started when the files go in, so the shell
  // finds its control directory (and FIFO) and the source in place.
  auto create = [&](const nlohmann::json& cfg) -> Expected<std::string, std::string> {
    auto id = client_.create_container(cfg);
    if (!id) return id;
    if (!keep_container(client_, *id)) return unexpected(std::string("pipemu is stopping"));
    if (mode_ != FilesMode::Copy) return id;
    std::vector<std::pair<std::string, std::string>> dirs;
    for (const auto& m : spec.mounts) dirs.emplace_back(m.host, m.container);
    if (auto up = docker::upload_dirs(client_, *id, dirs); !up) {
      remove_container(client_, *id);
      return unexpected("copying the build's files into its container: " + up.error());
    }
    return id;
  };
  auto cfg = container_config(spec, client_.endpoint(), mode_);
  auto id = create(cfg);
  if (!id) return fail("", id.error());
  if (auto started = client_.start(*id); !started) {
    // Engines inside restricted sandboxes (rootless, nested) refuse privileged containers. What
    // the builds need from PrivilegedMode is the engine itself, which the mounted socket gives.
    if (!spec.privileged || started.error().find("caps") == std::string::npos) return fail(*id, started.error());
    remove_container(client_, *id);
    cfg["HostConfig"]["Privileged"] = false;
    id = create(cfg);
    if (!id) return fail("", id.error());
    if (auto again = client_.start(*id); !again) return fail(*id, again.error());
    sink(container_line("pipemu: this Docker engine refuses privileged containers; PrivilegedMode runs "
                        "unprivileged with the engine socket mounted, so docker commands in the build work") +
         "\n");
  }
  return std::unique_ptr<Session>(new DockerSession(client_, *id, std::move(sink), mode_ == FilesMode::Copy,
                                                    std::move(volumes)));
}

}  // namespace pipemu::build
