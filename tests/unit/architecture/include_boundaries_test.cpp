// Fails when a source file includes across a forbidden boundary (docs/ARCHITECTURE.md).
// The table below is the rule; the scan reads every .hpp/.cpp under emulator/ and fakes/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Layer {
  std::string folder;                 // relative to the repo root; the longest match wins
  std::set<std::string> may_include;  // project include roots this layer may use
  std::set<std::string> banned;       // system headers it must not touch
};

const std::set<std::string> kAllFakes = {"fakes/core", "fakes/s3", "fakes/ssm",
                                         "fakes/cloudformation", "fakes/server"};

std::set<std::string> with(std::set<std::string> a, const std::set<std::string>& b) {
  a.insert(b.begin(), b.end());
  return a;
}

const std::vector<Layer>& layers() {
  static const std::set<std::string> kIo = {"httplib.h", "sqlite3.h", "git2.h"};
  static const std::vector<Layer> table = {
      {"emulator/model", {"model"}, kIo},
      {"fakes/core", {"model", "fakes/core"}, {"httplib.h", "git2.h"}},
      {"fakes/ssm", {"model", "fakes/core", "fakes/ssm"}, {"httplib.h", "git2.h"}},
      {"fakes/s3", {"model", "fakes/core", "fakes/s3"}, {"httplib.h", "git2.h"}},
      {"fakes/cloudformation",
       {"model", "fakes/core", "fakes/s3", "fakes/ssm", "fakes/cloudformation"},
       {"httplib.h", "git2.h"}},
      {"fakes/server", with({"model"}, kAllFakes), {"git2.h"}},
      {"emulator/source", {"model", "source"}, {"httplib.h", "sqlite3.h"}},
      {"emulator/build", with({"model", "source", "build"}, kAllFakes), {"sqlite3.h", "git2.h"}},
      {"emulator/deploy", with({"model", "deploy"}, kAllFakes), {"httplib.h", "git2.h"}},
      // The scheduler and its ports know nothing of Docker, git, HTTP or SQLite (STYLE.md §2);
      // engine/actions is the wiring that adapts the real parts to those ports.
      {"emulator/engine", {"model", "engine"}, kIo},
      {"emulator/engine/actions",
       with({"model", "engine", "source", "build", "deploy"}, kAllFakes), {}},
      // One whole run wired from the actions (pipemu run, the scenario driver): no report/.
      {"emulator/engine/session",
       with({"model", "engine", "source", "build", "deploy"}, kAllFakes), {}},
      {"emulator/engine/history", {"model", "engine"}, {"httplib.h", "git2.h"}},
      {"emulator/report", {"model", "engine", "report"}, kIo},
      {"emulator/scenario",
       with({"model", "engine", "source", "build", "deploy", "report", "scenario"}, kAllFakes), {}},
      {"emulator/cli",
       with({"model", "engine", "source", "build", "deploy", "report", "scenario", "cli"},
            kAllFakes),
       {}},
  };
  return table;
}

const Layer* layer_of(const std::string& rel) {
  const Layer* best = nullptr;
  for (const auto& l : layers())
    if (rel.rfind(l.folder + "/", 0) == 0 && (!best || l.folder.size() > best->folder.size()))
      best = &l;
  return best;
}

// "fakes/s3/service.hpp" -> "fakes/s3"; "engine/ports.hpp" -> "engine".
std::string root_of(const std::string& include) {
  auto slash = include.find('/');
  if (slash == std::string::npos) return "";
  std::string first = include.substr(0, slash);
  if (first == "fakes") {
    auto second = include.find('/', slash + 1);
    return second == std::string::npos ? include : include.substr(0, second);
  }
  return first;
}

const std::set<std::string> kProjectRoots = {"model",  "engine", "source",   "build", "deploy",
                                             "report", "cli",    "scenario", "fakes"};

}  // namespace

TEST_CASE("no source file includes across a forbidden layer boundary") {
  const fs::path root = PIPEMU_SOURCE_DIR;
  const std::regex include_re(R"re(^\s*#\s*include\s*[<"]([^>"]+)[>"])re");
  std::vector<std::string> violations;
  size_t scanned = 0;
  for (const char* top : {"emulator", "fakes"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
      std::string rel = fs::relative(entry.path(), root).generic_string();
      const Layer* layer = layer_of(rel);
      INFO(rel);
      REQUIRE(layer != nullptr);  // every folder must have a rule
      ++scanned;
      std::ifstream in(entry.path());
      std::string line;
      int n = 0;
      while (std::getline(in, line)) {
        ++n;
        std::smatch m;
        if (!std::regex_search(line, m, include_re)) continue;
        std::string inc = m[1];
        std::string base = fs::path(inc).filename().string();
        if (layer->banned.count(inc) || layer->banned.count(base) ||
            (layer->banned.count("git2.h") && inc.rfind("git2/", 0) == 0))
          violations.push_back(rel + ":" + std::to_string(n) + ": " + layer->folder +
                               " must not include <" + inc + ">");
        std::string r = root_of(inc);
        std::string first = inc.substr(0, inc.find('/'));
        if (kProjectRoots.count(first) && !layer->may_include.count(r))
          violations.push_back(rel + ":" + std::to_string(n) + ": " + layer->folder +
                               " may not include \"" + inc + "\"");
      }
    }
  }
  CHECK(scanned > 50);
  INFO("see docs/ARCHITECTURE.md for what may depend on what");
  for (const auto& v : violations) FAIL_CHECK(v);
  CHECK(violations.empty());
}

TEST_CASE("the boundary scan recognises a forbidden include") {
  // Guards the checker itself: a model file including the engine must be caught.
  const Layer* model = layer_of("emulator/model/x.hpp");
  REQUIRE(model);
  CHECK_FALSE(model->may_include.count(root_of("engine/ports.hpp")));
  CHECK(model->banned.count("sqlite3.h"));
  CHECK(layer_of("emulator/engine/actions/a.cpp")->folder == "emulator/engine/actions");
  CHECK(root_of("fakes/s3/service.hpp") == "fakes/s3");
}
