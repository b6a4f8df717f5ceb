#pragma once
// SSM Parameter Store, AWS semantics (aws-semantics.md §8.1). Called in-process by the emulator
// (build's parameter-store env, CloudFormation's SSM parameter types) and by the JSON 1.1 wire.
//
// Contract:
//  - account and region are explicit on every call; each region has its own parameters.
//  - Every call is one SQLite transaction; errors are values (fakes::AwsError with the AWS code:
//    ParameterNotFound, ParameterAlreadyExists, ParameterVersionNotFound, ValidationException,
//    HierarchyLevelLimitExceededException, HierarchyTypeMismatchException, ...).
//  - Names may carry a selector, "name:3" (version) or "name:label", in get_parameter(s).
//  - SecureString values are stored as given; without with_decryption they come back as
//    "kms:<key id>:<value>" (not real encryption: a marker that decryption was not asked for).
//  - Thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fakes/core/registry.hpp"

namespace pipemu::ssm {

using fakes::Result;

struct Parameter {
  std::string name;
  std::string type;  // String | StringList | SecureString
  std::string value;
  std::int64_t version = 0;
  double last_modified = 0;  // epoch seconds
  std::string arn;
  std::string data_type;  // "text"
  std::string tier;       // Standard | Advanced
  std::string description;
  std::string key_id;
  std::string allowed_pattern;
  std::string selector;  // ":3" or ":label" when asked with one
  std::vector<std::string> labels;
};

struct PutParameterRequest {
  std::string name;
  std::string value;
  std::string type;  // empty: keep the existing type (overwrite) / error (create)
  std::string description;
  std::string key_id;
  std::string allowed_pattern;
  std::string tier;  // empty: Standard (or the existing tier)
  std::string data_type;
  bool overwrite = false;
  std::vector<std::pair<std::string, std::string>> tags;
};

struct PutParameterResult {
  std::int64_t version = 0;
  std::string tier;
};

struct GetParametersResult {
  std::vector<Parameter> parameters;
  std::vector<std::string> invalid_parameters;
};

struct ParameterFilter {
  std::string key;     // Name, Type, KeyId, Path, Tier, Label, DataType
  std::string option;  // Equals, BeginsWith, Recursive, OneLevel, Contains
  std::vector<std::string> values;
};

struct GetByPathRequest {
  std::string path;
  bool recursive = false;
  bool with_decryption = false;
  std::vector<ParameterFilter> filters;
  int max_results = 10;
  std::string next_token;
};

struct DescribeRequest {
  std::vector<ParameterFilter> filters;  // ParameterFilters (and legacy Filters)
  int max_results = 50;
  std::string next_token;
};

struct Page {
  std::vector<Parameter> parameters;
  std::string next_token;  // empty: last page
};

struct DeleteParametersResult {
  std::vector<std::string> deleted;
  std::vector<std::string> invalid;
};

struct LabelResult {
  std::vector<std::string> invalid_labels;
  std::int64_t version = 0;
};

class Service {
 public:
  explicit Service(fakes::Registry& registry);

  Result<PutParameterResult> put_parameter(const std::string& account, const std::string& region,
                                           const PutParameterRequest& request);
  Result<Parameter> get_parameter(const std::string& account, const std::string& region,
                                  const std::string& name, bool with_decryption);
  Result<GetParametersResult> get_parameters(const std::string& account, const std::string& region,
                                             const std::vector<std::string>& names,
                                             bool with_decryption);
  Result<Page> get_parameters_by_path(const std::string& account, const std::string& region,
                                      const GetByPathRequest& request);
  Result<Page> describe_parameters(const std::string& account, const std::string& region,
                                   const DescribeRequest& request);
  Result<fakes::Ok> delete_parameter(const std::string& account, const std::string& region,
                                     const std::string& name);
  Result<DeleteParametersResult> delete_parameters(const std::string& account,
                                                   const std::string& region,
                                                   const std::vector<std::string>& names);
  Result<Page> get_parameter_history(const std::string& account, const std::string& region,
                                     const std::string& name, bool with_decryption,
                                     int max_results = 50, const std::string& next_token = "");
  Result<LabelResult> label_parameter_version(const std::string& account,
                                              const std::string& region, const std::string& name,
                                              std::optional<std::int64_t> version,
                                              const std::vector<std::string>& labels);

  static std::string arn(const std::string& account, const std::string& region,
                         const std::string& name);

 private:
  fakes::Registry& registry_;
};

}  // namespace pipemu::ssm
