// fakes/core: schema migrations per component, newer files refused, blob store, faults.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "fakes/core/registry.hpp"
#include "fakes/core/wire.hpp"
#include "support/temp_dir.hpp"

using namespace pipemu::fakes;
namespace fs = std::filesystem;

TEST_CASE("a component's migrations apply once and are recorded per component") {
  pipemu::test::TempDir dir;
  register_schema("test_core_a", SchemaScope::Region,
                  {"CREATE TABLE a1(x INTEGER)", "ALTER TABLE a1 ADD COLUMN y TEXT"});
  {
    Registry reg(Registry::Options{dir.path, true});
    auto& db = reg.region("eu-west-1");
    db.transaction([&] { db.exec("INSERT INTO a1(x, y) VALUES(1, 'one')"); });
    Statement s(db, "SELECT version FROM schema_versions WHERE component='test_core_a'");
    REQUIRE(s.step());
    CHECK(s.integer(0) == 2);
  }
  // A later pipemu adds a migration: only the new one runs, data survives.
  register_schema("test_core_a", SchemaScope::Region,
                  {"CREATE TABLE a1(x INTEGER)", "ALTER TABLE a1 ADD COLUMN y TEXT",
                   "ALTER TABLE a1 ADD COLUMN z TEXT DEFAULT 'zz'"});
  Registry reg(Registry::Options{dir.path, true});
  auto& db = reg.region("eu-west-1");
  Statement s(db, "SELECT x, y, z FROM a1");
  REQUIRE(s.step());
  CHECK(s.integer(0) == 1);
  CHECK(s.text(1) == "one");
  CHECK(s.text(2) == "zz");
}

TEST_CASE("a state file from a newer pipemu is refused with a clear message") {
  pipemu::test::TempDir dir;
  fs::create_directories(dir.path / "regions");
  auto file = dir.path / "regions" / "us-west-2.db";
  sqlite3* raw = nullptr;
  sqlite3_open(file.c_str(), &raw);
  sqlite3_exec(raw, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  Registry reg(Registry::Options{dir.path, true});
  try {
    reg.region("us-west-2");
    FAIL("expected a DatabaseError");
  } catch (const DatabaseError& e) {
    CHECK(std::string(e.what()) ==
          "state database " + file.string() +
              " has format version 99, newer than this pipemu understands (1); upgrade pipemu "
              "or point --state at another directory");
  }
}

TEST_CASE("checkpoints run beside the writers and keep the WAL bounded") {
  pipemu::test::TempDir dir;
  register_schema("test_core_c", SchemaScope::Region, {"CREATE TABLE c1(x BLOB)"});
  Registry reg(Registry::Options{dir.path, true});
  auto& db = reg.region("ca-central-1");
  auto file = dir.path / "regions" / "ca-central-1.db";
  // 6,000 transactions of a page or more each, as fast as they go: six times the threshold.
  // SQLite's own checkpoint is off, so only the checkpointer moves pages into the database file.
  std::string page(4000, 'p');
  for (int i = 0; i < 6000; ++i)
    db.transaction([&] { Statement(db, "INSERT INTO c1 VALUES(?)").bind_blob(1, page).run(); });
  auto db_bytes = [&] { return fs::file_size(file); };
  for (int i = 0; i < 100 && db_bytes() < 1000u * 4096; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(db_bytes() >= 1000u * 4096);
  // The WAL restarted after checkpoints instead of growing with every write (unbounded: ~74 MB;
  // its high-water mark is about twice the threshold plus one background checkpoint's writes).
  CHECK(fs::file_size(fs::path(file.string() + "-wal")) < 6000u * 4096);
}

TEST_CASE("region names that are not region-shaped never become file names") {
  Registry reg;
  CHECK_THROWS_AS(reg.region("../../etc"), std::invalid_argument);
  CHECK_THROWS_AS(reg.region(""), std::invalid_argument);
  CHECK_THROWS_AS(reg.region(std::string("eu\0west", 7)), std::invalid_argument);
  CHECK(Registry::valid_region("ap-southeast-2"));
}

TEST_CASE("blobs are content-addressed with MD5 and SHA-256") {
  Registry reg;
  auto info = reg.blobs().put("hello");
  REQUIRE(info);
  CHECK(info->md5_hex == "5d41402abc4b2a76b9719d911017c592");
  CHECK(info->sha256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  CHECK(info->size == 5);
  std::string back;
  REQUIRE(reg.blobs().read(info->sha256, back));
  CHECK(back == "hello");
  // An abandoned writer leaves nothing behind.
  { auto w = reg.blobs().writer(); w.write("partial", 7); }
  CHECK(fs::is_empty(reg.blobs().root() / "tmp"));
}

TEST_CASE("reset empties every table of every region but keeps schemas") {
  register_schema("test_core_b", SchemaScope::Region, {"CREATE TABLE b1(x INTEGER)"});
  Registry reg;
  auto& db = reg.region("eu-central-1");
  db.transaction([&] { db.exec("INSERT INTO b1 VALUES(7)"); });
  reg.reset();
  Statement s(db, "SELECT COUNT(*) FROM b1");
  REQUIRE(s.step());
  CHECK(s.integer(0) == 0);
}

TEST_CASE("faults hit the matching calls the given number of times") {
  Faults f;
  f.add({FaultRule::Kind::Throttle, "eu-west-1", "ssm", "GetParameter", 2, {}});
  CHECK_FALSE(f.check("us-east-1", "ssm", "GetParameter"));
  CHECK_FALSE(f.check("eu-west-1", "ssm", "PutParameter"));
  auto e = f.check("eu-west-1", "ssm", "GetParameter");
  REQUIRE(e);
  CHECK(e->code == "ThrottlingException");
  CHECK(f.check("eu-west-1", "ssm", "GetParameter"));
  CHECK_FALSE(f.check("eu-west-1", "ssm", "GetParameter"));
  f.add({FaultRule::Kind::Unavailable, "eu-west-1", "s3", "*", -1, {}});
  auto u = f.check("eu-west-1", "s3", "PutObject");
  REQUIRE(u);
  CHECK(u->status == 503);
}

TEST_CASE("form bodies and URL escapes decode") {
  auto form = parse_form("Action=CreateStack&StackName=a%2Fb&Tags.member.1.Key=x+y&Empty=");
  CHECK(form.find("StackName")->second == "a/b");
  CHECK(form.find("Tags.member.1.Key")->second == "x y");
  CHECK(form.find("Empty")->second.empty());
  CHECK(url_encode("a b/c~", true) == "a%20b/c~");
  CHECK(url_decode("%zz%41", false) == "%zzA");
}
