#include "report/outputs.hpp"

#include "report/json_lines.hpp"
#include "report/report_dir.hpp"
#include "report/terminal.hpp"

namespace pipemu::report {

Outputs::Outputs(const OutputOptions& options, std::ostream& out, int fd) {
  if (options.json) {
    json_ = std::make_unique<JsonLinesReporter>(out);
  } else {
    TerminalOptions t = detect_terminal(fd, options.quiet);
    t.show_logs = options.verbose;
    terminal_ = std::make_unique<TerminalReporter>(out, std::move(t));
  }
  if (!options.report_dir.empty()) files_ = std::make_unique<ReportDirReporter>(options.report_dir);
}

Outputs::~Outputs() = default;

void Outputs::on_event(const engine::Event& event) {
  // Files first: when the terminal prints the result line, the reports are already on disk.
  if (files_) files_->on_event(event);
  if (terminal_) terminal_->on_event(event);
  if (json_) json_->on_event(event);
}

std::string Outputs::report_error() const {
  return files_ ? files_->error() : std::string();
}

std::vector<std::filesystem::path> Outputs::reports_written() const {
  return files_ ? files_->written() : std::vector<std::filesystem::path>{};
}

}  // namespace pipemu::report
