#pragma once
// Paths written in a scenario. Relative paths resolve against the scenario folder; a path
// starting with `//` resolves against the suite folder (the scenario folder's parent), so
// scenarios can share a fixture (`//common/service`) without `..`. A path that leaves its base
// (`../x`, `/etc/passwd`, or a symbolic link pointing out) is refused: scenarios must be
// self-contained and safe to run.
#include <string>

#include "model/expected.hpp"

namespace pipemu::scenario {

// The absolute, normalised path; the error completes "'<path>' ...".
Expected<std::string, std::string> resolve_path(const std::string& scenario_folder,
                                                const std::string& written);

}  // namespace pipemu::scenario
