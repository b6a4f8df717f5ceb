#include "fakes/ssm/names.hpp"

#include <algorithm>
#include <cctype>

#include "fakes/ssm/errors.hpp"

namespace pipemu::ssm {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
}  // namespace

std::optional<fakes::AwsError> check_name(const std::string& name) {
  if (name.empty())
    return validation("1 validation error detected: Value '' at 'name' failed to satisfy "
                      "constraint: Member must have length greater than or equal to 1.");
  if (name.size() > 2048)
    return validation("1 validation error detected: Value at 'name' failed to satisfy constraint: "
                      "Member must have length less than or equal to 2048.");
  std::string bare = lower(name);
  bare.erase(0, bare.find_first_not_of('/'));
  bool is_path = std::count(name.begin(), name.end(), '/') > 1;
  if (starts_with(bare, "aws") || starts_with(bare, "ssm")) {
    if (starts_with(lower(name), "/aws") && is_path) return access_denied_reserved(name);
    if (!is_path)
      return validation("Parameter name: can't be prefixed with \"aws\" or \"ssm\" "
                        "(case-insensitive).");
    return validation(
        "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as a path, "
        "it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix "
        "of letters, numbers and the following 3 symbols .-_");
  }
  for (unsigned char c : name) {
    if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '/'))
      return validation(
          "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). If "
          "formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path "
          "can be formed as a mix of letters, numbers and the following 3 symbols .-_");
  }
  if (name.find('/') != std::string::npos && name[0] != '/')
    return validation("Parameter name must be a fully qualified name.");
  if (std::count(name.begin(), name.end(), '/') > 15) return hierarchy_level_limit();
  return std::nullopt;
}

Selected split_selector(const std::string& input) {
  std::string name = input;
  const std::string marker = ":parameter/";
  if (starts_with(name, "arn:")) {
    auto p = name.find(marker);
    if (p != std::string::npos) {
      std::string rest = name.substr(p + marker.size());
      // The ARN drops the leading slash of hierarchical names only.
      name = rest.find('/') != std::string::npos ? "/" + rest : rest;
    }
  }
  auto colon = name.find(':');
  if (colon == std::string::npos) return {name, ""};
  return {name.substr(0, colon), name.substr(colon)};
}

bool valid_label(const std::string& label) {
  if (label.empty() || label.size() > 100) return false;
  std::string l = lower(label);
  if (starts_with(l, "aws") || starts_with(l, "ssm")) return false;
  if (std::isdigit(static_cast<unsigned char>(label[0]))) return false;
  for (unsigned char c : label)
    if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-')) return false;
  return true;
}

}  // namespace pipemu::ssm
