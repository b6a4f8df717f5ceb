#include "model/buildspec_keys.hpp"

namespace pipemu::model {

const std::vector<BuildspecKeys>& buildspec_keys() {
  // aws-semantics.md §1.2 (CodeBuild's buildspec reference, version 0.2).
  static const std::vector<BuildspecKeys> table = {
      {"", {"version", "run-as", "env", "proxy", "batch", "phases", "reports", "artifacts", "cache"}},
      {"env",
       {"shell", "variables", "parameter-store", "secrets-manager", "exported-variables",
        "git-credential-helper"}},
      {"proxy", {"upload-artifacts", "logs"}},
      {"phases.install", {"run-as", "on-failure", "commands", "finally", "runtime-versions"}},
      {"phases.<phase>", {"run-as", "on-failure", "commands", "finally"}},
      {"reports.<group>", {"files", "base-directory", "discard-paths", "file-format"}},
      {"artifacts",
       {"files", "name", "discard-paths", "base-directory", "exclude-paths", "enable-symlinks",
        "s3-prefix", "secondary-artifacts"}},
      {"artifacts.secondary-artifacts.<name>",
       {"files", "name", "discard-paths", "base-directory", "exclude-paths", "enable-symlinks",
        "s3-prefix"}},
      {"cache", {"paths", "key", "fallback-keys", "action"}},
  };
  return table;
}

const std::vector<std::string>& buildspec_keys_at(std::string_view where) {
  static const std::vector<std::string> none;
  for (const auto& k : buildspec_keys())
    if (k.where == where) return k.keys;
  return none;
}

}  // namespace pipemu::model
