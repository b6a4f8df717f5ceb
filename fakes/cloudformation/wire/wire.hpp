#pragma once
// CloudFormation's query protocol (POST / with Action=<Op>&Version=2010-05-15, XML responses)
// in front of cfn::Service, plugged into fakes/server (see fakes/core/wire.hpp).
#include <memory>

#include "fakes/cloudformation/service.hpp"
#include "fakes/core/registry.hpp"
#include "fakes/core/wire.hpp"

namespace pipemu::cfn {

// A wire over its own Service, whose resources reach the S3 and SSM fakes of `registry`.
std::unique_ptr<fakes::WireService> make_wire(fakes::Registry& registry);

// A wire over an existing service (tests, the emulator's in-process server).
std::unique_ptr<fakes::WireService> make_wire(std::shared_ptr<Service> service);

namespace wire {
// Answers one decoded request; never throws.
fakes::HttpResponse handle(Service& service, const fakes::HttpRequest& request);
}  // namespace wire

}  // namespace pipemu::cfn
