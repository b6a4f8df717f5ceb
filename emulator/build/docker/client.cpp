#include "build/docker/client.hpp"

#include <httplib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <thread>

#include "build/docker/frames.hpp"

namespace pipemu::build::docker {
namespace {

// cpp-httplib 0.11 (Debian 12) cannot dial a unix socket, but its ClientImpl makes the
// connection in a virtual function: override that one step and keep httplib's HTTP handling.
// The Host header stays "localhost", which the engine expects.
class UnixClient : public httplib::ClientImpl {
 public:
  explicit UnixClient(std::string path) : httplib::ClientImpl("localhost", 80), path_(std::move(path)) {}

 protected:
  bool create_and_connect_socket(Socket& socket, httplib::Error& error) override {
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      error = httplib::Error::Connection;
      return false;
    }
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path_.size() >= sizeof(addr.sun_path)) {
      ::close(fd);
      error = httplib::Error::Connection;
      return false;
    }
    std::memcpy(addr.sun_path, path_.c_str(), path_.size() + 1);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      ::close(fd);
      error = httplib::Error::Connection;
      return false;
    }
    socket.sock = fd;
    return true;
  }

 private:
  std::string path_;
};

std::unique_ptr<httplib::ClientImpl> connect(const Endpoint& e, time_t read_timeout_s) {
  std::unique_ptr<httplib::ClientImpl> c;
  if (e.kind == Endpoint::Kind::Unix)
    c = std::make_unique<UnixClient>(e.path);
  else
    c = std::make_unique<httplib::ClientImpl>(e.host, e.port);
  c->set_connection_timeout(5, 0);
  c->set_read_timeout(read_timeout_s, 0);
  c->set_keep_alive(false);
  return c;
}

std::string engine_message(const httplib::Response& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_object() && j.contains("message") && j["message"].is_string())
    return j["message"].get<std::string>();
  return r.body;
}

template <class R>
Expected<const httplib::Response*, std::string> check(const R& res, const Endpoint& e,
                                                      const std::string& what) {
  if (!res)
    return unexpected("Docker engine at " + e.describe() + " did not answer " + what + ": " +
                      httplib::to_string(res.error()));
  if (res->status >= 300)
    return unexpected("Docker engine: " + what + " failed (HTTP " + std::to_string(res->status) +
                      "): " + engine_message(*res));
  return &*res;
}

std::string escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

Expected<std::string, std::string> Client::version() const {
  auto c = connect(endpoint_, 10);
  auto res = c->Get("/version");
  auto ok = check(res, endpoint_, "GET /version");
  if (!ok) return unexpected(ok.error());
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (!j.is_object() || !j.contains("Version"))
    return unexpected("Docker engine at " + endpoint_.describe() + " sent an unexpected /version");
  return j["Version"].get<std::string>();
}

Expected<bool, std::string> Client::image_exists(const std::string& image) const {
  auto c = connect(endpoint_, 30);
  auto res = c->Get("/images/" + escape(image) + "/json");
  if (res && res->status == 404) return false;
  auto ok = check(res, endpoint_, "image inspect");
  if (!ok) return unexpected(ok.error());
  return true;
}

Expected<std::string, std::string> Client::create_container(const nlohmann::json& config) const {
  auto c = connect(endpoint_, 60);
  auto res = c->Post("/containers/create", config.dump(), "application/json");
  auto ok = check(res, endpoint_, "container create");
  if (!ok) return unexpected(ok.error());
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (!j.is_object() || !j.contains("Id")) return unexpected("Docker engine: create returned no Id");
  return j["Id"].get<std::string>();
}

Expected<Ok, std::string> Client::start(const std::string& id) const {
  auto c = connect(endpoint_, 60);
  auto ok = check(c->Post("/containers/" + id + "/start"), endpoint_, "container start");
  if (!ok) return unexpected(ok.error());
  return Ok{};
}

Expected<Ok, std::string> Client::kill(const std::string& id) const {
  auto c = connect(endpoint_, 30);
  auto res = c->Post("/containers/" + id + "/kill");
  // 409: the container is not running any more, which is what we wanted.
  if (res && res->status == 409) return Ok{};
  auto ok = check(res, endpoint_, "container kill");
  if (!ok) return unexpected(ok.error());
  return Ok{};
}

Expected<Ok, std::string> Client::remove(const std::string& id) const {
  auto c = connect(endpoint_, 60);
  auto res = c->Delete("/containers/" + id + "?force=1&v=1");
  if (res && res->status == 404) return Ok{};
  auto ok = check(res, endpoint_, "container remove");
  if (!ok) return unexpected(ok.error());
  return Ok{};
}

