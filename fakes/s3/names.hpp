#pragma once
// S3 bucket naming rules (general purpose buckets, aws-semantics.md §8.2) and key rules.
#include <optional>
#include <string>

#include "fakes/core/aws_error.hpp"

namespace pipemu::s3 {

bool valid_bucket_name(const std::string& name);
// Keys: 1..1024 bytes, no NUL. ".." is a legal S3 key: keys never become file names here.
std::optional<fakes::AwsError> check_key(const std::string& key);

}  // namespace pipemu::s3
