#include "report/report_dir.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/run_record_json.hpp"
#include "report/outputs.hpp"
#include "report/report_json.hpp"
#include "report_samples.hpp"

using namespace pipemu;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  fs::path p =
      fs::temp_directory_path() / ("pipemu-report-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  return p;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("report.json is the run record plus regions, descriptions and advice", "[report-json]") {
  auto r = test::sample_failure();
  auto j = report::report_json(r);
  CHECK(j["schema_version"] == 1);
  CHECK(j["$schema"] == report::kReportSchemaId);
  CHECK(j["status"] == "Failed");
  CHECK(j["regions"] == nlohmann::json({"eu-west-1", "us-east-1", "ap-southeast-2"}));
  auto& us = j["stages"][2]["actions"][4];
  CHECK(us["name"] == "us-transform");
  CHECK(us["region"] == "us-east-1");
  CHECK(us["run_order"] == 2);
  CHECK(us["status"] == "Failed");
  CHECK(us["started"] == "2026-11-27T09:00:06.310Z");
  CHECK(us["finished"] == "2026-11-27T09:00:06.900Z");
  CHECK(us["error"] == "No export named SnsTopicArn found.");
  CHECK(us["action_mode"] == "CHANGE_SET_REPLACE");
  CHECK(us["advice"]["id"] == "missing-export");
  CHECK(j["stages"][2]["actions"][0]["advice"].is_null());
  CHECK(j["artifacts"][0]["sha256"] == std::string(64, 'a'));
  CHECK(j["stacks"][0]["stack_name"] == "service-x-pipeline");
  // The engine can read it back: the report is a superset of the record.
  auto back = engine::run_record_from_json(j);
  CHECK(back.stages[2].actions[4].error == r.stages[2].actions[4].error);
  CHECK(back.artifacts.size() == r.artifacts.size());
}

TEST_CASE("write_reports writes the three files and nothing half-written", "[report-dir]") {
  fs::path dir = temp_dir("ok") / "nested";
  auto r = report::write_reports(test::sample_failure(), dir);
  REQUIRE(r);
  CHECK(r->size() == 3);
  for (const char* f : {"report.json", "junit.xml", "report.html"}) CHECK(fs::exists(dir / f));
  int entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 3);  // no .tmp left behind
  auto j = nlohmann::json::parse(slurp(dir / "report.json"));
  CHECK(j["execution_id"] == "6f1c2d3e-0000-4000-8000-00000000abcd");
  CHECK(slurp(dir / "junit.xml").find("<testsuites name=\"service-x\"") != std::string::npos);
  fs::remove_all(dir.parent_path());
}

TEST_CASE("the reporter writes on ExecutionFinished and reports an unwritable directory",
          "[report-dir]") {
  fs::path dir = temp_dir("reporter");
  report::ReportDirReporter rep(dir);
  auto events = test::events_for(test::sample_success());
  for (std::size_t i = 0; i + 1 < events.size(); ++i) rep.on_event(events[i]);
  CHECK_FALSE(fs::exists(dir));  // nothing before the end
  rep.on_event(events.back());
  CHECK(rep.error().empty());
  CHECK(rep.written().size() == 3);
  CHECK(fs::exists(dir / "report.html"));
  fs::remove_all(dir);

  fs::path file = temp_dir("blocked");
  std::ofstream(file) << "a file, not a directory";
  report::ReportDirReporter blocked(file / "sub");
  blocked.on_event(events.back());
  CHECK(blocked.error().rfind("cannot create report directory " + (file / "sub").string() + ": ",
                              0) == 0);
  fs::remove(file);
}

TEST_CASE("Outputs: plain terminal view plus report files", "[outputs]") {
  fs::path dir = temp_dir("outputs");
  std::ostringstream out;
  {
    report::OutputOptions o;
    o.quiet = true;
    o.report_dir = dir;
    report::Outputs outputs(o, out, -1);  // -1: not a TTY
    test::replay(test::sample_failure(), outputs);
    CHECK(outputs.report_error().empty());
    CHECK(outputs.reports_written().size() == 3);
  }
  CHECK(out.str().rfind("\nFAILED Deploy/us-transform in us-east-1", 0) == 0);
  CHECK(fs::exists(dir / "junit.xml"));
  fs::remove_all(dir);
}

TEST_CASE("Outputs: --json replaces the terminal view", "[outputs]") {
  std::ostringstream out;
  report::OutputOptions o;
  o.json = true;
  report::Outputs outputs(o, out, -1);
  test::replay(test::sample_success(), outputs);
  std::istringstream in(out.str());
  std::string first;
  std::getline(in, first);
  CHECK(nlohmann::json::parse(first)["event"] == "ExecutionStarted");
  CHECK(out.str().find("Execution 6f1c2d3e") == std::string::npos);
  CHECK(outputs.report_error().empty());
  CHECK(outputs.reports_written().empty());
}
