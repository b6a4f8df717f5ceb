#pragma once
// SSM's error codes and messages (botocore ssm/2014-11-06 model; texts as moto and AWS print them).
#include <string>

#include "fakes/core/aws_error.hpp"

namespace pipemu::ssm {

using fakes::AwsError;

AwsError validation(const std::string& message);
AwsError parameter_not_found(const std::string& name);
AwsError parameter_already_exists();
AwsError version_not_found(const std::string& name, const std::string& version);
AwsError hierarchy_level_limit();
AwsError hierarchy_type_mismatch(const std::string& from, const std::string& to);
AwsError access_denied_reserved(const std::string& name);
AwsError max_version_limit(const std::string& name, long long oldest);
AwsError label_limit();
AwsError too_long_value(std::size_t limit);
AwsError unknown_operation(const std::string& operation);

}  // namespace pipemu::ssm
