#include "engine/history/history.hpp"

#include <sqlite3.h>

#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/run_record_json.hpp"

namespace pipemu::engine {

namespace {

const char* kSchemaV1 = R"sql(
CREATE TABLE executions (
  execution_id TEXT PRIMARY KEY, pipeline_name TEXT, pipeline_region TEXT, status TEXT,
  summary TEXT, started INTEGER, finished INTEGER, commit_id TEXT, template_path TEXT,
  record TEXT);
CREATE TABLE action_runs (
  execution_id TEXT, stage TEXT, action TEXT, region TEXT, run_order INTEGER, provider TEXT,
  status TEXT, started INTEGER, finished INTEGER, error TEXT,
  PRIMARY KEY (execution_id, stage, action));
CREATE TABLE artifacts (
  execution_id TEXT, name TEXT, sha256 TEXT, size INTEGER, produced_by TEXT,
  PRIMARY KEY (execution_id, name));
CREATE TABLE stack_changes (
  execution_id TEXT, seq INTEGER, region TEXT, stack_name TEXT, action_name TEXT, status TEXT,
  status_reason TEXT, changes INTEGER, PRIMARY KEY (execution_id, seq));
)sql";

// A prepared statement with positional binds; steps to completion or returns rows.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  bool step() { return s_ && sqlite3_step(s_) == SQLITE_ROW; }
  std::string text(int col) {
    auto p = sqlite3_column_text(s_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  std::int64_t integer(int col) { return sqlite3_column_int64(s_, col); }

 private:
  sqlite3_stmt* s_ = nullptr;
};

HistoryRow row_of(Stmt& s) {
  HistoryRow r;
  r.execution_id = s.text(0);
  r.pipeline_name = s.text(1);
  r.pipeline_region = s.text(2);
  r.status = status_from_string(s.text(3));
  r.summary = s.text(4);
  r.started = s.integer(5);
  r.finished = s.integer(6);
  r.commit = s.text(7);
  return r;
}

const char* kRowColumns =
    "execution_id, pipeline_name, pipeline_region, status, summary, started, finished, commit_id";

}  // namespace

Expected<std::unique_ptr<History>, std::string> History::open(const std::string& dir) {
  std::string path = ":memory:";
  if (!dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    path = (std::filesystem::path(dir) / "history.db").string();
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string msg = fmt::format("cannot open run history {}: {}", path, db ? sqlite3_errmsg(db) : "?");
    sqlite3_close(db);
    return unexpected(msg);
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<History> h(new History(db));
  int version = 0;
  {
    Stmt s(db, "PRAGMA user_version");
    if (s.step()) version = static_cast<int>(s.integer(0));
  }
  if (version > kSchemaVersion)
    return unexpected(fmt::format(
        "run history {} has schema version {}, newer than this pipemu understands ({}); use a newer "
        "pipemu or another --state directory",
        path, version, kSchemaVersion));
  if (version < 1) {
    char* err = nullptr;
    std::string sql = std::string("BEGIN;") + kSchemaV1 + "PRAGMA user_version = 1; COMMIT;";
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = fmt::format("cannot create run history {}: {}", path, err ? err : "?");
      sqlite3_free(err);
      return unexpected(msg);
    }
  }
  return h;
}

History::~History() { sqlite3_close(db_); }

void History::exec(const std::string& sql) { sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); }

std::vector<HistoryRow> History::recover_interrupted(TimePoint now) {
  std::vector<HistoryRow> out;
  {
    Stmt s(db_, fmt::format("SELECT {} FROM executions WHERE status = 'InProgress'", kRowColumns).c_str());
    while (s.step()) out.push_back(row_of(s));
  }
  for (auto& r : out) {
    r.status = Status::Failed;
    r.summary = "Interrupted: the pipemu process ended before the execution finished";
    r.finished = now;
    Stmt u(db_, "UPDATE executions SET status = 'Failed', summary = ?1, finished = ?2 WHERE execution_id = ?3");
    u.bind(1, r.summary).bind(2, now).bind(3, r.execution_id).step();
    Stmt a(db_, "UPDATE action_runs SET status = 'Failed', error = 'Interrupted', finished = ?1 "
                "WHERE execution_id = ?2 AND status = 'InProgress'");
    a.bind(1, now).bind(2, r.execution_id).step();
  }
  return out;
}

void History::execution_started(const RunRecord& r) {
  Stmt s(db_, "INSERT OR REPLACE INTO executions (execution_id, pipeline_name, pipeline_region, status, "
              "summary, started, finished, commit_id, template_path, record) VALUES (?1,?2,?3,'InProgress','',?4,0,?5,?6,?7)");
  s.bind(1, r.execution_id).bind(2, r.pipeline_name).bind(3, r.pipeline_region).bind(4, r.started)
      .bind(5, r.trigger.commit).bind(6, r.template_path).bind(7, to_json(r).dump()).step();
}

