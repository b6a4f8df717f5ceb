#pragma once
// S3's error codes and messages (rest-xml; texts as AWS and moto send them). Extra <Error>
// elements go in AwsError::fields, extra headers in AwsError::headers.
#include <cstdint>
#include <string>

#include "fakes/core/aws_error.hpp"

namespace pipemu::s3 {

using fakes::AwsError;

AwsError no_such_bucket(const std::string& bucket);
AwsError no_such_key(const std::string& key);
AwsError bucket_not_empty(const std::string& bucket);
AwsError invalid_bucket_name(const std::string& bucket);
AwsError already_owned_by_you(const std::string& bucket);
AwsError already_exists(const std::string& bucket);
AwsError invalid_location_constraint(const std::string& constraint);
AwsError illegal_location_constraint(const std::string& constraint);  // "" = unspecified
AwsError permanent_redirect(const std::string& bucket, const std::string& bucket_region);
AwsError invalid_range(const std::string& range, std::uint64_t size);
AwsError no_such_upload(const std::string& upload_id);
AwsError invalid_part();
AwsError invalid_part_order();
AwsError entity_too_small(std::uint64_t size, std::uint64_t min);
AwsError malformed_xml();
AwsError invalid_argument(const std::string& message, const std::string& name = "",
                          const std::string& value = "");
AwsError key_too_long(std::size_t size);
AwsError bad_digest();
AwsError invalid_digest();                                  // malformed Content-MD5
AwsError bad_checksum(const std::string& algorithm);        // "CRC32", ... mismatch
AwsError invalid_checksum_value(const std::string& header);  // x-amz-checksum-* not base64/size
AwsError invalid_copy_range();
AwsError copy_range_unsatisfiable(const std::string& range, std::uint64_t size);
AwsError copy_to_itself();
AwsError incomplete_body();
AwsError not_implemented(const std::string& what);

}  // namespace pipemu::s3
