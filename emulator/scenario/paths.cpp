#include "scenario/paths.hpp"

#include <filesystem>

namespace pipemu::scenario {

namespace fs = std::filesystem;

Expected<std::string, std::string> resolve_path(const std::string& scenario_folder,
                                                const std::string& written) {
  fs::path folder = fs::absolute(fs::path(scenario_folder)).lexically_normal();
  fs::path base = folder;
  std::string rest = written;
  if (rest.rfind("//", 0) == 0) {
    base = folder.parent_path();
    rest = rest.substr(2);
  }
  fs::path p(rest);
  if (p.is_absolute()) return unexpected(std::string("is absolute; scenario paths are relative"));
  fs::path rel = p.lexically_normal();
  if (!rel.empty() && *rel.begin() == "..")
    return unexpected(std::string("escapes the scenario folder"));
  fs::path full = (base / rel).lexically_normal();
  // A symlink inside the folder can still lead out of it (`repo -> /home/me`): compare where the
  // path really is with where its base really is.
  std::error_code ec;
  if (fs::exists(full, ec)) {
    fs::path real = fs::weakly_canonical(full, ec);
    fs::path real_base = ec ? fs::path() : fs::weakly_canonical(base, ec);
    auto inside = [&] {
      auto b = real_base.begin(), r = real.begin();
      for (; b != real_base.end(); ++b, ++r)
        if (r == real.end() || *b != *r) return false;
      return true;
    };
    if (!ec && !inside()) return unexpected("escapes the scenario folder through a symbolic link to " + real.string());
  }
  // Normalised paths ending in '/' keep an empty last element; drop it for a clean string.
  std::string s = full.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace pipemu::scenario
