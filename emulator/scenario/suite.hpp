#pragma once
// Which scenarios a `pipemu scenario run` covers: every folder holding a scenario.yaml under the
// given paths (a path may also name one scenario.yaml or one scenario folder), sorted by path so
// every machine sees the same order; then --filter and --shard.
#include <string>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::scenario {

struct SuiteEntry {
  std::string name;  // the folder name (what --filter matches and results show)
  std::string file;  // path to scenario.yaml
};

// Errors name a path that does not exist or holds no scenario.
Expected<std::vector<SuiteEntry>, std::string> discover(const std::vector<std::string>& paths);

// fnmatch-style glob on the name: `*`, `?`, `[abc]`; several globs separated by ',' match any.
bool matches_filter(const std::string& name, const std::string& glob);

// "I/N" with 1 <= I <= N.
struct Shard {
  int index = 1;
  int count = 1;
};
Expected<Shard, std::string> parse_shard(const std::string& text);

// The entries of shard I of N: the sorted list's entries whose position p has p % N == I - 1.
// Position-based over the sorted (unfiltered) list, so the N shards are disjoint, their union is
// the whole suite, and sizes differ by at most one. Filter after sharding keeps that property.
std::vector<SuiteEntry> select(const std::vector<SuiteEntry>& all, const Shard& shard,
                               const std::string& filter);

}  // namespace pipemu::scenario
