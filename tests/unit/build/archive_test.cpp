// Tar streams for the docker executor's copy mode: a directory goes in and comes back whole, and
// a download (bytes the build controls) cannot write outside its destination.
#include <catch2/catch.hpp>

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "build/docker/archive.hpp"
#include "build_fixture.hpp"

namespace fs = std::filesystem;
using namespace pipemu::build::docker;

namespace {

struct Item {
  std::string name;
  char type = 'f';  // f file, d dir, l symlink, h hard link
  std::string data;  // content, or the link target
};

// A tar as a hostile container could send it, written with libarchive.
std::string hostile_tar(const std::vector<Item>& items) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  archive_write_open(
      a, &out, nullptr,
      [](archive*, void* o, const void* d, size_t n) -> la_ssize_t {
        static_cast<std::string*>(o)->append(static_cast<const char*>(d), n);
        return static_cast<la_ssize_t>(n);
      },
      nullptr);
  for (const auto& i : items) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, i.name.c_str());
    archive_entry_set_perm(e, 0644);
    if (i.type == 'd') archive_entry_set_filetype(e, AE_IFDIR);
    if (i.type == 'f') {
      archive_entry_set_filetype(e, AE_IFREG);
      archive_entry_set_size(e, static_cast<la_int64_t>(i.data.size()));
    }
    if (i.type == 'l') {
      archive_entry_set_filetype(e, AE_IFLNK);
      archive_entry_set_symlink(e, i.data.c_str());
    }
    if (i.type == 'h') {
      archive_entry_set_filetype(e, AE_IFREG);
      archive_entry_set_hardlink(e, i.data.c_str());
    }
    archive_write_header(a, e);
    if (i.type == 'f' && !i.data.empty()) archive_write_data(a, i.data.data(), i.data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// Every path under `root`, relative, sorted.
std::vector<std::string> listing(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) out.push_back(e.path().lexically_relative(root).string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("archive: a directory goes into a tar under its prefix and comes back whole", "[build]") {
  pipemu::test::TempBuild t;
  t.write("a.txt", "alpha");
  t.write("sub/deep/b.sh", "#!/bin/sh\necho b\n");
  ::chmod((t.src() + "/sub/deep/b.sh").c_str(), 0755);
  fs::create_symlink("deep/b.sh", t.src() + "/sub/link");
  REQUIRE(::mkfifo((t.src() + "/in").c_str(), 0600) == 0);

  auto tar = tar_directory(t.src(), "codebuild/output/src1/src");
  REQUIRE(tar);
  // What the engine would receive at "/": the prefix is the first components of every name.
  auto back = extract_tar(*tar, t.root() + "/out", 4);
  REQUIRE(back);
  CHECK(back->skipped.empty());
  fs::path out = t.root() + "/out";
  // The FIFO travels (the control directory's input), but a download never recreates one.
  CHECK(listing(out) == std::vector<std::string>{"a.txt", "sub", "sub/deep", "sub/deep/b.sh", "sub/link"});
  CHECK(slurp(out / "a.txt") == "alpha");
  CHECK(fs::read_symlink(out / "sub/link") == "deep/b.sh");
  CHECK((fs::status(out / "sub/deep/b.sh").permissions() & fs::perms::owner_exec) != fs::perms::none);

  auto one = tar_file("0001.sh", "echo hi\n", 0600);
  REQUIRE(one);
  auto content = tar_first_file(*one);
  REQUIRE(content);
  REQUIRE(content->has_value());
  CHECK(**content == "echo hi\n");
}

TEST_CASE("archive: downloads cannot write outside their destination", "[build]") {
  pipemu::test::TempBuild t;
  fs::path dest = t.root() + "/dest";
  auto refused = [&](const std::vector<Item>& items) {
    auto got = extract_tar(hostile_tar(items), dest.string(), 1);
    REQUIRE_FALSE(got);
    return got.error();
  };
  CHECK(refused({{"src/../../escape.txt", 'f', "x"}}) == "download refused: entry 'src/../../escape.txt' climbs out with '..'");
  CHECK(refused({{"/etc/evil", 'f', "x"}}) == "download refused: entry '/etc/evil' has an absolute path");
  CHECK(refused({{"src/hard", 'h', "../../etc/passwd"}}) ==
        "download refused: hard link 'src/hard' climbs out with '..'");
  CHECK_FALSE(fs::exists(t.root() + "/escape.txt"));
  // A symlink, then a file under the link's name: never written through the link (libarchive
  // replaces the link by a directory), so a link cannot carry a later entry anywhere.
  fs::remove_all(dest);
  auto through = extract_tar(hostile_tar({{"src/d", 'd', ""}, {"src/l", 'l', "d"}, {"src/l/f", 'f', "x"}}),
                             dest.string(), 1);
  REQUIRE(through);
  CHECK_FALSE(fs::exists(dest / "d/f"));
  CHECK_FALSE(fs::is_symlink(dest / "l"));
  CHECK(slurp(dest / "l/f") == "x");

  // Symlinks pointing out are not created (a build may leave one); the rest is extracted.
  fs::remove_all(dest);
  auto got = extract_tar(hostile_tar({{"src/ok.txt", 'f', "fine"},
                                      {"src/abs", 'l', "/etc/passwd"},
                                      {"src/up", 'l', "../../outside"},
                                      {"src/in", 'l', "ok.txt"},
                                      {"src/up/f", 'f', "through the skipped link"}}),
                         dest.string(), 1);
  REQUIRE(got);
  using Links = std::vector<std::pair<std::string, std::string>>;
  CHECK(got->skipped == Links{{"abs", "/etc/passwd"}, {"up", "../../outside"}});
  CHECK(slurp(dest / "ok.txt") == "fine");
  CHECK(fs::read_symlink(dest / "in") == "ok.txt");
  CHECK_FALSE(fs::is_symlink(dest / "abs"));
  CHECK_FALSE(fs::is_symlink(dest / "up"));
  CHECK(slurp(dest / "up/f") == "through the skipped link");  // a plain directory now, inside dest
  CHECK_FALSE(fs::exists(t.root() + "/outside"));
}
