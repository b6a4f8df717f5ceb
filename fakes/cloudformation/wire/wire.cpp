#include "fakes/cloudformation/wire/wire.hpp"

#include <random>
#include <sstream>

#include "fakes/cloudformation/adapters/fakes_ports.hpp"
#include "fakes/cloudformation/wire/operations.hpp"

namespace pipemu::cfn {

namespace {

constexpr const char* kNamespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

std::string request_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  IdSource ids(rng() | 1);
  return ids.uuid();
}

fakes::HttpResponse xml_response(int status, const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  fakes::HttpResponse r;
  r.status = status;
  r.content_type = "text/xml";
  r.body = out.str();
  return r;
}

fakes::HttpResponse error_response(const Error& e, const std::string& id) {
  pugi::xml_document doc;
  auto root = doc.append_child("ErrorResponse");
  root.append_attribute("xmlns") = kNamespace;
  auto err = root.append_child("Error");
  err.append_child("Type").text().set(e.status >= 500 ? "Receiver" : "Sender");
  err.append_child("Code").text().set(e.code.c_str());
  err.append_child("Message").text().set(e.message.c_str());
  root.append_child("RequestId").text().set(id.c_str());
  auto r = xml_response(e.status, doc);
  r.set_header("x-amzn-RequestId", id);
  return r;
}

class QueryWire : public fakes::WireService {
 public:
  QueryWire(std::shared_ptr<Service> service, std::shared_ptr<void> keep_alive = {})
      : service_(std::move(service)), keep_alive_(std::move(keep_alive)) {}

  std::string name() const override { return "cloudformation"; }

  bool matches(const fakes::HttpRequest& request) const override {
    if (request.signing_service == "cloudformation") return true;
    if (!request.signing_service.empty()) return false;
    // Unsigned: a form body naming the CloudFormation API version.
    return request.method == "POST" &&
           request.body.find("Version=2010-05-15") != std::string::npos &&
           request.body.find("Action=") != std::string::npos;
  }

  fakes::HttpResponse handle(fakes::HttpRequest& request) override {
    return wire::handle(*service_, request);
  }

 private:
  std::shared_ptr<Service> service_;
  std::shared_ptr<void> keep_alive_;
};

// The S3/SSM services behind the wire's CloudFormation, kept alive as long as the wire.
struct Backing {
  explicit Backing(fakes::Registry& r) : s3(r), ssm(r) {}
  s3::Service s3;
  ssm::Service ssm;
};

}  // namespace

namespace wire {

fakes::HttpResponse handle(Service& service, const fakes::HttpRequest& request) {
  auto id = request_id();
  try {
    auto fields = fakes::parse_form(request.body);
    for (const auto& [k, v] : request.query) fields.emplace(k, v);
    QueryArgs args(std::move(fields));
    auto action = args.get("Action");
    if (action.empty())
      return error_response(fakes::aws_error("MissingAction", "Missing Action"), id);
    auto it = handlers().find(action);
    if (it == handlers().end())
      return error_response(
          fakes::aws_error("InvalidAction", "The action " + action +
                                                " is not valid for this web service."),
          id);
    Caller caller;
    if (!request.account.empty()) caller.account = request.account;
    if (!request.region.empty()) caller.region = request.region;
    Call call{service, caller, args};

    pugi::xml_document doc;
    auto root = doc.append_child((action + "Response").c_str());
    root.append_attribute("xmlns") = kNamespace;
    auto result = root.append_child((action + "Result").c_str());
    auto done = it->second(call, result);
    if (!done) return error_response(done.error(), id);
    if (!*done) root.remove_child(result);
    root.append_child("ResponseMetadata").append_child("RequestId").text().set(id.c_str());
    auto r = xml_response(200, doc);
    r.set_header("x-amzn-RequestId", id);
    return r;
  } catch (const std::exception& e) {
    return error_response(fakes::aws_error("InternalFailure", e.what(), 500), id);
  }
}

}  // namespace wire

std::unique_ptr<fakes::WireService> make_wire(std::shared_ptr<Service> service) {
  return std::make_unique<QueryWire>(std::move(service));
}

std::unique_ptr<fakes::WireService> make_wire(fakes::Registry& registry) {
  auto backing = std::make_shared<Backing>(registry);
  auto service = make_service(registry, backing->s3, backing->ssm);
  return std::make_unique<QueryWire>(std::move(service), backing);
}

}  // namespace pipemu::cfn
