#pragma once
// SSM's JSON 1.1 protocol: POST / with X-Amz-Target: AmazonSSM.<Operation>, JSON body, JSON
// answer; errors are {"__type": code, "message": text} with status 400 (5xx for ours).
// Translates to ssm::Service calls; never touches SQL.
#include <memory>
#include <string>
#include <vector>

#include "fakes/core/wire.hpp"
#include "fakes/ssm/service.hpp"

namespace pipemu::ssm {

class Wire : public fakes::WireService {
 public:
  explicit Wire(Service& service) : service_(service) {}
  std::string name() const override { return "ssm"; }
  bool matches(const fakes::HttpRequest& request) const override;
  fakes::HttpResponse handle(fakes::HttpRequest& request) override;

 private:
  Service& service_;
};

// The operations the wire answers (X-Amz-Target: AmazonSSM.<name>), from its dispatch table.
std::vector<std::string> operation_names();

// A JSON 1.1 error response (shared shape for any JSON service).
fakes::HttpResponse json_error(const fakes::AwsError& error);

}  // namespace pipemu::ssm
