// The terminal printer's two modes. Plain: one line per event, stable text for logs and tests.
// Live: the board (terminal_board.cpp) redrawn in place with "cursor up N lines, clear to end of
// screen"; notices are printed above it. Both end with the failure block and the result line.
#include "report/terminal.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>

#include "report/ansi.hpp"
#include "report/format.hpp"
#include "report/terminal_board.hpp"

namespace pipemu::report {

using ansi::Color;
using ansi::paint;
using engine::Status;

namespace {

engine::TimePoint system_now() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

const char* notice_word(engine::Notice::Level l) {
  switch (l) {
    case engine::Notice::Level::Info:
      return "note";
    case engine::Notice::Level::Warning:
      return "warning";
    case engine::Notice::Level::Error:
      return "error";
  }
  return "note";
}

}  // namespace

TerminalOptions detect_terminal(int fd, bool quiet) {
  TerminalOptions o;
  o.quiet = quiet;
  bool tty = isatty(fd) == 1;
  const char* term = std::getenv("TERM");
  bool dumb = term && std::strcmp(term, "dumb") == 0;
  o.live = tty && !dumb && !quiet;
  o.color = tty && !dumb && std::getenv("NO_COLOR") == nullptr;
  struct winsize ws {};
  if (tty && ioctl(fd, TIOCGWINSZ, &ws) == 0) {
    if (ws.ws_col > 20) o.width = ws.ws_col;
    if (ws.ws_row > 3) o.height = ws.ws_row;
  }
  o.refresh_ms = o.live ? 100 : 0;
  return o;
}

TerminalReporter::TerminalReporter(std::ostream& out, TerminalOptions options)
    : out_(out), opt_(std::move(options)), board_(std::make_unique<Board>()) {
  if (!opt_.now) opt_.now = system_now;
  if (opt_.live && opt_.refresh_ms > 0) ticker_ = std::thread([this] { ticker(); });
}

TerminalReporter::~TerminalReporter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void TerminalReporter::ticker() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    cv_.wait_for(lock, std::chrono::milliseconds(opt_.refresh_ms));
    if (!stopping_ && !paused_ && drawn_lines_ > 0) redraw_locked();
  }
}

void TerminalReporter::pause() {
  std::lock_guard lock(mu_);
  if (!opt_.live) return;
  clear_board_locked();
  out_ << std::flush;
  paused_ = true;
}

void TerminalReporter::refresh() {
  std::lock_guard lock(mu_);
  if (opt_.live) redraw_locked();
}

void TerminalReporter::on_event(const engine::Event& event) {
  std::lock_guard lock(mu_);
  paused_ = false;
  if (auto* e = std::get_if<engine::ExecutionFinished>(&event)) {
    board_->apply(event);
    finish(*e);
    return;
  }
  if (opt_.live)
    live(event);
  else if (!opt_.quiet)
    plain(event);
  else if (auto* n = std::get_if<engine::Notice>(&event);
           n && n->level == engine::Notice::Level::Error)
    out_ << notice_word(n->level) << ": " << n->text << "\n" << std::flush;
}

void TerminalReporter::plain(const engine::Event& event) {
  const bool c = opt_.color;
  if (auto* e1 = std::get_if<engine::ExecutionStarted>(&event)) {
    std::size_t actions = 0;
    for (const auto& s : e1->stages) actions += s.actions.size();
    out_ << fmt::format("Pipeline {} in {}, execution {}: {} stage{}, {} action{}\n",
                        e1->pipeline_name, e1->pipeline_region, e1->execution_id, e1->stages.size(),
                        e1->stages.size() == 1 ? "" : "s", actions, actions == 1 ? "" : "s");
    const auto& t = e1->trigger;
    if (!t.commit.empty())
      out_ << fmt::format("Revision {} {}@{}{}\n", t.repository, t.branch, t.commit.substr(0, 7),
                          t.commit_message.empty() ? "" : " \"" + t.commit_message + "\"");
  } else if (auto* e2 = std::get_if<engine::StageStarted>(&event)) {
    out_ << paint("== Stage " + e2->stage, Color::Bold, c) << "\n";
  } else if (auto* e3 = std::get_if<engine::ActionStarted>(&event)) {
    out_ << fmt::format("   {:<10} {}/{} ({}, RunOrder {})\n", "started", e3->stage, e3->action,
                        e3->region, e3->run_order);
  } else if (auto* e4 = std::get_if<engine::ActionLog>(&event)) {
    if (opt_.show_logs)
      out_ << fmt::format("   | {}/{}: {}\n", e4->stage, e4->action, strip_control(e4->line));
  } else if (auto* e5 = std::get_if<engine::ActionFinished>(&event)) {
    std::string word = std::string(engine::to_string(e5->outcome));
    std::string what =
        e5->outcome == Status::Failed && !e5->error.empty() ? e5->error : e5->summary;
    out_ << "   " << paint(fmt::format("{:<10}", word), ansi::status_color(e5->outcome), c)
         << fmt::format(" {}/{} ({}) {}{}\n", e5->stage, e5->action, e5->region,
                        format_duration(e5->ms), what.empty() ? "" : ": " + strip_control(what));
  } else if (auto* e6 = std::get_if<engine::StageFinished>(&event)) {
    out_ << paint(fmt::format("== Stage {} {}", e6->stage, engine::to_string(e6->status)),
                  ansi::status_color(e6->status), c)
         << " in " << format_duration(e6->ms) << "\n";
  } else if (auto* e7 = std::get_if<engine::Notice>(&event)) {
    out_ << notice_word(e7->level) << ": " << e7->text << "\n";
  }
  out_ << std::flush;
}

void TerminalReporter::live(const engine::Event& event) {
  if (auto* n = std::get_if<engine::Notice>(&event)) {
    clear_board_locked();
    out_ << notice_word(n->level) << ": " << n->text << "\n";
  }
  board_->apply(event);
  redraw_locked();
}

void TerminalReporter::clear_board_locked() {
  if (drawn_lines_ == 0) return;
  out_ << "\x1b[" << drawn_lines_ << "F\x1b[J";  // to the board's first line, clear below
  drawn_lines_ = 0;
}

void TerminalReporter::redraw_locked() {
  if (!opt_.live || board_->stages.empty()) return;
  // One line of the screen stays free so the cursor-up never scrolls past the board's top.
  auto lines = board_->render(opt_.now(), opt_.width, opt_.color, false,
                              opt_.height > 1 ? opt_.height - 1 : 0);
  std::string buf;
  if (drawn_lines_ > 0) buf += "\x1b[" + std::to_string(drawn_lines_) + "F\x1b[J";
  for (const auto& l : lines) buf += l + "\n";
  out_ << buf << std::flush;
  drawn_lines_ = lines.size();
}

void TerminalReporter::finish(const engine::ExecutionFinished& e) {
  if (opt_.live) {
    clear_board_locked();
    for (const auto& l : board_->render(opt_.now(), opt_.width, opt_.color, true))
      out_ << l << "\n";
  }
  if (e.record) out_ << render_failures(*e.record, opt_.color, opt_.log_tail);
  out_ << render_result(e, opt_.color) << std::flush;
}

}  // namespace pipemu::report
