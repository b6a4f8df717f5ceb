#include "fakes/server/sigv4.hpp"

#include "model/text.hpp"

namespace pipemu::server {

std::optional<CredentialScope> parse_credential(const std::string& credential) {
  auto parts = text::split(credential, '/');
  if (parts.size() != 5 || parts[4] != "aws4_request") return std::nullopt;
  return CredentialScope{parts[0], parts[1], parts[2], parts[3]};
}

std::optional<CredentialScope> parse_authorization(const std::string& header) {
  const std::string algo = "AWS4-HMAC-SHA256";
  if (header.rfind(algo, 0) != 0) return std::nullopt;
  auto p = header.find("Credential=");
  if (p == std::string::npos) return std::nullopt;
  p += 11;
  auto end = header.find_first_of(", ", p);
  return parse_credential(header.substr(p, end == std::string::npos ? std::string::npos : end - p));
}

}  // namespace pipemu::server
