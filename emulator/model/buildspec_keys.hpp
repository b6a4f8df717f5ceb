#pragma once
// Every key a buildspec (version 0.2) may hold, by where it may appear. The loader warns about any
// other key (with "did you mean"), and `pipemu coverage` lists these, so both read one table.
#include <string>
#include <string_view>
#include <vector>

namespace pipemu::model {

struct BuildspecKeys {
  std::string where;  // "" (top level), "env", "phases.<phase>", "phases.install", ...
  std::vector<std::string> keys;
};

const std::vector<BuildspecKeys>& buildspec_keys();

// The keys allowed at `where` (one of the table's entries; empty for an unknown place).
const std::vector<std::string>& buildspec_keys_at(std::string_view where);

}  // namespace pipemu::model
