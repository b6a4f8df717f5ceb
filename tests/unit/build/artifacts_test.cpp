#include <catch2/catch.hpp>

#include <filesystem>

#include "build/artifacts.hpp"
#include "build/glob.hpp"
#include "build/image_map.hpp"
#include "build_fixture.hpp"

using namespace pipemu;
using namespace pipemu::build;

namespace {
model::ArtifactSpec spec(std::vector<std::string> files) {
  model::ArtifactSpec s;
  s.present = true;
  for (auto& f : files) s.files.push_back({f, {}});
  return s;
}
std::vector<std::string> names(const Collected& c) {
  std::vector<std::string> out;
  for (const auto& e : c.entries) out.push_back(e.name);
  return out;
}
}  // namespace

TEST_CASE("glob: CodeBuild's documented forms", "[build]") {
  CHECK(glob_match("**/*", "a/b/c.txt"));
  CHECK(glob_match("**/*", ".hidden"));
  CHECK(glob_match("sub/*", "sub/x.jar"));
  CHECK_FALSE(glob_match("sub/*", "sub/deeper/x.jar"));
  CHECK(glob_match("sub/**/*", "sub/deeper/x.jar"));
  CHECK(glob_match("sub/**/*.jar", "sub/x.jar"));
  CHECK(glob_match("eu.lambda.yaml", "eu.lambda.yaml"));
  CHECK(glob_prefix("/root/.m2/**/*") == "/root/.m2");
  CHECK(glob_prefix("node_modules/**/*") == "node_modules");
}

TEST_CASE("artifacts: files, base-directory, discard-paths, exclude-paths", "[build]") {
  test::TempBuild t;
  std::vector<std::string> log;
  t.write("dist/app.js", "a");
  t.write("dist/lib/util.js", "u");
  t.write("dist/lib/util.test.js", "t");
  t.write("README.md", "r");

  auto all = collect_artifacts(t.src(), spec({"**/*"}), log);
  REQUIRE(all);
  CHECK(names(*all) == std::vector<std::string>{"README.md", "dist/app.js", "dist/lib/util.js", "dist/lib/util.test.js"});

  auto s = spec({"**/*"});
  s.base_directory = "dist";
  s.exclude_paths.push_back({"**/*.test.js", {}});
  auto based = collect_artifacts(t.src(), s, log);
  REQUIRE(based);
  CHECK(names(*based) == std::vector<std::string>{"app.js", "lib/util.js"});

  auto flat = spec({"dist/**/*"});
  flat.discard_paths = true;
  auto flattened = collect_artifacts(t.src(), flat, log);
  REQUIRE(flattened);
  CHECK(names(*flattened) == std::vector<std::string>{"app.js", "util.js", "util.test.js"});

  auto dir_glob = spec({"*.js"});
  dir_glob.base_directory = "di*";
  auto globbed = collect_artifacts(t.src(), dir_glob, log);
  REQUIRE(globbed);
  CHECK(names(*globbed) == std::vector<std::string>{"app.js"});
}

TEST_CASE("artifacts: a pattern matching nothing is skipped; nothing at all fails", "[build]") {
  test::TempBuild t;
  std::vector<std::string> log;
  t.write("a.txt", "a");
  auto some = collect_artifacts(t.src(), spec({"a.txt", "missing.txt"}), log);
  REQUIRE(some);
  CHECK(log == std::vector<std::string>{"Skipping invalid file path missing.txt"});
  log.clear();
  auto none = collect_artifacts(t.src(), spec({"missing.txt"}), log);
  REQUIRE_FALSE(none);
  CHECK(none.error() == "no matching artifact paths found");
  CHECK(log == std::vector<std::string>{"Skipping invalid file path missing.txt"});
}

TEST_CASE("artifacts: globs and symlinks leaving the source directory are errors", "[build]") {
  test::TempBuild t;
  std::vector<std::string> log;
  t.write("a.txt", "a");
  auto up = collect_artifacts(t.src(), spec({"../work/x"}), log);
  REQUIRE_FALSE(up);
  CHECK(up.error() == "artifact path '../work/x' is outside the source directory");
  auto abs = collect_artifacts(t.src(), spec({"/etc/passwd"}), log);
  REQUIRE_FALSE(abs);
  CHECK(abs.error() == "artifact path '/etc/passwd' is outside the source directory");
  std::filesystem::create_symlink("/etc/hostname", std::filesystem::path(t.src()) / "link.txt");
  auto link = collect_artifacts(t.src(), spec({"*.txt"}), log);
  REQUIRE_FALSE(link);
  CHECK(link.error() == "artifact file 'link.txt' is a symlink to /etc/hostname, outside the source directory");
}

TEST_CASE("image map: defaults, --image entries, and the missing-image message", "[build]") {
  auto m = ImageMap::defaults();
  CHECK(m.resolve("aws/codebuild/standard:2.0").image == kStandInImage);
  CHECK(m.resolve("my/own:1").image == "my/own:1");
  REQUIRE(m.add("aws/codebuild/standard:2.0=python:3.11", "--image"));
  auto r = m.resolve("aws/codebuild/standard:2.0");
  CHECK(r.image == "python:3.11");
  CHECK(missing_image_message("aws/codebuild/standard:2.0", r) ==
        "image 'aws/codebuild/standard:2.0' is mapped to 'python:3.11' by the image map (--image), and the "
        "Docker engine has no image 'python:3.11'. Load or build that image, or map it with --image "
        "aws/codebuild/standard:2.0=IMAGE");
  auto bad = m.add("nonsense", "--image");
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "--image: image mapping 'nonsense' is not FROM=TO");
}