Expected<Ok, std::string> Client::follow_logs(
    const std::string& id, std::function<void(std::string_view)> on_output) const {
  // The stream stays open as long as the container runs; a build's own timeout bounds it.
  auto c = connect(endpoint_, 24 * 3600);
  FrameDemuxer demux([&](int, std::string_view payload) { on_output(payload); });
  int status = 0;
  auto res = c->Get(
      "/containers/" + id + "/logs?follow=1&stdout=1&stderr=1", httplib::Headers{},
      [&](const httplib::Response& r) {
        status = r.status;
        return true;
      },
      [&](const char* data, size_t n) {
        if (status < 300) demux.feed(std::string_view(data, n));
        return true;
      });
  if (!res)
    return unexpected("Docker engine: log stream of " + id.substr(0, 12) +
                      " broke: " + httplib::to_string(res.error()));
  if (res->status >= 300)
    return unexpected("Docker engine: logs failed (HTTP " + std::to_string(res->status) + ")");
  return Ok{};
}

Expected<long, std::string> Client::wait(const std::string& id) const {
  auto c = connect(endpoint_, 24 * 3600);
  auto res = c->Post("/containers/" + id + "/wait");
  auto ok = check(res, endpoint_, "container wait");
  if (!ok) return unexpected(ok.error());
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (!j.is_object() || !j.contains("StatusCode")) return unexpected("Docker engine: bad wait reply");
  return j["StatusCode"].get<long>();
}

Expected<Ok, std::string> Client::put_archive(const std::string& id, const std::string& dir,
                                              const std::string& tar) const {
  auto c = connect(endpoint_, 300);
  auto res = c->Put("/containers/" + id + "/archive?path=" + escape(dir), tar, "application/x-tar");
  auto ok = check(res, endpoint_, "upload to " + dir);
  if (!ok) return unexpected(ok.error());
  return Ok{};
}

Expected<Ok, std::string> Client::put_archive_stream(
    const std::string& id, const std::string& dir,
    const std::function<Expected<Ok, std::string>(const BodyWriter&)>& produce) const {
  auto c = connect(endpoint_, 300);
  std::string produce_error;
  auto res = c->Put(
      "/containers/" + id + "/archive?path=" + escape(dir),
      [&](size_t, httplib::DataSink& sink) {
        auto made = produce([&](const char* d, size_t n) { return sink.write(d, n); });
        if (!made) {
          produce_error = made.error();
          return false;
        }
        sink.done();
        return true;
      },
      "application/x-tar");
  if (!produce_error.empty()) return unexpected(produce_error);
  auto ok = check(res, endpoint_, "upload to " + dir);
  if (!ok) return unexpected(ok.error());
  return Ok{};
}

Expected<std::optional<std::string>, std::string> Client::get_archive(const std::string& id,
                                                                      const std::string& path) const {
  auto c = connect(endpoint_, 300);
  auto res = c->Get("/containers/" + id + "/archive?path=" + escape(path));
  if (res && res->status == 404) return std::optional<std::string>{};
  auto ok = check(res, endpoint_, "download of " + path);
  if (!ok) return unexpected(ok.error());
  return std::optional<std::string>(std::move(res->body));
}

Expected<bool, std::string> Client::get_archive_to(const std::string& id, const std::string& path,
                                                  const std::string& file) const {
  auto c = connect(endpoint_, 300);
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (!out) return unexpected("cannot write " + file);
  int status = 0;
  bool write_failed = false;
  auto res = c->Get(
      "/containers/" + id + "/archive?path=" + escape(path), httplib::Headers{},
      [&](const httplib::Response& r) {
        status = r.status;
        return true;
      },
      [&](const char* data, size_t n) {
        if (status >= 300) return true;  // an error body: kept by httplib for the message
        write_failed = std::fwrite(data, 1, n, out) != n;
        return !write_failed;
      });
  bool closed = std::fclose(out) == 0;
  if (write_failed || !closed) return unexpected("cannot write " + file);
  if (res && res->status == 404) return false;
  auto ok = check(res, endpoint_, "download of " + path);
  if (!ok) return unexpected(ok.error());
  return true;
}

