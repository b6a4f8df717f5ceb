#pragma once
// The SigV4 credential scope of a request, parsed and never verified: region and signing
// service decide which regional state and which fake answer (aws-semantics.md §9).
#include <optional>
#include <string>

namespace pipemu::server {

struct CredentialScope {
  std::string access_key;
  std::string date;
  std::string region;
  std::string service;
};

// From "AWS4-HMAC-SHA256 Credential=AKID/20261127/eu-west-1/s3/aws4_request, ..." or a
// presigned X-Amz-Credential value "AKID/20261127/eu-west-1/s3/aws4_request".
std::optional<CredentialScope> parse_authorization(const std::string& header);
std::optional<CredentialScope> parse_credential(const std::string& credential);

}  // namespace pipemu::server
