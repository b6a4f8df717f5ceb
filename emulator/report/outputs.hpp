#pragma once
// Everything `pipemu run` prints or writes, behind one Reporter: the terminal view (live on a
// TTY, plain lines otherwise, or nothing but failures with --quiet) or, with --json, JSON event
// lines instead; plus report.json/junit.xml/report.html when a report directory is given.
// The CLI builds one Outputs from its flags and hands it to the engine (or to its FanOutReporter
// next to the history recorder).
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/events.hpp"

namespace pipemu::report {

struct OutputOptions {
  bool quiet = false;                // --quiet
  bool json = false;                 // --json: JSON lines on `out` instead of the terminal view
  bool verbose = false;              // plain mode also prints every action log line
  std::filesystem::path report_dir;  // --report DIR; empty = no report files
};

class TerminalReporter;
class JsonLinesReporter;
class ReportDirReporter;

class Outputs final : public engine::Reporter {
 public:
  // `fd` is the descriptor behind `out`, used only to detect a TTY and its width.
  Outputs(const OutputOptions& options, std::ostream& out, int fd);
  ~Outputs() override;
  Outputs(const Outputs&) = delete;
  Outputs& operator=(const Outputs&) = delete;

  void on_event(const engine::Event& event) override;

  // After ExecutionFinished: why the report files could not be written ("" when written or when
  // no report directory was asked for), and the files written.
  std::string report_error() const;
  std::vector<std::filesystem::path> reports_written() const;

 private:
  std::unique_ptr<TerminalReporter> terminal_;
  std::unique_ptr<JsonLinesReporter> json_;
  std::unique_ptr<ReportDirReporter> files_;
};

}  // namespace pipemu::report
