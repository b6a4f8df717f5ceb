// Run history: records, lookups by alias and prefix, recovery of interrupted executions,
// and refusal of a newer schema.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include "engine/history/history.hpp"

using namespace pipemu::engine;

namespace {

RunRecord record(const std::string& id, TimePoint started, Status status) {
  RunRecord r;
  r.execution_id = id;
  r.pipeline_name = "service-x";
  r.pipeline_region = "eu-west-1";
  r.started = started;
  r.finished = started + 1000;
  r.status = status;
  r.trigger.commit = "abcdef1234567890";
  StageRecord s;
  s.name = "Deploy";
  ActionRecord a;
  a.name = "eu";
  a.region = "eu-west-1";
  a.status = status;
  s.actions.push_back(a);
  r.stages.push_back(s);
  r.artifacts.push_back({"src", "Source", "deadbeef", 10, {{"a.txt", 1}}, {{"eu-west-1", "b", "k"}}});
  return r;
}

}  // namespace

TEST_CASE("history keeps finished runs and finds them by alias and prefix", "[history]") {
  auto h = History::open("");
  REQUIRE(h);
  (*h)->execution_finished(record("aaaa-1", 1000, Status::Succeeded));
  (*h)->execution_finished(record("bbbb-2", 2000, Status::Failed));
  auto rows = (*h)->list();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].execution_id == "bbbb-2");
  CHECK(rows[0].status == Status::Failed);
  CHECK((*h)->load("latest")->execution_id == "bbbb-2");
  CHECK((*h)->load("previous")->execution_id == "aaaa-1");
  auto byprefix = (*h)->load("aaaa");
  REQUIRE(byprefix);
  CHECK(byprefix->artifacts.at(0).sha256 == "deadbeef");
  CHECK(byprefix->stages.at(0).actions.at(0).region == "eu-west-1");
  CHECK((*h)->load("zzz").error() == "no run zzz in the history (see pipemu history)");
}

TEST_CASE("an execution left InProgress is reported and marked Failed on the next open", "[history]") {
  auto dir = std::filesystem::temp_directory_path() / "pipemu-history-test";
  std::filesystem::remove_all(dir);
  {
    auto h = History::open(dir.string());
    REQUIRE(h);
    HistoryReporter rep(**h);
    ExecutionStarted s;
    s.execution_id = "killed-1";
    s.pipeline_name = "service-x";
    s.at = 5000;
    rep.on_event(s);
    rep.on_event(ActionStarted{"Deploy", "eu", "eu-west-1", 1, "Deploy", "CloudFormation", "x", 5001});
    // the process dies here: no ExecutionFinished
  }
  auto h = History::open(dir.string());
  REQUIRE(h);
  auto recovered = (*h)->recover_interrupted(9000);
  REQUIRE(recovered.size() == 1);
  CHECK(recovered[0].execution_id == "killed-1");
  auto rows = (*h)->list();
  CHECK(rows[0].status == Status::Failed);
  CHECK(rows[0].summary == "Interrupted: the pipemu process ended before the execution finished");
  CHECK((*h)->recover_interrupted(9500).empty());  // reported once
}

TEST_CASE("a history file from a newer pipemu is refused", "[history]") {
  auto dir = std::filesystem::temp_directory_path() / "pipemu-history-newer";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  sqlite3* db = nullptr;
  sqlite3_open((dir / "history.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto h = History::open(dir.string());
  REQUIRE_FALSE(h);
  CHECK(h.error() == "run history " + (dir / "history.db").string() +
                         " has schema version 99, newer than this pipemu understands (1); use a "
                         "newer pipemu or another --state directory");
}
