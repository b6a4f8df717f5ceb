#pragma once
// Internal to the terminal printer: the live board's state and how it is drawn.
#include <string>
#include <vector>

#include "report/terminal.hpp"

namespace pipemu::report {

struct TerminalReporter::Board {
  struct Action {
    std::string name;
    std::string region;
    int run_order = 1;
    engine::Status status = engine::Status::NotStarted;
    engine::TimePoint started = 0;
    std::int64_t ms = 0;
    std::string last;  // last log line, or the summary once finished
  };
  struct Stage {
    std::string name;
    engine::Status status = engine::Status::NotStarted;
    engine::TimePoint started = 0;
    std::int64_t ms = 0;
    std::vector<Action> actions;
  };

  std::string pipeline;
  std::string region;
  std::string execution_id;
  engine::TimePoint started = 0;
  std::vector<Stage> stages;

  void apply(const engine::Event& event);
  // Lines of the board at `now`. Finished stages fold to one line unless expand_all; with
  // max_lines (> 0, ignored when expand_all) the board never gets taller than that.
  std::vector<std::string> render(engine::TimePoint now, std::size_t width, bool color,
                                  bool expand_all, std::size_t max_lines = 0) const;

 private:
  Stage& stage(const std::string& name);
  Action& action(const std::string& stage_name, const std::string& name);
};

}  // namespace pipemu::report
