#include "fakes/server/server.hpp"

#include <atomic>
#include <thread>

#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include "fakes/s3/blob_gc.hpp"

namespace pipemu::server {

using fakes::HttpRequest;
using fakes::HttpResponse;

namespace {

constexpr std::size_t kMaxWholeBody = 16 * 1024 * 1024;
constexpr std::size_t kReadChunk = 1024 * 1024;

HttpRequest to_request(const httplib::Request& req) {
  HttpRequest rq;
  rq.method = req.method;
  rq.path = req.path;
  for (const auto& [k, v] : req.params) rq.query.emplace(k, v);
  for (const auto& [k, v] : req.headers) rq.headers.emplace(k, v);
  rq.body = req.body;
  return rq;
}

void to_response(const HttpResponse& r, const httplib::Request& req, httplib::Response& res) {
  res.status = r.status;
  for (const auto& [k, v] : r.headers) res.set_header(k, v);
  // Defaults for services that name no request id (headers are a multimap: never send two).
  for (const char* name : {"x-amz-request-id", "x-amzn-RequestId"})
    if (!r.headers.count(name)) res.set_header(name, "pipemu");
  if (r.file && req.method == "HEAD") {
    // httplib sends no body for HEAD; Content-Length must still tell the object's size.
    res.set_header("Content-Length", std::to_string(r.file->length));
    res.set_header("Content-Type", r.content_type);
    return;
  }
  if (r.file) {
    int fd = ::open(r.file->path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      res.status = 500;
      res.set_content("<Error><Code>InternalError</Code><Message>object body missing</Message>"
                      "</Error>",
                      "application/xml");
      return;
    }
    if (r.file->length == 0) {
      ::close(fd);
      res.set_header("Content-Type", r.content_type);
      res.set_content("", r.content_type);
      return;
    }
    auto base = static_cast<off_t>(r.file->offset);
    // One buffer per response, allocated once and not zero-filled (a fresh zeroed string per
    // chunk cost a memset of every byte sent).
    auto size = static_cast<std::size_t>(r.file->length);
    std::shared_ptr<char[]> buf(new char[std::min(size, kReadChunk)]);
    res.set_content_provider(
        size, r.content_type,
        [fd, base, buf](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          ssize_t n = ::pread(fd, buf.get(), std::min(length, kReadChunk),
                              base + static_cast<off_t>(offset));
          if (n <= 0) return false;
          return sink.write(buf.get(), static_cast<std::size_t>(n));
        },
        [fd](bool) { ::close(fd); });
    return;
  }
  if (!r.body.empty() || !r.content_type.empty()) res.set_content(r.body, r.content_type);
}

}  // namespace

struct Server::Impl {
  httplib::Server http;
  int port = -1;
  // httplib's stop() does nothing until listen has begun, so a stop() that comes before the
  // serving thread reaches listen would leave it serving forever: these let run() and stop()
  // meet whichever comes first.
  std::atomic<bool> started{false}, finished{false}, stop_requested{false};
};

Server::Server(fakes::Registry& registry, Options options)
    : impl_(std::make_unique<Impl>()),
      router_(std::make_unique<Router>(registry, options)),
      options_(std::move(options)) {
  // Bodies a killed process stored but never referenced (and state from before blob
  // collection) are found only by walking the store: once, before serving.
  s3::sweep_blobs(registry);
  auto& http = impl_->http;
  int threads = options_.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  // Debian's httplib is built without TCP_NODELAY: without it every keep-alive reply waits on
  // the client's delayed ACK (~40 ms). Accepted sockets inherit the option from the listener.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  http.set_keep_alive_max_count(100000);
  http.set_keep_alive_timeout(5);  // idle keep-alive connections delay stop() this long
  http.set_read_timeout(120);
  http.set_write_timeout(120);

  auto handler = [this](const httplib::Request& req, httplib::Response& res,
                        const httplib::ContentReader* reader) {
    // We answer Range ourselves (S3 semantics); httplib would slice every body, error documents
    // included. Compression is off: clients stream object bytes verbatim. The request object
    // is not const inside httplib, so these edits are well-defined.
    auto& mreq = const_cast<httplib::Request&>(req);
    mreq.ranges.clear();
    mreq.headers.erase("Accept-Encoding");

    HttpRequest rq = to_request(req);
    // A request without Content-Length or Transfer-Encoding has no body; httplib's reader would
    // report it as a failed read.
    bool has_body = req.has_header("Content-Length")
                        ? req.get_header_value("Content-Length") != "0"
                        : req.has_header("Transfer-Encoding");
    if (!has_body) reader = nullptr;
    bool consumed = reader == nullptr;
    if (reader) {
      rq.read_body = [reader, &consumed](const fakes::BodyChunk& sink) {
        consumed = true;
        return (*reader)([&](const char* d, std::size_t n) { return sink(d, n); });
      };
    }
    if (reader && router_->wants_whole_body(rq)) {
      bool too_big = false;
      std::string body;
      rq.read_body([&](const char* d, std::size_t n) {
        if (body.size() + n > kMaxWholeBody) {
          too_big = true;
          return false;
        }
        body.append(d, n);
        return true;
      });
      if (too_big) {
        res.status = 413;
        res.set_header("Connection", "close");
        res.set_content("<Error><Code>EntityTooLarge</Code><Message>Your proposed upload "
                        "exceeds the maximum allowed size</Message></Error>",
                        "application/xml");
        return;
      }
      rq.body = std::move(body);
      rq.read_body = nullptr;
    }
    HttpResponse r = router_->dispatch(rq);
    if (!consumed && rq.read_body) {
      // An error before the body was read: drain it, or the next request on this keep-alive
      // connection would start mid-body.
      rq.read_body([](const char*, std::size_t) { return true; });
    }
    to_response(r, req, res);
  };
  auto with_reader = [handler](const httplib::Request& req, httplib::Response& res,
                               const httplib::ContentReader& reader) {
    handler(req, res, &reader);
  };
  auto without_reader = [handler](const httplib::Request& req, httplib::Response& res) {
    handler(req, res, nullptr);
  };
  const std::string any = ".*";
  http.Get(any, without_reader);  // also HEAD
  http.Delete(any, with_reader);
  http.Put(any, with_reader);
  http.Post(any, with_reader);
  http.Patch(any, with_reader);
}

Server::~Server() { stop(); }

int Server::bind() {
  auto& http = impl_->http;
  if (options_.port == 0) {
    impl_->port = http.bind_to_any_port(options_.host);
  } else {
    impl_->port = http.bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (impl_->port < 0)
    error_ = fmt::format("cannot listen on {}:{}: {}", options_.host, options_.port,
                         std::strerror(errno));
  return impl_->port;
}

bool Server::run() {
  impl_->started = true;
  bool ok = impl_->stop_requested || impl_->http.listen_after_bind();
  impl_->finished = true;
  return ok;
}

void Server::stop() {
  impl_->stop_requested = true;
  if (!impl_->started) return;  // run() will see the request and not listen
  while (!impl_->http.is_running() && !impl_->finished) std::this_thread::yield();
  if (impl_->http.is_running()) impl_->http.stop();
}

}  // namespace pipemu::server
