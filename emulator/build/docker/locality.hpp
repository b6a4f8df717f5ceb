#pragma once
// Whether an engine endpoint runs on this machine. The docker executor bind-mounts the source,
// control and cache directories, and talks to the build's shell through a FIFO in the control
// directory: an engine on another machine sees none of them, so it cannot run pipemu's builds
// (yet: that needs the archive API for files and an attached stdin). A unix socket is local; a
// TCP host is local when it is a loopback name or address, or resolves to an address of one of
// this machine's interfaces.
#include <string>

#include "build/docker/endpoint.hpp"

namespace pipemu::build::docker {

bool on_this_machine(const Endpoint& endpoint);

// The error for an engine on another machine (pure; tests compare it).
std::string remote_engine_error(const Endpoint& endpoint);

}  // namespace pipemu::build::docker
