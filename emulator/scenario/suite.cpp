#include "scenario/suite.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>

#include "model/text.hpp"

namespace pipemu::scenario {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFile = "scenario.yaml";

void add(std::vector<SuiteEntry>& out, const fs::path& file) {
  fs::path f = fs::absolute(file).lexically_normal();
  out.push_back({f.parent_path().filename().string(), f.string()});
}

}  // namespace

Expected<std::vector<SuiteEntry>, std::string> discover(const std::vector<std::string>& paths) {
  std::vector<SuiteEntry> out;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::path path(p);
    if (fs::is_regular_file(path, ec)) {
      add(out, path);
    } else if (fs::is_directory(path, ec)) {
      if (fs::is_regular_file(path / kFile, ec)) {
        add(out, path / kFile);
        continue;
      }
      size_t before = out.size();
      // Scenario folders may be nested one level in groups (scenarios/<group>/<name>/) but never
      // inside each other: a folder with a scenario.yaml is a leaf.
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_directory() && fs::is_regular_file(it->path() / kFile)) {
          add(out, it->path() / kFile);
          it.disable_recursion_pending();
        }
      }
      if (out.size() == before) return unexpected(fmt::format("{}: no scenario.yaml found under it", p));
    } else {
      return unexpected(fmt::format("{}: no such file or folder", p));
    }
  }
  std::sort(out.begin(), out.end(), [](const SuiteEntry& a, const SuiteEntry& b) { return a.file < b.file; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const SuiteEntry& a, const SuiteEntry& b) { return a.file == b.file; }),
            out.end());
  return out;
}

bool matches_filter(const std::string& name, const std::string& glob) {
  if (glob.empty()) return true;
  for (const auto& g : text::split(glob, ','))
    if (!g.empty() && fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

Expected<Shard, std::string> parse_shard(const std::string& text) {
  auto slash = text.find('/');
  auto bad = [&] { return unexpected(fmt::format("--shard '{}' must be I/N with 1 <= I <= N (e.g. 2/4)", text)); };
  if (slash == std::string::npos) return bad();
  try {
    size_t a = 0, b = 0;
    int i = std::stoi(text.substr(0, slash), &a);
    int n = std::stoi(text.substr(slash + 1), &b);
    if (a != slash || b != text.size() - slash - 1 || n < 1 || i < 1 || i > n) return bad();
    return Shard{i, n};
  } catch (...) {
    return bad();
  }
}

std::vector<SuiteEntry> select(const std::vector<SuiteEntry>& all, const Shard& shard,
                               const std::string& filter) {
  std::vector<SuiteEntry> out;
  for (size_t p = 0; p < all.size(); ++p)
    if (static_cast<int>(p % shard.count) == shard.index - 1 && matches_filter(all[p].name, filter))
      out.push_back(all[p]);
  return out;
}

}  // namespace pipemu::scenario
