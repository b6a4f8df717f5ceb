#pragma once
// `--report DIR`: writes report.json, junit.xml and report.html for a finished run. Each file is
// written to a temporary name and renamed, so a reader never sees half a report.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/events.hpp"
#include "model/expected.hpp"

namespace pipemu::report {

inline constexpr const char* kReportJson = "report.json";
inline constexpr const char* kJunitXml = "junit.xml";
inline constexpr const char* kReportHtml = "report.html";

// Creates `dir` if needed. Returns the paths written, or a message naming the file that failed.
Expected<std::vector<std::filesystem::path>, std::string> write_reports(
    const engine::RunRecord& run, const std::filesystem::path& dir);

// The Reporter form: writes the reports when ExecutionFinished arrives. error() is "" on success.
class ReportDirReporter final : public engine::Reporter {
 public:
  explicit ReportDirReporter(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void on_event(const engine::Event& event) override;
  const std::string& error() const { return error_; }
  const std::vector<std::filesystem::path>& written() const { return written_; }

 private:
  std::filesystem::path dir_;
  std::string error_;
  std::vector<std::filesystem::path> written_;
};

}  // namespace pipemu::report
