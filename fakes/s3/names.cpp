#include "fakes/s3/names.hpp"

#include <arpa/inet.h>

#include "fakes/s3/errors.hpp"

namespace pipemu::s3 {

namespace {
bool starts(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }
bool ends(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
}  // namespace

bool valid_bucket_name(const std::string& n) {
  if (n.size() < 3 || n.size() > 63) return false;
  for (char c : n)
    if (!alnum(c) && c != '.' && c != '-') return false;
  if (!alnum(n.front()) || !alnum(n.back())) return false;
  if (n.find("..") != std::string::npos) return false;
  in_addr addr{};
  if (inet_pton(AF_INET, n.c_str(), &addr) == 1) return false;
  for (const char* p : {"xn--", "sthree-", "amzn-s3-demo-"})
    if (starts(n, p)) return false;
  for (const char* s : {"-s3alias", "--ol-s3", ".mrap", "--x-s3"})
    if (ends(n, s)) return false;
  return true;
}

std::optional<fakes::AwsError> check_key(const std::string& key) {
  if (key.size() > 1024) return key_too_long(key.size());
  if (key.find('\0') != std::string::npos)
    return invalid_argument("Object key must not contain a NUL character", "key", "");
  return std::nullopt;
}

}  // namespace pipemu::s3
