#include "report/junit.hpp"

#include <pugixml.hpp>
#include <sstream>

#include "engine/run_record_json.hpp"
#include "report/format.hpp"
#include "report/view.hpp"

namespace pipemu::report {

using engine::Status;

namespace {

struct Counts {
  std::size_t tests = 0, failures = 0, skipped = 0;
};

void count(Counts& c, Status s) {
  ++c.tests;
  if (s == Status::Failed) ++c.failures;
  if (s == Status::NotStarted || s == Status::Abandoned || s == Status::Stopped) ++c.skipped;
}

// junit.xsd allows "skipped" on <testsuite> only, not on <testsuites>.
void set_counts(pugi::xml_node n, const Counts& c, std::int64_t ms, bool with_skipped) {
  n.append_attribute("tests") = static_cast<unsigned long long>(c.tests);
  n.append_attribute("failures") = static_cast<unsigned long long>(c.failures);
  n.append_attribute("errors") = 0;
  if (with_skipped) n.append_attribute("skipped") = static_cast<unsigned long long>(c.skipped);
  n.append_attribute("time") = format_seconds(ms).c_str();
}

// junit.xsd's timestamp is xs:dateTime without a zone designator: "2026-11-27T09:42:27".
std::string junit_timestamp(engine::TimePoint t) {
  std::string iso = engine::iso8601(t);
  return iso.size() >= 19 ? iso.substr(0, 19) : "1970-01-01T00:00:00";
}

// XML 1.0 forbids most control characters even escaped; build logs may contain them. Newlines
// are kept (line by line).
std::string xml_text(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    std::string_view line = s.substr(start, nl == std::string_view::npos ? s.npos : nl - start);
    out += strip_control(line);
    if (nl == std::string_view::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

}  // namespace

std::string junit_xml(const engine::RunRecord& run) {
  RunView view = make_view(run);
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";

  auto suites = doc.append_child("testsuites");
  suites.append_attribute("name") = run.pipeline_name.c_str();
  Counts total;
  for (const auto& v : view.actions) count(total, v.action->status);
  set_counts(suites, total, run.duration_ms(), false);

  std::size_t k = 0;
  for (std::size_t si = 0; si < run.stages.size(); ++si) {
    const auto& stage = run.stages[si];
    auto suite = suites.append_child("testsuite");
    suite.append_attribute("name") = stage.name.c_str();
    Counts c;
    for (const auto& a : stage.actions) count(c, a.status);
    set_counts(suite, c, stage.finished && stage.started ? stage.finished - stage.started : 0,
               true);
    suite.append_attribute("timestamp") =
        junit_timestamp(stage.started ? stage.started : run.started).c_str();
    suite.append_attribute("hostname") = run.pipeline_region.c_str();
    suite.append_attribute("id") = static_cast<unsigned long long>(si);
    suite.append_attribute("package") = run.pipeline_name.c_str();

    for (const auto& a : stage.actions) {
      const ActionView& v = view.actions[k++];
      auto tc = suite.append_child("testcase");
      tc.append_attribute("name") = a.name.c_str();
      tc.append_attribute("classname") = stage.name.c_str();
      tc.append_attribute("time") = format_seconds(a.duration_ms()).c_str();
      if (a.status == Status::Failed) {
        auto f = tc.append_child("failure");
        f.append_attribute("message") = xml_text(a.error).c_str();
        f.append_attribute("type") = (a.error_code.empty() ? "JobFailed" : a.error_code).c_str();
        std::ostringstream body;
        body << a.error << "\n";
        if (v.advice) body << "Usual fix: " << v.advice->fix << "\n";
        if (!a.log_tail.empty()) {
          body << "Log tail:\n";
          for (const auto& l : a.log_tail) body << "  " << l << "\n";
        }
        f.text().set(xml_text(body.str()).c_str());
      } else if (a.status == Status::NotStarted || a.status == Status::Abandoned ||
                 a.status == Status::Stopped) {
        // The reason goes in the text: junit.xsd declares <skipped> as a plain string (no
        // attributes), and Jenkins reads the text when there is no message attribute.
        tc.append_child("skipped").text().set(
            a.status == Status::NotStarted
                ? "not run: an earlier action failed"
                : ("action " + std::string(engine::to_string(a.status))).c_str());
      }
      std::ostringstream out;
      out << "region: " << a.region << "\nprovider: " << a.category << "/" << a.provider
          << (v.mode.empty() ? "" : " " + v.mode) << "\nrun_order: " << a.run_order
          << "\nstatus: " << engine::to_string(a.status) << "\n";
      if (!a.summary.empty()) out << "summary: " << a.summary << "\n";
      out << "what it does: " << v.description << "\n";
      tc.append_child("system-out").text().set(xml_text(out.str()).c_str());
    }
  }
  std::ostringstream s;
  doc.save(s, "  ", pugi::format_default, pugi::encoding_utf8);
  return s.str();
}

}  // namespace pipemu::report
