#include "fakes/server/server.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "fakes/s3/wire.hpp"
#include "fakes/server/sigv4.hpp"
#include "fakes/ssm/wire.hpp"

// CloudFormation's query wire plugs in from its own folder (contract in fakes/core/wire.hpp).
#include "fakes/cloudformation/wire/wire.hpp"

namespace pipemu::server {

using fakes::HttpRequest;
using fakes::HttpResponse;

namespace {

std::optional<CredentialScope> scope_of(const HttpRequest& rq) {
  if (auto s = parse_authorization(rq.header("Authorization"))) return s;
  if (rq.has_param("X-Amz-Credential")) return parse_credential(rq.param("X-Amz-Credential"));
  return std::nullopt;
}

bool is_form(const HttpRequest& rq) {
  return rq.header("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0;
}

HttpResponse json_response(const nlohmann::json& j, int status = 200) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = j.dump();
  return r;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// The query protocol's error document (CloudFormation and other query services).
HttpResponse query_error(const std::string& code, const std::string& message, int status) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/xml";
  r.body = fmt::format(
      "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error>"
      "<Type>Sender</Type><Code>{}</Code><Message>{}</Message></Error>"
      "<RequestId>pipemu</RequestId></ErrorResponse>",
      xml_escape(code), xml_escape(message));
  return r;
}

HttpResponse s3_style_error(const std::string& code, const std::string& message, int status,
                            const std::string& extra = "") {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/xml";
  r.body = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{}</Code><Message>{}</Message>{}"
      "<RequestId>pipemu</RequestId></Error>",
      xml_escape(code), xml_escape(message), extra);
  return r;
}

}  // namespace

Router::Router(fakes::Registry& registry, Options options)
    : registry_(registry),
      options_(std::move(options)),
      s3_(std::make_unique<s3::Service>(registry)),
      ssm_(std::make_unique<ssm::Service>(registry)) {
  wires_.push_back(std::make_unique<ssm::Wire>(*ssm_));
  if (auto cfn = cfn::make_wire(registry)) wires_.push_back(std::move(cfn));
  s3_wire_ = std::make_unique<s3::Wire>(*s3_);
}

Router::~Router() = default;

void Router::serve_cloudformation(std::shared_ptr<cfn::Service> service) {
  auto wire = cfn::make_wire(std::move(service));
  for (auto& w : wires_)
    if (w->name() == wire->name()) {
      w = std::move(wire);
      return;
    }
  wires_.push_back(std::move(wire));
}

void Router::add_wire(std::unique_ptr<fakes::WireService> wire) {
  wires_.push_back(std::move(wire));
}

bool Router::wants_whole_body(const HttpRequest& rq) const {
  if (rq.path.rfind("/_pipemu/", 0) == 0) return true;
  auto scope = scope_of(rq);
  if (scope && scope->service == "s3") return false;
  return rq.has_header("X-Amz-Target") || (rq.method == "POST" && is_form(rq));
}

HttpResponse Router::dispatch(HttpRequest& rq) {
  auto scope = scope_of(rq);
  rq.account = options_.account;
  rq.region = scope ? scope->region : options_.default_region;
  rq.signing_service = scope ? scope->service : "";
  if (!fakes::Registry::valid_region(rq.region))
    return s3_style_error("AuthorizationHeaderMalformed",
                          fmt::format("The authorization header is malformed; the region '{}' is "
                                      "wrong; expecting '{}'",
                                      rq.region, options_.default_region),
                          400, "<Region>" + options_.default_region + "</Region>");
  try {
    return route(rq);
  } catch (const std::exception& e) {
    if (rq.has_header("X-Amz-Target"))
      return ssm::json_error(fakes::aws_error("InternalServerError", e.what(), 500));
    return s3_style_error("InternalError", e.what(), 500);
  }
}

HttpResponse Router::route(HttpRequest& rq) {
  if (rq.path == "/_pipemu/health" && rq.method == "GET")
    return json_response({{"status", "ok"},
                          {"state", registry_.in_memory() ? ":memory:"
                                                          : registry_.state_dir().string()},
                          {"services", {"s3", "ssm", "cloudformation"}}});
  if (rq.path == "/_pipemu/reset" && rq.method == "POST") {
    registry_.reset();
    return json_response({{"reset", true}});
  }
  if (rq.path.rfind("/_pipemu/", 0) == 0)
    return json_response({{"error", "unknown pipemu endpoint " + rq.method + " " + rq.path}}, 404);

  std::string target = rq.header("X-Amz-Target");
  if (!target.empty()) {
    for (auto& w : wires_)
      if (w->matches(rq)) return w->handle(rq);
    return ssm::json_error(fakes::aws_error(
        "UnknownOperationException",
        fmt::format("pipemu does not implement the operation {} (X-Amz-Target)", target)));
  }
  if (rq.signing_service != "s3") {
    std::string action = rq.param("Action");
    if (action.empty() && is_form(rq)) {
      auto form = fakes::parse_form(rq.body);
      if (auto it = form.find("Action"); it != form.end()) action = it->second;
    }
    if (!action.empty()) {
      for (auto& w : wires_)
        if (w->matches(rq)) return w->handle(rq);
      return query_error("InvalidAction",
                         fmt::format("The action {} is not valid for this web service.", action),
                         400);
    }
  }
  return s3_wire_->handle(rq);
}

}  // namespace pipemu::server
