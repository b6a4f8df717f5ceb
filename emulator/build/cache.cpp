#include "build/cache.hpp"

#include <filesystem>

#include "build/glob.hpp"

namespace fs = std::filesystem;

namespace pipemu::build {

std::string cache_key(const std::string& project) {
  std::string out;
  for (char c : project) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return out.empty() ? "_" : out;
}

CachePlan plan_cache(const std::vector<model::Glob>& paths, const std::string& project_root) {
  CachePlan plan;
  for (const auto& g : paths) {
    std::string dir = glob_prefix(g.pattern);
    bool absolute = !g.pattern.empty() && g.pattern[0] == '/';
    fs::path norm = fs::path(dir).lexically_normal();
    if (dir.empty() || dir == "/" || (!absolute && !norm.empty() && *norm.begin() == "..")) {
      plan.log.push_back("Skipping cache path " + g.pattern + ": only directories can be cached");
      continue;
    }
    CacheDir d;
    d.pattern = g.pattern;
    d.path = norm.generic_string();
    // Bind mounts need absolute host paths.
    d.host = (fs::absolute(project_root) / (absolute ? "abs" : "src") / norm.relative_path()).lexically_normal().string();
    std::error_code ec;
    fs::create_directories(d.host, ec);
    plan.dirs.push_back(std::move(d));
  }
  return plan;
}

}  // namespace pipemu::build
