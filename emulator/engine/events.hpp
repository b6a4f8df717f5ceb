#pragma once
// The events an execution emits, in order, and the one Reporter interface every output (terminal
// live view, --json lines, report files, history) implements. Plain data: a reporter needs
// nothing but these to render progress. Identifiers are names (stage, action) because that is
// how CodePipeline addresses them; `region` is the action's effective region.
//
// Contract: the engine serialises on_event calls (one at a time, even when actions of one RunOrder
// run on several threads), so reporters need no locking. Order per action is ActionStarted,
// ActionLog*, ActionFinished; per stage StageStarted ... StageFinished; the whole run opens with
// ExecutionStarted and closes with ExecutionFinished, which carries the complete record.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "engine/run_record.hpp"

namespace pipemu::engine {

// Opens a run. `stages` is the plan: every stage and action with region and RunOrder, all
// NotStarted, so a live view can lay out the whole pipeline before anything runs.
struct ExecutionStarted {
  std::string execution_id;
  std::string pipeline_name;
  std::string pipeline_region;
  Trigger trigger;
  TimePoint at = 0;
  std::vector<StageRecord> stages;
};

struct StageStarted {
  std::string stage;
  TimePoint at = 0;
};

struct ActionStarted {
  std::string stage;
  std::string action;
  std::string region;
  int run_order = 1;
  std::string category;
  std::string provider;
  std::string action_execution_id;
  TimePoint at = 0;
};

// One line of an action's output (build log, stack event, approval prompt). No trailing newline.
struct ActionLog {
  std::string stage;
  std::string action;
  std::string region;
  std::string line;
  TimePoint at = 0;
};

struct ActionFinished {
  std::string stage;
  std::string action;
  std::string region;
  Status outcome = Status::Succeeded;  // Succeeded, Failed or Abandoned
  std::int64_t ms = 0;
  std::string error;    // AWS's message when Failed
  std::string summary;  // one line of what it did
  std::vector<std::string> log_tail;  // last lines, for failure output
  TimePoint at = 0;
};

struct StageFinished {
  std::string stage;
  Status status = Status::Succeeded;
  std::int64_t ms = 0;
  TimePoint at = 0;
};

// Something the engine says outside any action: the pipeline stack deployed first, an
// interrupted earlier execution found in the state dir, the loopback port the fakes serve on.
struct Notice {
  enum class Level { Info, Warning, Error } level = Level::Info;
  std::string text;
  TimePoint at = 0;
};

struct ExecutionFinished {
  std::string execution_id;
  Status status = Status::Succeeded;  // Succeeded or Failed (Stopped when interrupted)
  std::int64_t ms = 0;
  std::string summary;  // failure reason, "" on success
  TimePoint at = 0;
  std::shared_ptr<const RunRecord> record;  // the complete run, never null
};

using Event = std::variant<ExecutionStarted, StageStarted, ActionStarted, ActionLog, ActionFinished,
                           StageFinished, Notice, ExecutionFinished>;

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void on_event(const Event& event) = 0;
};

// Sends every event to several reporters in order (terminal + json + report files + history).
class FanOutReporter final : public Reporter {
 public:
  void add(Reporter* r) { if (r) targets_.push_back(r); }
  void on_event(const Event& event) override {
    for (Reporter* r : targets_) r->on_event(event);
  }

 private:
  std::vector<Reporter*> targets_;
};

}  // namespace pipemu::engine
