#include "build/artifacts.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "build/glob.hpp"

namespace fs = std::filesystem;

namespace pipemu::build {
namespace {

bool escapes(const std::string& rel) {
  if (rel.empty()) return false;
  if (rel[0] == '/') return true;
  fs::path p = fs::path(rel).lexically_normal();
  return !p.empty() && *p.begin() == "..";
}

bool inside(const fs::path& root, const fs::path& p) {
  std::string r = root.string(), s = p.string();
  if (r.back() != '/') r += '/';
  return s == root.string() || s.rfind(r, 0) == 0;
}

struct FileRef {
  std::string rel;   // relative to the base directory
  fs::path path;     // host path
};

// Every file under `base` (not following directory symlinks; symlinked files checked later).
Expected<std::vector<FileRef>, std::string> list_files(const fs::path& base) {
  std::vector<FileRef> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(base, fs::directory_options::none, ec), end;
  if (ec) return unexpected("cannot read " + base.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return unexpected("cannot read " + base.string() + ": " + ec.message());
    if (it->is_directory(ec) && !it->is_symlink(ec)) continue;
    out.push_back({it->path().lexically_relative(base).generic_string(), it->path()});
  }
  std::sort(out.begin(), out.end(), [](const FileRef& a, const FileRef& b) { return a.rel < b.rel; });
  return out;
}

// A file pattern matches a file, or names a directory whose whole content it then selects
// [inf: CodeBuild uploads a named directory recursively].
bool pattern_selects(const std::string& pattern, const std::string& rel) {
  if (glob_match(pattern, rel)) return true;
  std::string p = pattern;
  while (!p.empty() && p.back() == '/') p.pop_back();
  if (p.empty() || has_glob_chars(p)) return false;
  return rel.rfind(p + "/", 0) == 0;
}

}  // namespace

Expected<Collected, std::string> collect_artifacts(
    const std::string& src_dir, const model::ArtifactSpec& spec, std::vector<std::string>& log,
    const std::vector<std::pair<std::string, std::string>>& outside_links) {
  Collected c;
  std::error_code ec;
  fs::path root = fs::weakly_canonical(src_dir, ec);
  if (ec) return unexpected("cannot read source directory " + src_dir);

  // Base directories: the source dir, a named subdirectory, or the top-level dirs a glob matches.
  std::vector<fs::path> bases;
  std::string base_dir = spec.base_directory;
  while (!base_dir.empty() && base_dir.back() == '/') base_dir.pop_back();
  if (base_dir.empty() || base_dir == ".") {
    bases.push_back(root);
  } else {
    if (escapes(base_dir))
      return unexpected("base-directory '" + spec.base_directory + "' is outside the source directory");
    if (has_glob_chars(base_dir)) {
      for (const auto& e : fs::directory_iterator(root, ec))
        if (e.is_directory() && glob_match(base_dir, e.path().filename().string())) bases.push_back(e.path());
      std::sort(bases.begin(), bases.end());
    } else if (fs::is_directory(root / base_dir)) {
      fs::path b = fs::weakly_canonical(root / base_dir, ec);
      if (!inside(root, b))
        return unexpected("base-directory '" + spec.base_directory + "' is outside the source directory");
      bases.push_back(b);
    }
  }

  for (const auto& g : spec.files)
    if (escapes(g.pattern))
      return unexpected("artifact path '" + g.pattern + "' is outside the source directory");

  std::set<std::string> names;
  for (const auto& base : bases) {
    auto files = list_files(base);
    if (!files) return unexpected(files.error());
    for (const auto& g : spec.files) {
      bool any = false;
      auto excluded = [&](const std::string& rel) {
        return std::any_of(spec.exclude_paths.begin(), spec.exclude_paths.end(),
                           [&](const model::Glob& x) { return pattern_selects(x.pattern, rel); });
      };
      for (const auto& [path, target] : outside_links) {
        fs::path link = root / path;
        if (!inside(base, link)) continue;
        std::string rel = link.lexically_relative(base).generic_string();
        if (pattern_selects(g.pattern, rel) && !excluded(rel))
          return unexpected("artifact file '" + rel + "' is a symlink to " + target + ", outside the source directory");
      }
      for (const auto& f : *files) {
        if (!pattern_selects(g.pattern, f.rel)) continue;
        if (excluded(f.rel)) continue;
        fs::path real = fs::weakly_canonical(f.path, ec);
        if (ec || !inside(root, real))
          return unexpected("artifact file '" + f.rel + "' is a symlink to " +
                            fs::read_symlink(f.path, ec).string() + ", outside the source directory");
        if (!fs::is_regular_file(real)) continue;
        any = true;
        std::string name = spec.discard_paths ? fs::path(f.rel).filename().string() : f.rel;
        if (!names.insert(name).second) continue;  // first match wins, as a zip holds one entry per name
        c.entries.push_back({real.string(), name});
      }
      if (!any) log.push_back("Skipping invalid file path " + g.pattern);
    }
  }
  if (c.entries.empty()) return unexpected("no matching artifact paths found");
  return c;
}

}  // namespace pipemu::build
