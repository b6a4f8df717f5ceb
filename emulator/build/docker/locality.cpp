#include "build/docker/locality.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <set>

namespace pipemu::build::docker {

namespace {

// Text forms of this machine's interface addresses (IPv4 and IPv6).
std::set<std::string> local_addresses() {
  std::set<std::string> out;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return out;
  for (ifaddrs* i = list; i; i = i->ifa_next) {
    if (!i->ifa_addr) continue;
    char buf[INET6_ADDRSTRLEN] = {};
    if (i->ifa_addr->sa_family == AF_INET)
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, buf, sizeof buf);
    else if (i->ifa_addr->sa_family == AF_INET6)
      inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(i->ifa_addr)->sin6_addr, buf, sizeof buf);
    if (buf[0]) out.insert(buf);
  }
  freeifaddrs(list);
  return out;
}

}  // namespace

bool on_this_machine(const Endpoint& e) {
  if (e.kind == Endpoint::Kind::Unix) return true;
  std::string host = e.host;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0) return true;
  auto mine = local_addresses();
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  // A name that does not resolve is not this machine (the connection would fail anyway).
  if (getaddrinfo(host.c_str(), nullptr, &hints, &res) != 0) return false;
  bool local = false;
  for (addrinfo* a = res; a && !local; a = a->ai_next) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (a->ai_family == AF_INET)
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr, buf, sizeof buf);
    else if (a->ai_family == AF_INET6)
      inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr, buf, sizeof buf);
    std::string text = buf;
    local = text.rfind("127.", 0) == 0 || text == "::1" || mine.count(text) > 0;
  }
  freeaddrinfo(res);
  return local;
}

std::string remote_engine_error(const Endpoint& e) {
  return "the Docker engine at " + e.describe() +
         " is not on this machine, so it cannot bind-mount this machine's source, control and cache "
         "directories (--engine-files mount); use --engine-files copy or auto (the files are copied in and "
         "out of the build container), or point DOCKER_HOST at an engine on this machine";
}

}  // namespace pipemu::build::docker
