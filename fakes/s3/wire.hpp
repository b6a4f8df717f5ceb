#pragma once
// S3's REST protocol (rest-xml), path-style and virtual-host style. Translates requests to
// s3::Service calls and results to S3's XML, headers and status codes; never touches SQL.
// S3 is the server's fallback: it matches every request no other wire claimed.
#include "fakes/core/wire.hpp"
#include "fakes/s3/service.hpp"

namespace pipemu::s3 {

class Wire : public fakes::WireService {
 public:
  explicit Wire(Service& service) : service_(service) {}
  std::string name() const override { return "s3"; }
  bool matches(const fakes::HttpRequest&) const override { return true; }
  fakes::HttpResponse handle(fakes::HttpRequest& request) override;

 private:
  Service& service_;
};

// The bucket and key a request addresses (virtual-host style when Host names a bucket).
struct Target {
  std::string bucket;
  std::string key;
};
Target target_of(const fakes::HttpRequest& request);

}  // namespace pipemu::s3