Expected<long, std::string> Client::exec(const std::string& id, const std::vector<std::string>& argv,
                                         std::string* output) const {
  auto c = connect(endpoint_, 60);
  nlohmann::json create = {{"Cmd", argv}, {"AttachStdout", true}, {"AttachStderr", true}, {"Tty", false}};
  auto res = c->Post("/containers/" + id + "/exec", create.dump(), "application/json");
  auto ok = check(res, endpoint_, "exec create");
  if (!ok) return unexpected(ok.error());
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (!j.is_object() || !j.contains("Id") || !j["Id"].is_string())
    return unexpected(std::string("Docker engine: exec create returned no Id"));
  std::string eid = j["Id"];
  // With its output attached, start answers with the raw stream and closes it when the process
  // ends: reading to the end is waiting for it (no polling while it runs).
  std::string out;
  FrameDemuxer demux([&](int, std::string_view payload) { out.append(payload); });
  auto c2 = connect(endpoint_, 300);
  auto started = c2->Post("/exec/" + eid + "/start", nlohmann::json({{"Detach", false}, {"Tty", false}}).dump(),
                          "application/json");
  auto ok2 = check(started, endpoint_, "exec start");
  if (!ok2) return unexpected(ok2.error());
  demux.feed(started->body);
  if (output) *output = out;
  // The exit code lands in the inspect data just after the stream ends.
  for (int i = 0; i < 2000; ++i) {
    auto c3 = connect(endpoint_, 30);
    auto inspected = c3->Get("/exec/" + eid + "/json");
    auto ok3 = check(inspected, endpoint_, "exec inspect");
    if (!ok3) return unexpected(ok3.error());
    auto info = nlohmann::json::parse(inspected->body, nullptr, false);
    if (!info.is_object()) return unexpected(std::string("Docker engine: bad exec inspect reply"));
    if (!info.value("Running", false) && info.contains("ExitCode") && info["ExitCode"].is_number())
      return info["ExitCode"].get<long>();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return unexpected("Docker engine: exec in " + id.substr(0, 12) + " did not finish");
}

Expected<std::string, std::string> Client::create_volume(const std::string& name,
                                                         const std::map<std::string, std::string>& labels) const {
  auto c = connect(endpoint_, 60);
  nlohmann::json body = {{"Name", name}, {"Labels", labels}};
  auto res = c->Post("/volumes/create", body.dump(), "application/json");
  auto ok = check(res, endpoint_, "volume create");
  if (!ok) return unexpected(ok.error());
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (!j.is_object() || !j.contains("Mountpoint") || !j["Mountpoint"].is_string())
    return unexpected(std::string("Docker engine: volume create returned no Mountpoint"));
  return j["Mountpoint"].get<std::string>();
}

Expected<Ok, std::string> Client::remove_volume(const std::string& name) const {
  auto c = connect(endpoint_, 60);
  auto res = c->Delete("/volumes/" + escape(name) + "?force=1");
  if (res && res->status == 404) return Ok{};
  auto ok = check(res, endpoint_, "volume remove");
  if (!ok) return unexpected(ok.error());
  return Ok{};
}

namespace {

std::map<std::string, std::string> labels_of(const nlohmann::json& j) {
  std::map<std::string, std::string> out;
  if (j.is_object())
    for (const auto& [k, v] : j.items())
      if (v.is_string()) out[k] = v.get<std::string>();
  return out;
}

std::string label_filter(const std::string& label) {
  return escape(nlohmann::json{{"label", {label}}}.dump());
}

}  // namespace

Expected<std::vector<Client::Labelled>, std::string> Client::containers_labelled(const std::string& label) const {
  auto c = connect(endpoint_, 60);
  auto res = c->Get("/containers/json?all=1&filters=" + label_filter(label));
  auto ok = check(res, endpoint_, "container list");
  if (!ok) return unexpected(ok.error());
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (!j.is_array()) return unexpected(std::string("Docker engine: container list is not an array"));
  std::vector<Labelled> out;
  for (const auto& item : j)
    if (item.is_object() && item.contains("Id") && item["Id"].is_string())
      out.push_back({item["Id"].get<std::string>(), labels_of(item.value("Labels", nlohmann::json()))});
  return out;
}

Expected<std::vector<Client::Labelled>, std::string> Client::volumes_labelled(const std::string& label) const {
  auto c = connect(endpoint_, 60);
  auto res = c->Get("/volumes?filters=" + label_filter(label));
  auto ok = check(res, endpoint_, "volume list");
  if (!ok) return unexpected(ok.error());
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (!j.is_object()) return unexpected(std::string("Docker engine: volume list is not an object"));
  std::vector<Labelled> out;
  // "Volumes" is null, not [], when there are none.
  if (j.contains("Volumes") && j["Volumes"].is_array())
    for (const auto& item : j["Volumes"])
      if (item.is_object() && item.contains("Name") && item["Name"].is_string())
        out.push_back({item["Name"].get<std::string>(), labels_of(item.value("Labels", nlohmann::json()))});
  return out;
}

}  // namespace pipemu::build::docker
