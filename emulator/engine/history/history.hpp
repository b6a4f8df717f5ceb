#pragma once
// Run history: every execution, its action runs, artifacts and stack changes, in SQLite at
// <state>/history.db. A file of its own rather than a fakes component: history is not AWS state —
// `pipemu serve`'s reset must not erase it — and one run spans several regions' databases.
// Versioned with PRAGMA user_version; a newer file is refused with a clear message.
//
// The HistoryReporter writes as events arrive (an execution row at ExecutionStarted, each action
// as it finishes), so a killed `pipemu run` leaves an InProgress row; the next open() marks such
// rows Failed ("interrupted") and reports them.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/events.hpp"
#include "engine/run_record.hpp"
#include "model/expected.hpp"

struct sqlite3;

namespace pipemu::engine {

struct HistoryRow {
  std::string execution_id;
  std::string pipeline_name;
  std::string pipeline_region;
  Status status = Status::NotStarted;
  std::string summary;
  TimePoint started = 0;
  TimePoint finished = 0;
  std::string commit;
};

class History {
 public:
  static constexpr int kSchemaVersion = 1;
  // Opens (creating) <dir>/history.db; "" = in memory.
  static Expected<std::unique_ptr<History>, std::string> open(const std::string& dir);
  ~History();

  // Marks executions left InProgress by a process that died as Failed; returns them.
  std::vector<HistoryRow> recover_interrupted(TimePoint now);

  void execution_started(const RunRecord& skeleton);
  void action_finished(const std::string& execution_id, const std::string& stage, const ActionRecord& a);
  void execution_finished(const RunRecord& record);

  std::vector<HistoryRow> list(int limit = 50);
  // By full id, unique prefix, or "latest" / "previous" (the one before latest).
  Expected<RunRecord, std::string> load(const std::string& id_or_alias);

 private:
  explicit History(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  void exec(const std::string& sql);
};

class HistoryReporter final : public Reporter {
 public:
  explicit HistoryReporter(History& h) : h_(h) {}
  void on_event(const Event& e) override;

 private:
  History& h_;
  RunRecord current_;
};

}  // namespace pipemu::engine
