// The ceiling for tools/bench-fakes: a cpp-httplib server that answers every request at once.
// Same library, thread pool and TCP_NODELAY as `pipemu serve`, so the gap to it is pipemu's own
// work. Two modes:
//   null_server PORT                 200 with an empty body for everything (the wrk ceiling)
//   null_server PORT UPSTREAM_PORT   replay: the first request of each kind is forwarded to the
//                                    upstream (pipemu) and its answer recorded; every later one
//                                    gets the recorded status, headers and body at once. boto3
//                                    then parses exactly the bytes pipemu sends (an empty body
//                                    would make the client's parsing look free), while the server
//                                    does no work: the honest ceiling for the boto3 loop.
// A request's kind: method, path, query, X-Amz-Target, and for non-S3 calls the body.
// Build: g++ -O2 -std=c++17 null_server.cpp $(pkg-config --cflags --libs cpp-httplib) -pthread
#include <httplib.h>
#include <netinet/tcp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace {

constexpr std::size_t kSlice = 1024 * 1024;

struct Recorded {
  int status = 200;
  httplib::Headers headers;
  std::string body;
  std::string content_type;
};

std::string kind(const httplib::Request& req, const std::string& body) {
  std::string k = req.method + " " + req.path + "?";
  for (const auto& [name, value] : req.params) k += name + "=" + value + "&";
  std::string target = req.get_header_value("X-Amz-Target");
  k += "|" + target;
  if (!target.empty() || req.method == "POST") k += "|" + body;
  return k;
}

}  // namespace

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 0;
  int upstream = argc > 2 ? std::atoi(argv[2]) : 0;
  httplib::Server svr;
  svr.new_task_queue = [] { return new httplib::ThreadPool(64); };
  svr.set_socket_options([](socket_t s) {
    int yes = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  svr.set_keep_alive_max_count(100000);
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const Recorded>> cache;

  auto answer = [&](const httplib::Request& req, httplib::Response& res, const std::string& body) {
    if (!upstream) {
      res.status = 200;
      return;
    }
    std::string k = kind(req, body);
    std::shared_ptr<const Recorded> hit;
    {
      std::lock_guard lock(mutex);
      if (auto it = cache.find(k); it != cache.end()) hit = it->second;
    }
    if (!hit) {
      httplib::Client cli("127.0.0.1", upstream);
      httplib::Headers h;
      for (const auto& [name, value] : req.headers)
        if (name != "Content-Length" && name != "Host" && name != "REMOTE_ADDR" &&
            name != "REMOTE_PORT" && name != "LOCAL_ADDR" && name != "LOCAL_PORT")
          h.emplace(name, value);
      httplib::Request fwd;
      fwd.method = req.method;
      fwd.path = req.target.empty() ? req.path : req.target;
      fwd.headers = h;
      fwd.body = body;
      if (!body.empty() || req.method == "PUT" || req.method == "POST")
        fwd.headers.emplace("Content-Length", std::to_string(body.size()));
      auto r = cli.send(fwd);
      if (!r) {
        res.status = 502;
        return;
      }
      auto rec = std::make_shared<Recorded>();
      rec->status = r->status;
      rec->body = r->body;
      rec->content_type = r->get_header_value("Content-Type");
      for (const auto& [name, value] : r->headers)
        if (name != "Content-Length" && name != "Content-Type" && name != "Connection" &&
            name != "Keep-Alive")
          rec->headers.emplace(name, value);
      hit = rec;
      std::lock_guard lock(mutex);
      cache.emplace(k, hit);
    }
    res.status = hit->status;
    for (const auto& [name, value] : hit->headers) res.set_header(name, value);
    if (req.method == "HEAD") {
      res.set_header("Content-Length", hit->headers.count("Content-Length")
                                           ? hit->headers.find("Content-Length")->second
                                           : std::to_string(hit->body.size()));
      return;
    }
    if (hit->body.size() > kSlice) {
      // Large bodies (the 64 MiB GET) stream from the recording in slices, as pipemu streams
      // from its file: the same httplib write path, no file read, no copy of the body.
      res.set_content_provider(hit->body.size(), hit->content_type,
                               [hit](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 return sink.write(hit->body.data() + offset,
                                                   std::min(length, kSlice));
                               });
      return;
    }
    if (!hit->body.empty() || !hit->content_type.empty())
      res.set_content(hit->body, hit->content_type);
  };
  auto with_body = [&](const httplib::Request& req, httplib::Response& res,
                       const httplib::ContentReader& reader) {
    std::string body;
    reader([&](const char* d, size_t n) {
      body.append(d, n);
      return true;
    });
    answer(req, res, body);
  };
  auto without_body = [&](const httplib::Request& req, httplib::Response& res) {
    answer(req, res, "");
  };
  svr.Get(".*", without_body);
  svr.Put(".*", with_body);
  svr.Post(".*", with_body);
  svr.Delete(".*", with_body);
  int bound = port ? (svr.bind_to_port("127.0.0.1", port) ? port : -1)
                   : svr.bind_to_any_port("127.0.0.1");
  if (bound < 0) return 1;
  std::printf("%d\n", bound);
  std::fflush(stdout);
  svr.listen_after_bind();
}
