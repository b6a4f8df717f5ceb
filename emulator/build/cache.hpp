#pragma once
// `cache.paths` persisted between builds of the same project, as CodeBuild's LOCAL_CUSTOM_CACHE
// does: only directories are cached (a glob is cut to its leading directory, `/root/.m2/**/*` ->
// `/root/.m2`). Each one lives under <cache root>/<project>/, and the Docker executor bind-mounts
// it at its path in the build (relative paths under CODEBUILD_SRC_DIR), so what the build writes
// is kept when the container goes. The local executor copies relative directories in and out.
#include <string>
#include <vector>

#include "model/buildspec.hpp"

namespace pipemu::build {

struct CacheDir {
  std::string pattern;  // as written
  std::string path;     // the directory: absolute, or relative to the source dir
  std::string host;     // where it is kept on the host
};

struct CachePlan {
  std::vector<CacheDir> dirs;
  std::vector<std::string> log;  // patterns that cannot be cached, and why
};

// `project_root` is <cache root>/<project>; created on demand.
CachePlan plan_cache(const std::vector<model::Glob>& paths, const std::string& project_root);

// A project name made safe as one directory name.
std::string cache_key(const std::string& project);

}  // namespace pipemu::build
