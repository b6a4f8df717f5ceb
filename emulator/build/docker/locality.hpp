#pragma once
// Whether an engine endpoint runs on this machine. The docker executor's mount mode bind-mounts
// the source, control and cache directories, which an engine on another machine cannot see:
// there the executor copies files in and out instead (FilesMode::Copy, chosen automatically).
// A unix socket is local; a TCP host is local when it is a loopback name or address, or
// resolves to an address of one of this machine's interfaces.
#include <string>

#include "build/docker/endpoint.hpp"

namespace pipemu::build::docker {

bool on_this_machine(const Endpoint& endpoint);

// The error for mount mode asked of an engine on another machine (pure; tests compare it).
std::string remote_engine_error(const Endpoint& endpoint);

}  // namespace pipemu::build::docker
