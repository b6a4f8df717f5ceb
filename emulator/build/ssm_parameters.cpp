#include "build/ssm_parameters.hpp"

namespace pipemu::build {

ParameterLookup ssm_lookup(ssm::Service& service, std::string account, std::string region) {
  return [&service, account = std::move(account),
          region = std::move(region)](const std::string& name) -> Expected<std::string, std::string> {
    auto got = service.get_parameter(account, region, name, true);
    if (got) return got->value;
    if (got.error().code == "ParameterNotFound") return unexpected("parameter does not exist: " + name);
    return unexpected(got.error().code + ": " + got.error().message);
  };
}

}  // namespace pipemu::build
