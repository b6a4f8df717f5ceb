#pragma once
// The terminal printer: one Reporter for people. On a TTY it keeps a live board of stages and
// actions (region, RunOrder, status, elapsed, last log line) and overprints it in place, so
// actions of one RunOrder are seen running side by side; otherwise it writes plain lines, one per
// event, which is what CI logs and the tests read. --quiet prints only failures and the result.
// Whatever the mode, a failed execution ends with each failing action, its region, AWS's message,
// the usual fix and the log tail.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "engine/events.hpp"

namespace pipemu::report {

struct TerminalOptions {
  bool live = false;          // overprint a board (only on a TTY)
  bool color = false;         // ANSI colours
  bool quiet = false;         // failures and the final line only
  bool show_logs = false;     // plain mode: print every action log line ("  | ...")
  std::size_t width = 100;    // columns, for truncating live lines
  std::size_t height = 0;     // rows: the live board stays shorter (0 = unknown)
  std::size_t log_tail = 20;  // at most this many log lines in the failure block
  // Clock for elapsed times on the live board (engine::TimePoint units). Default: system clock.
  std::function<engine::TimePoint()> now;
  // Live mode: redraw every refresh_ms from a background thread so elapsed times move while an
  // action runs. 0 = redraw on events only (tests).
  int refresh_ms = 0;
};

// Options for writing to file descriptor `fd`: live and coloured when it is a TTY (colour off
// when NO_COLOR is set or TERM=dumb), width from the terminal.
TerminalOptions detect_terminal(int fd, bool quiet);

class TerminalReporter final : public engine::Reporter {
 public:
  TerminalReporter(std::ostream& out, TerminalOptions options);
  ~TerminalReporter() override;
  TerminalReporter(const TerminalReporter&) = delete;
  TerminalReporter& operator=(const TerminalReporter&) = delete;

  void on_event(const engine::Event& event) override;
  void refresh();  // redraw the live board now (no-op in plain mode)
  // Clears the live board and stops redrawing it until the next event, so a prompt (manual
  // approval with --approve ask) can use the terminal. No-op in plain mode.
  void pause();

  struct Board;  // live-board state (terminal_board.cpp)

 private:
  void plain(const engine::Event& event);
  void live(const engine::Event& event);
  void finish(const engine::ExecutionFinished& e);
  void redraw_locked();
  void clear_board_locked();
  void ticker();

  std::ostream& out_;
  TerminalOptions opt_;
  std::unique_ptr<Board> board_;
  std::size_t drawn_lines_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool paused_ = false;
  std::thread ticker_;
};

// The block printed for a failed execution: per failed action its stage, name, region, provider,
// AWS's message, what it means and the usual fix (when known), and the log tail. Ends with '\n'.
std::string render_failures(const engine::RunRecord& run, bool color, std::size_t max_log_lines);

// The final line: "Execution <id> Succeeded in 14.2s" (with the failure summary when Failed).
std::string render_result(const engine::ExecutionFinished& e, bool color);

}  // namespace pipemu::report
