// The live board: one line per stage, and one per action of the stages that are running or
// failed, each with region, RunOrder, a status glyph, elapsed time and the last log line. Actions
// sharing a RunOrder are bracketed together so parallel work reads as parallel.
#include "report/terminal_board.hpp"

#include <fmt/format.h>

#include "report/ansi.hpp"
#include "report/format.hpp"

namespace pipemu::report {

using ansi::Color;
using ansi::paint;
using engine::Status;

namespace {

constexpr const char* kSpinner[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

std::string glyph(Status s, engine::TimePoint now) {
  switch (s) {
    case Status::Succeeded:
      return "✔";
    case Status::Failed:
      return "✘";
    case Status::InProgress:
      return kSpinner[(now / 100) % 10];
    case Status::Stopped:
    case Status::Abandoned:
      return "■";
    case Status::NotStarted:
      return "·";
  }
  return "?";
}

std::string pad(std::string_view s, std::size_t width) {
  std::string out = truncate_columns(s, width);
  std::size_t w = display_width(out);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::int64_t elapsed(Status s, engine::TimePoint started, std::int64_t ms, engine::TimePoint now) {
  if (s == Status::InProgress && started) return now > started ? now - started : 0;
  return ms;
}

}  // namespace

TerminalReporter::Board::Stage& TerminalReporter::Board::stage(const std::string& name) {
  for (auto& s : stages)
    if (s.name == name) return s;
  stages.push_back(Stage{name, Status::NotStarted, 0, 0, {}});
  return stages.back();
}

TerminalReporter::Board::Action& TerminalReporter::Board::action(const std::string& stage_name,
                                                                 const std::string& name) {
  Stage& s = stage(stage_name);
  for (auto& a : s.actions)
    if (a.name == name) return a;
  s.actions.push_back(Action{name, "", 1, Status::NotStarted, 0, 0, ""});
  return s.actions.back();
}

void TerminalReporter::Board::apply(const engine::Event& event) {
  if (auto* e = std::get_if<engine::ExecutionStarted>(&event)) {
    pipeline = e->pipeline_name;
    region = e->pipeline_region;
    execution_id = e->execution_id;
    started = e->at;
    stages.clear();
    for (const auto& s : e->stages) {
      Stage st{s.name, Status::NotStarted, 0, 0, {}};
      for (const auto& a : s.actions)
        st.actions.push_back(Action{a.name, a.region, a.run_order, Status::NotStarted, 0, 0, ""});
      stages.push_back(std::move(st));
    }
  } else if (auto* e1 = std::get_if<engine::StageStarted>(&event)) {
    Stage& s = stage(e1->stage);
    s.status = Status::InProgress;
    s.started = e1->at;
  } else if (auto* e2 = std::get_if<engine::ActionStarted>(&event)) {
    Action& a = action(e2->stage, e2->action);
    a.region = e2->region;
    a.run_order = e2->run_order;
    a.status = Status::InProgress;
    a.started = e2->at;
  } else if (auto* e3 = std::get_if<engine::ActionLog>(&event)) {
    action(e3->stage, e3->action).last = strip_control(e3->line);
  } else if (auto* e4 = std::get_if<engine::ActionFinished>(&event)) {
    Action& a = action(e4->stage, e4->action);
    a.status = e4->outcome;
    a.ms = e4->ms;
    a.last = strip_control(e4->outcome == Status::Failed && !e4->error.empty() ? e4->error
                                                                               : e4->summary);
  } else if (auto* e5 = std::get_if<engine::StageFinished>(&event)) {
    Stage& s = stage(e5->stage);
    s.status = e5->status;
    s.ms = e5->ms;
  }
}

std::vector<std::string> TerminalReporter::Board::render(engine::TimePoint now, std::size_t width,
                                                         bool color, bool expand_all,
                                                         std::size_t max_lines) const {
  // Overprinting only works while the board fits on the screen: when it would not, the open
  // stage shows only its running and failed actions plus a count of the others.
  std::size_t full = 1 + stages.size();
  for (const auto& s : stages)
    if (expand_all || s.status == Status::InProgress || s.status == Status::Failed)
      full += s.actions.size();
  const bool compact = !expand_all && max_lines > 0 && full > max_lines;
  std::vector<std::string> lines;
  std::size_t name_w = 12, region_w = 9;
  for (const auto& s : stages)
    for (const auto& a : s.actions) {
      name_w = std::max(name_w, display_width(a.name));
      region_w = std::max(region_w, display_width(a.region));
    }
  name_w = std::min<std::size_t>(name_w, 28);
  auto fit = [width](std::string plain_part, const std::string& colored_prefix,
                     std::size_t prefix_cols) {
    std::size_t room = width > prefix_cols ? width - prefix_cols : 0;
    while (!plain_part.empty() && plain_part.back() == ' ') plain_part.pop_back();
    return colored_prefix + truncate_columns(plain_part, room);
  };

  std::string head = fmt::format("{} ({})  execution {}", pipeline, region, execution_id);
  lines.push_back(paint(truncate_columns(head, width), Color::Bold, color));
  for (const auto& s : stages) {
    std::int64_t ms = elapsed(s.status, s.started, s.ms, now);
    std::string g = glyph(s.status, now);
    std::string rest = pad(s.name, name_w + region_w + 10) +
                       (s.status == Status::NotStarted ? "" : format_duration(ms));
    lines.push_back(fit(rest, " " + paint(g, ansi::status_color(s.status), color) + " ", 3));
    bool open = expand_all || s.status == Status::InProgress || s.status == Status::Failed;
    if (!open) continue;
    std::size_t done = 0, waiting = 0;
    for (std::size_t i = 0; i < s.actions.size(); ++i) {
      const Action& a = s.actions[i];
      if (compact && a.status != Status::InProgress && a.status != Status::Failed) {
        ++(a.status == Status::NotStarted ? waiting : done);
        continue;
      }
      // Bracket actions that share a RunOrder: they run at the same time.
      auto same = [&](std::size_t j) {
        return j < s.actions.size() && s.actions[j].run_order == a.run_order;
      };
      bool prev = i > 0 && same(i - 1), next = same(i + 1);
      const char* bracket = prev && next ? "│" : prev ? "└" : next ? "┌" : " ";
      std::string g2 = glyph(a.status, now);
      std::string body = pad(a.name, name_w) + "  " + pad(a.region, region_w) + "  " +
                         pad(a.status == Status::NotStarted
                                 ? ""
                                 : format_duration(elapsed(a.status, a.started, a.ms, now)),
                             7) +
                         "  " + a.last;
      std::string prefix = fmt::format("   {}{} ", a.run_order, bracket) +
                           paint(g2, ansi::status_color(a.status), color) + " ";
      std::size_t prefix_cols = 3 + display_width(std::to_string(a.run_order)) + 1 + 1 + 2;
      lines.push_back(fit(body, prefix, prefix_cols));
    }
    if (done + waiting > 0)
      lines.push_back(truncate_columns(
          fmt::format("     … {} more: {} finished, {} waiting", done + waiting, done, waiting),
          width));
  }
  if (max_lines > 0 && !expand_all && lines.size() > max_lines) lines.resize(max_lines);
  return lines;
}

}  // namespace pipemu::report
