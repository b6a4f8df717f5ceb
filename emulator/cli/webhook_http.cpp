#include "cli/webhook_http.hpp"

#include <httplib.h>

#include <fmt/format.h>

namespace pipemu::cli {

struct WebhookHttp::Impl {
  httplib::Server server;
};

WebhookHttp::WebhookHttp(WebhookReceiver& receiver) : impl_(std::make_unique<Impl>()) {
  auto handler = [&receiver](const httplib::Request& req, httplib::Response& res) {
    WebhookRequest rq;
    rq.method = req.method;
    rq.path = req.path;
    rq.token = req.get_param_value("t");
    rq.content_type = req.get_header_value("Content-Type");
    rq.body = req.body;
    rq.signature_256 = req.get_header_value("X-Hub-Signature-256");
    rq.event = req.get_header_value("X-GitHub-Event");
    rq.delivery = req.get_header_value("X-GitHub-Delivery");
    rq.source_ip = req.remote_addr;
    WebhookReply reply = receiver.handle(rq);
    res.status = reply.status;
    res.set_content(reply.body, "text/plain");
  };
  impl_->server.Post(".*", handler);
  impl_->server.Get(".*", handler);
  impl_->server.Put(".*", handler);
  impl_->server.Delete(".*", handler);
  // GitHub gives up after 10 s; a delivery only resolves and queues, so this is generous.
  impl_->server.set_payload_max_length(25 * 1024 * 1024);  // GitHub caps payloads at 25 MB
}

WebhookHttp::~WebhookHttp() { stop(); }

int WebhookHttp::bind(const std::string& host, int port) {
  int bound = port == 0 ? impl_->server.bind_to_any_port(host) : (impl_->server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) error_ = fmt::format("cannot listen for webhooks on {}:{}", host, port);
  return bound;
}

void WebhookHttp::run() { impl_->server.listen_after_bind(); }

void WebhookHttp::stop() { impl_->server.stop(); }

}  // namespace pipemu::cli