void History::action_finished(const std::string& id, const std::string& stage, const ActionRecord& a) {
  Stmt s(db_, "INSERT OR REPLACE INTO action_runs VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
  s.bind(1, id).bind(2, stage).bind(3, a.name).bind(4, a.region).bind(5, std::int64_t{a.run_order})
      .bind(6, a.provider).bind(7, std::string(to_string(a.status))).bind(8, a.started).bind(9, a.finished)
      .bind(10, a.error).step();
}

void History::execution_finished(const RunRecord& r) {
  exec("BEGIN");
  {
    Stmt s(db_, "INSERT OR REPLACE INTO executions (execution_id, pipeline_name, pipeline_region, status, "
                "summary, started, finished, commit_id, template_path, record) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    s.bind(1, r.execution_id).bind(2, r.pipeline_name).bind(3, r.pipeline_region)
        .bind(4, std::string(to_string(r.status))).bind(5, r.status_summary).bind(6, r.started)
        .bind(7, r.finished).bind(8, r.trigger.commit).bind(9, r.template_path).bind(10, to_json(r).dump()).step();
  }
  for (const auto& st : r.stages)
    for (const auto& a : st.actions) action_finished(r.execution_id, st.name, a);
  for (const auto& a : r.artifacts) {
    Stmt s(db_, "INSERT OR REPLACE INTO artifacts VALUES (?1,?2,?3,?4,?5)");
    s.bind(1, r.execution_id).bind(2, a.name).bind(3, a.sha256).bind(4, static_cast<std::int64_t>(a.size))
        .bind(5, a.produced_by).step();
  }
  std::int64_t seq = 0;
  for (const auto& st : r.stacks) {
    Stmt s(db_, "INSERT OR REPLACE INTO stack_changes VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    s.bind(1, r.execution_id).bind(2, seq++).bind(3, st.region).bind(4, st.stack_name).bind(5, st.action_name)
        .bind(6, st.status).bind(7, st.status_reason).bind(8, static_cast<std::int64_t>(st.changes.size())).step();
  }
  exec("COMMIT");
}

std::vector<HistoryRow> History::list(int limit) {
  std::vector<HistoryRow> out;
  Stmt s(db_, fmt::format("SELECT {} FROM executions ORDER BY started DESC, rowid DESC LIMIT {}", kRowColumns, limit).c_str());
  while (s.step()) out.push_back(row_of(s));
  return out;
}

Expected<RunRecord, std::string> History::load(const std::string& key) {
  std::vector<std::string> ids;
  if (key == "latest" || key == "previous") {
    Stmt s(db_, "SELECT execution_id FROM executions ORDER BY started DESC, rowid DESC LIMIT 2");
    while (s.step()) ids.push_back(s.text(0));
    size_t want = key == "latest" ? 0 : 1;
    if (ids.size() <= want) return unexpected(fmt::format("no {} run in the history", key));
    ids = {ids[want]};
  } else {
    Stmt s(db_, "SELECT execution_id FROM executions WHERE execution_id LIKE ?1 || '%'");
    s.bind(1, key);
    while (s.step()) ids.push_back(s.text(0));
    if (ids.empty()) return unexpected(fmt::format("no run {} in the history (see pipemu history)", key));
    if (ids.size() > 1) return unexpected(fmt::format("run id prefix {} is ambiguous ({} runs)", key, ids.size()));
  }
  Stmt s(db_, "SELECT record, status, summary, finished FROM executions WHERE execution_id = ?1");
  s.bind(1, ids[0]);
  if (!s.step()) return unexpected(fmt::format("no run {}", key));
  auto j = nlohmann::json::parse(s.text(0), nullptr, false);
  if (j.is_discarded()) return unexpected(fmt::format("run {} has an unreadable record", ids[0]));
  RunRecord r = run_record_from_json(j);
  r.status = status_from_string(s.text(1));  // recovery may have changed it since
  r.status_summary = s.text(2);
  r.finished = s.integer(3);
  return r;
}

void HistoryReporter::on_event(const Event& e) {
  if (auto* s = std::get_if<ExecutionStarted>(&e)) {
    current_ = RunRecord{};
    current_.execution_id = s->execution_id;
    current_.pipeline_name = s->pipeline_name;
    current_.pipeline_region = s->pipeline_region;
    current_.trigger = s->trigger;
    current_.started = s->at;
    current_.status = Status::InProgress;
    current_.stages = s->stages;
    h_.execution_started(current_);
  } else if (auto* a = std::get_if<ActionStarted>(&e)) {
    ActionRecord ar;
    ar.name = a->action;
    ar.region = a->region;
    ar.run_order = a->run_order;
    ar.provider = a->provider;
    ar.status = Status::InProgress;
    ar.started = a->at;
    h_.action_finished(current_.execution_id, a->stage, ar);
  } else if (auto* f = std::get_if<ActionFinished>(&e)) {
    ActionRecord ar;
    ar.name = f->action;
    ar.region = f->region;
    ar.status = f->outcome;
    ar.finished = f->at;
    ar.started = f->at - f->ms;
    ar.error = f->error;
    for (const auto& st : current_.stages)
      if (st.name == f->stage)
        if (const auto* d = st.action(f->action)) ar.run_order = d->run_order, ar.provider = d->provider;
    h_.action_finished(current_.execution_id, f->stage, ar);
  } else if (auto* x = std::get_if<ExecutionFinished>(&e)) {
    if (x->record) h_.execution_finished(*x->record);
  }
}

}  // namespace pipemu::engine
