// Artifact zips are byte-stable: the same files zip to the same bytes whatever their times on
// disk, and unzipping gives files the entries' fixed time (what `aws cloudformation package`
// then zips again), so a re-run of an unchanged commit gets an empty change set.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <utime.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/zip_files.hpp"
#include "source/zip_archive.hpp"

using namespace pipemu;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& text, time_t mtime) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
  struct utimbuf t{mtime, mtime};
  ::utime(p.c_str(), &t);
}

}  // namespace

TEST_CASE("the same tree zips to the same bytes whatever the files' times", "[zip]") {
  fs::path root = fs::temp_directory_path() / "pipemu-zip-stable";
  fs::remove_all(root);
  write(root / "a" / "src" / "handler.py", "def handler(e, c): return 1\n", 1'600'000'000);
  write(root / "a" / "README.md", "x\n", 1'600'000'100);
  write(root / "b" / "src" / "handler.py", "def handler(e, c): return 1\n", 1'700'000'000);
  write(root / "b" / "README.md", "x\n", 1'700'000'500);
  for (const char* d : {"a", "b"}) {
    auto entries = source::tree_entries((root / d).string());
    REQUIRE(entries);
    REQUIRE(source::write_zip((root / (std::string(d) + ".zip")).string(), *entries));
  }
  CHECK(slurp(root / "a.zip") == slurp(root / "b.zip"));

  // Unzipped files carry the entries' fixed time, not the time of extraction.
  REQUIRE(source::extract_zip((root / "a.zip").string(), (root / "out").string()));
  struct stat st{};
  REQUIRE(::stat((root / "out" / "src" / "handler.py").c_str(), &st) == 0);
  CHECK(st.st_mtime == source::kZipEntryTime);
  CHECK(slurp(root / "out" / "src" / "handler.py") == "def handler(e, c): return 1\n");
}

TEST_CASE("the engine's zips of named contents are byte-stable", "[zip]") {
  fs::path root = fs::temp_directory_path() / "pipemu-zip-stable-engine";
  fs::remove_all(root);
  std::map<std::string, std::string> entries = {{"outputs.json", "{}"}, {"b/c.txt", "c"}};
  REQUIRE(engine::write_zip((root / "1.zip").string(), entries));
  // A different second on the clock must not change the bytes.
  write(root / "spacer", "", 0);
  REQUIRE(engine::write_zip((root / "2.zip").string(), entries));
  CHECK(slurp(root / "1.zip") == slurp(root / "2.zip"));
  REQUIRE(source::extract_zip((root / "1.zip").string(), (root / "out").string()));
  struct stat st{};
  REQUIRE(::stat((root / "out" / "outputs.json").c_str(), &st) == 0);
  CHECK(st.st_mtime == source::kZipEntryTime);
}
