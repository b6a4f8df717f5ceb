// Assembles report.html from its parts (html_*.cpp). The CSP forbids every fetch, which both
// guarantees the page is self-contained and makes a test of that property meaningful.
#include <fmt/format.h>

#include "report/html.hpp"
#include "report/html_parts.hpp"
#include "report/view.hpp"

namespace pipemu::report {

std::string html_report(const engine::RunRecord& run) {
  RunView v = make_view(run);
  std::string out;
  out.reserve(64 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{} {} — {} — pipemu</title>\n", html::status_glyph(run.status),
                     html_escape(run.pipeline_name), engine::to_string(run.status));
  out += "<style>" + std::string(html::style()) + "</style>\n</head>\n<body>\n<main>\n";
  out += html::header(v);
  out += html::failures(v);
  out += html::timeline(v);
  out += html::graph(v);
  out += html::actions(v);
  out += html::artifacts(v);
  out += html::stacks(v);
  out +=
      "<footer>Written by pipemu, which replays CodePipeline locally against emulated AWS "
      "services. The same data is in report.json (schema: docs/reference/report-schema.md) "
      "and junit.xml.</footer>\n";
  out += "</main>\n<script>" + std::string(html::script()) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace pipemu::report
