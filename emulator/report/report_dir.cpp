#include "report/report_dir.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "report/html.hpp"
#include "report/junit.hpp"
#include "report/report_json.hpp"

namespace pipemu::report {

namespace fs = std::filesystem;

namespace {

Expected<fs::path, std::string> write_file(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return unexpected("cannot write " + tmp.string() + ": " + std::strerror(errno));
    out << text;
    out.flush();
    if (!out) return unexpected("cannot write " + tmp.string() + ": " + std::strerror(errno));
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return unexpected("cannot write " + path.string() + ": " + ec.message());
  return path;
}

}  // namespace

Expected<std::vector<fs::path>, std::string> write_reports(const engine::RunRecord& run,
                                                           const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return unexpected("cannot create report directory " + dir.string() + ": " + ec.message());
  std::vector<fs::path> written;
  const std::pair<const char*, std::string> files[] = {
      {kReportJson,
       report_json(run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"},
      {kJunitXml, junit_xml(run)},
      {kReportHtml, html_report(run)},
  };
  for (const auto& [name, text] : files) {
    auto r = write_file(dir / name, text);
    if (!r) return unexpected(r.error());
    written.push_back(*r);
  }
  return written;
}

void ReportDirReporter::on_event(const engine::Event& event) {
  auto* e = std::get_if<engine::ExecutionFinished>(&event);
  if (!e || !e->record) return;
  auto r = write_reports(*e->record, dir_);
  if (r)
    written_ = *r;
  else
    error_ = r.error();
}

}  // namespace pipemu::report
