// The template corpus (tests/fixtures/templates/corpus): each YAML file's first line says what
// the whole create path must give ("# expect: ok" or "# expect: error: <AWS message>"); JSON
// files must succeed. Plus every template shipped inside the installed cfn-lint and
// aws-sam-translator packages: it must load and process without a crash (errors are fine).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "template_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Site-packages folders of cfn-lint and samtranslator, from the python3 that has them.
std::vector<fs::path> package_dirs() {
  std::vector<fs::path> out;
  FILE* p = popen("python3 -c 'import os, cfnlint, samtranslator; "
                  "print(os.path.dirname(cfnlint.__file__)); print(os.path.dirname(samtranslator.__file__))' "
                  "2>/dev/null", "r");
  if (!p) return out;
  char line[4096];
  while (fgets(line, sizeof line, p)) {
    std::string s(line);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    if (!s.empty()) out.emplace_back(s);
  }
  pclose(p);
  return out;
}

}  // namespace

TEST_CASE("corpus templates give their expected outcome") {
  fs::path dir = fs::path(PIPEMU_SOURCE_DIR) / "tests/fixtures/templates/corpus";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 30);
  for (const auto& f : files) {
    std::string body = read(f);
    std::string expect = "ok";
    const std::string marker = "# expect: ";
    if (body.rfind(marker, 0) == 0) {
      expect = body.substr(marker.size(), body.find('\n') - marker.size());
      if (expect.rfind("error: ", 0) == 0) expect = expect.substr(7);
    }
    INFO(f.filename().string());
    CHECK(cfn_test::run_pipeline(f.filename().string(), body) == expect);
  }
}

TEST_CASE("templates shipped with cfn-lint and aws-sam-translator process without a crash") {
  auto dirs = package_dirs();
  if (dirs.size() != 2) {
    WARN("python3 with cfn-lint and aws-sam-translator not found; package corpus not run");
    return;
  }
  size_t templates = 0, succeeded = 0;
  for (const auto& d : dirs) {
    for (const auto& e : fs::recursive_directory_iterator(d)) {
      auto ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".json" && ext != ".yaml" && ext != ".yml" && ext != ".template"))
        continue;
      std::string body = read(e.path());
      // Only documents that look like templates: the schemas and data tables are not.
      if (body.find("Resources") == std::string::npos) continue;
      ++templates;
      std::string r = cfn_test::run_pipeline(e.path().string(), body);
      if (r == "ok") ++succeeded;
    }
  }
  INFO("templates: " << templates << ", processed fully: " << succeeded);
  CHECK(templates > 0);
}
