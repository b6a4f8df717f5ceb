#include "scenario/junit.hpp"

#include <fmt/format.h>

#include <ctime>
#include <pugixml.hpp>
#include <sstream>

namespace pipemu::scenario {

const char* to_string(ScenarioResult::Verdict v) {
  switch (v) {
    case ScenarioResult::Verdict::Passed: return "passed";
    case ScenarioResult::Verdict::Failed: return "failed";
    case ScenarioResult::Verdict::Error: return "error";
    case ScenarioResult::Verdict::Pending: return "pending";
  }
  return "error";
}

namespace {

std::string seconds(long long ms) { return fmt::format("{}.{:03}", ms / 1000, ms % 1000); }

std::string iso_utc(long long epoch_ms) {
  std::time_t t = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

// The first line of a text, for the `message` attribute.
std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

std::string junit_xml(const std::vector<ScenarioResult>& results, long long started_epoch_ms,
                      const std::string& hostname) {
  int failures = 0, errors = 0;
  long long total_ms = 0;
  for (const auto& r : results) {
    failures += r.verdict == ScenarioResult::Verdict::Failed;
    errors += r.verdict == ScenarioResult::Verdict::Error;
    total_ms += r.ms;
  }
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  // <testsuites> carries no attributes: the Ant schema allows none there (totals are on the suite).
  auto suites = doc.append_child("testsuites");
  auto suite = suites.append_child("testsuite");
  suite.append_attribute("name") = "pipemu.scenarios";
  suite.append_attribute("package") = "pipemu";
  suite.append_attribute("id") = 0;
  suite.append_attribute("hostname") = hostname.c_str();
  suite.append_attribute("timestamp") = iso_utc(started_epoch_ms).c_str();
  suite.append_attribute("tests") = static_cast<int>(results.size());
  suite.append_attribute("failures") = failures;
  suite.append_attribute("errors") = errors;
  suite.append_attribute("time") = seconds(total_ms).c_str();
  suite.append_child("properties");
  for (const auto& r : results) {
    auto tc = suite.append_child("testcase");
    tc.append_attribute("name") = r.name.c_str();
    tc.append_attribute("classname") = "pipemu.scenarios";
    tc.append_attribute("time") = seconds(r.ms).c_str();
    if (r.verdict == ScenarioResult::Verdict::Failed) {
      std::string body;
      for (const auto& f : r.failures) body += f;
      auto f = tc.append_child("failure");
      f.append_attribute("message") =
          fmt::format("{} expectation(s) failed: {}", r.failures.size(),
                      r.failures.empty() ? std::string() : first_line(r.failures.front()))
              .c_str();
      f.append_attribute("type") = "expectation";
      f.append_child(pugi::node_pcdata).set_value(body.c_str());
    } else if (r.verdict == ScenarioResult::Verdict::Pending) {
      tc.append_child("skipped").append_attribute("message") = ("known gap: " + r.error).c_str();
    } else if (r.verdict == ScenarioResult::Verdict::Error) {
      auto e = tc.append_child("error");
      e.append_attribute("message") = first_line(r.error).c_str();
      e.append_attribute("type") = "scenario";
      e.append_child(pugi::node_pcdata).set_value(r.error.c_str());
    }
  }
  std::string out_text;
  for (const auto& r : results)
    if (!r.run_summary.empty()) out_text += r.name + ": " + r.run_summary + "\n";
  suite.append_child("system-out").append_child(pugi::node_pcdata).set_value(out_text.c_str());
  suite.append_child("system-err");
  std::ostringstream os;
  doc.save(os, "  ", pugi::format_default, pugi::encoding_utf8);
  return os.str();
}

}  // namespace pipemu::scenario
