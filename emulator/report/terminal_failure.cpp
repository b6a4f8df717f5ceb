// The failure block and the result line: what a developer reads first when a run fails.
#include <fmt/format.h>

#include "report/ansi.hpp"
#include "report/format.hpp"
#include "report/terminal.hpp"
#include "report/view.hpp"

namespace pipemu::report {

using ansi::Color;
using ansi::paint;

std::string render_failures(const engine::RunRecord& run, bool color, std::size_t max_log_lines) {
  RunView view = make_view(run);
  std::string out;
  if (run.status == engine::Status::Failed && view.failed().empty() &&
      !run.status_summary.empty()) {
    out += "\n" + paint("FAILED before any action ran", Color::Red, color) + "\n";
    out += fmt::format("  AWS says:  {}\n", run.status_summary);
    if (view.run_advice) {
      out += fmt::format("  Meaning:   {}\n", view.run_advice->meaning);
      out += paint(fmt::format("  Usual fix: {}", view.run_advice->fix), Color::Bold, color) + "\n";
    }
  }
  for (const ActionView* v : view.failed()) {
    const auto& a = *v->action;
    out += "\n";
    out += paint(fmt::format("FAILED {}/{} in {}", v->stage->name, a.name, a.region), Color::Red,
                 color);
    out +=
        fmt::format(" ({} {}{})\n", a.category, a.provider, v->mode.empty() ? "" : " " + v->mode);
    std::string said = a.error.empty() ? "(no message)" : a.error;
    if (!a.error_code.empty()) said = a.error_code + ": " + said;
    out += fmt::format("  AWS says:  {}\n", said);
    if (v->advice) {
      out += fmt::format("  Meaning:   {}\n", v->advice->meaning);
      out += paint(fmt::format("  Usual fix: {}", v->advice->fix), Color::Bold, color) + "\n";
    }
    if (!a.log_tail.empty()) {
      std::size_t n = a.log_tail.size();
      std::size_t from = n > max_log_lines ? n - max_log_lines : 0;
      out += fmt::format("  Log tail ({} line{}):\n", n - from, n - from == 1 ? "" : "s");
      for (std::size_t i = from; i < n; ++i)
        out += paint("    | ", Color::Dim, color) + strip_control(a.log_tail[i]) + "\n";
    }
  }
  return out;
}

std::string render_result(const engine::ExecutionFinished& e, bool color) {
  std::string head = fmt::format("Execution {} {}", e.execution_id, engine::to_string(e.status));
  std::string line =
      paint(head, ansi::status_color(e.status), color) + " in " + format_duration(e.ms);
  if (!e.summary.empty() && e.status != engine::Status::Succeeded) line += ": " + e.summary;
  return line + "\n";
}

}  // namespace pipemu::report
