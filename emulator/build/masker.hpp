#pragma once
// Replaces secret values (parameter-store and secrets-manager variables, tokens) in log text,
// as CodeBuild masks them, before any line reaches a listener.
#include <string>
#include <string_view>
#include <vector>

namespace pipemu::build {

class Masker {
 public:
  void add(std::string secret);
  std::string mask(std::string_view text) const;
  bool empty() const { return secrets_.empty(); }

 private:
  std::vector<std::string> secrets_;  // longest first, so a secret containing another is masked whole
};

}  // namespace pipemu::build
