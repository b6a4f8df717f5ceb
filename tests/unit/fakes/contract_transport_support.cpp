#include "contract_support.hpp"

#include <catch2/catch.hpp>

#include <httplib.h>

#include <fstream>
#include <thread>

namespace pipemu::test {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class InProcess : public Transport {
 public:
  explicit InProcess(fakes::Registry& r) : router_(r, server::Options{}) {}
  std::string name() const override { return "in-process"; }
  Reply send(const std::string& method, const std::string& path, const Headers& headers,
             const std::string& body) override {
    fakes::HttpRequest rq;
    rq.method = method;
    auto q = path.find('?');
    rq.path = fakes::url_decode(path.substr(0, q), false);
    if (q != std::string::npos) rq.query = fakes::parse_form(path.substr(q + 1));
    for (const auto& [k, v] : headers) rq.headers.emplace(k, v);
    if (router_.wants_whole_body(rq)) {
      rq.body = body;
    } else {
      rq.read_body = [body](const fakes::BodyChunk& sink) {
        return body.empty() || sink(body.data(), body.size());
      };
    }
    auto r = router_.dispatch(rq);
    Reply out;
    out.status = r.status;
    for (const auto& [k, v] : r.headers) out.headers[lower(k)] = v;
    if (!r.content_type.empty()) out.headers["content-type"] = r.content_type;
    if (r.file && method != "HEAD") {
      std::ifstream in(r.file->path, std::ios::binary);
      in.seekg(static_cast<std::streamoff>(r.file->offset));
      out.body.resize(r.file->length);
      in.read(out.body.data(), static_cast<std::streamsize>(r.file->length));
    } else if (method != "HEAD") {
      out.body = r.body;
    }
    if (r.file) out.headers["content-length"] = std::to_string(r.file->length);
    return out;
  }

 private:
  server::Router router_;
};

class OverHttp : public Transport {
 public:
  explicit OverHttp(fakes::Registry& r) {
    server::Options o;
    o.port = 0;
    o.threads = 4;
    server_ = std::make_unique<server::Server>(r, o);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    // Wait until the listener accepts.
    for (int i = 0; i < 200 && !client_->Get("/_pipemu/health"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~OverHttp() override {
    server_->stop();
    thread_.join();
  }
  std::string name() const override { return "http"; }
  Reply send(const std::string& method, const std::string& path, const Headers& headers,
             const std::string& body) override {
    httplib::Headers h;
    for (const auto& [k, v] : headers) h.emplace(k, v);
    std::string type = headers.count("Content-Type") ? headers.at("Content-Type") : "";
    httplib::Result res{nullptr, httplib::Error::Unknown};
    if (method == "GET") res = client_->Get(path, h);
    else if (method == "HEAD") res = client_->Head(path, h);
    else if (method == "DELETE") res = client_->Delete(path, h, body, type);
    else if (method == "PUT") res = client_->Put(path, h, body, type);
    else res = client_->Post(path, h, body, type);
    Reply out;
    if (!res) return out;
    out.status = res->status;
    std::map<std::string, int> seen;
    for (const auto& [k, v] : res->headers) {
      out.headers[lower(k)] = v;
      // AWS sends each header once; a client keeps one of two copies, whichever it likes.
      if (++seen[lower(k)] == 2) FAIL_CHECK(method << " " << path << ": header " << k << " twice");
    }
    out.body = res->body;
    return out;
  }

 private:
  std::unique_ptr<server::Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace

std::unique_ptr<Transport> in_process(fakes::Registry& registry) {
  return std::make_unique<InProcess>(registry);
}
std::unique_ptr<Transport> over_http(fakes::Registry& registry) {
  return std::make_unique<OverHttp>(registry);
}

Headers signed_for(const std::string& region, const std::string& service) {
  return {{"Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/" + region + "/" + service +
                                "/aws4_request, SignedHeaders=host, Signature=0"}};
}

}  // namespace pipemu::test
