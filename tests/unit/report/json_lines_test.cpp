#include "report/json_lines.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report_samples.hpp"

using namespace pipemu;
using nlohmann::json;

namespace {

std::vector<json> lines_of(const engine::RunRecord& r) {
  std::ostringstream out;
  report::JsonLinesReporter j(out);
  test::replay(r, j);
  std::vector<json> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

}  // namespace

TEST_CASE("one JSON object per event, in order", "[json]") {
  auto r = test::sample_failure();
  auto lines = lines_of(r);
  REQUIRE(lines.size() == test::events_for(r).size());
  CHECK(lines.front()["event"] == "ExecutionStarted");
  CHECK(lines.front()["time"] == "2026-11-27T09:00:00.000Z");
  CHECK(lines.front()["pipeline_region"] == "eu-west-1");
  CHECK(lines.front()["stages"].size() == 3);
  CHECK(lines.front()["stages"][2]["actions"][4] == json({{"name", "us-transform"},
                                                          {"region", "us-east-1"},
                                                          {"run_order", 2},
                                                          {"category", "Deploy"},
                                                          {"provider", "CloudFormation"}}));
  CHECK(lines.back()["event"] == "ExecutionFinished");
}

TEST_CASE("ActionStarted and ActionFinished carry region, run order, status and AWS's message",
          "[json]") {
  auto lines = lines_of(test::sample_failure());
  const json* started = nullptr;
  const json* finished = nullptr;
  for (const auto& l : lines) {
    if (l.value("action", "") != "us-transform") continue;
    if (l["event"] == "ActionStarted") started = &l;
    if (l["event"] == "ActionFinished") finished = &l;
  }
  REQUIRE(started);
  REQUIRE(finished);
  CHECK((*started)["region"] == "us-east-1");
  CHECK((*started)["run_order"] == 2);
  CHECK((*started)["stage"] == "Deploy");
  CHECK((*started)["action_execution_id"] == "ae-us-transform");
  CHECK((*started)["at_ms"] == test::kT0 + 6310);
  CHECK((*finished)["status"] == "Failed");
  CHECK((*finished)["ms"] == 590);
  CHECK((*finished)["error"] == "No export named SnsTopicArn found.");
  CHECK((*finished)["log_tail"].size() == 2);
}

TEST_CASE("ExecutionFinished lists failures with the fix and embeds the report", "[json]") {
  auto last = lines_of(test::sample_failure()).back();
  CHECK(last["status"] == "Failed");
  CHECK(last["ms"] == 7600);
  REQUIRE(last["failures"].size() == 1);
  CHECK(last["failures"][0]["action"] == "us-transform");
  CHECK(last["failures"][0]["region"] == "us-east-1");
  CHECK(last["failures"][0]["error_code"] == "JobFailed");
  CHECK(last["failures"][0]["fix"].get<std::string>().rfind("Create the export in us-east-1", 0) ==
        0);
  CHECK(last["record"]["execution_id"] == "6f1c2d3e-0000-4000-8000-00000000abcd");
  CHECK(last["record"]["stages"][2]["actions"][4]["advice"]["id"] == "missing-export");

  auto ok = lines_of(test::sample_success()).back();
  CHECK(ok["failures"].empty());
  CHECK(ok["summary"] == "");
}

TEST_CASE("log lines with control bytes and invalid UTF-8 stay one line of valid JSON", "[json]") {
  std::ostringstream out;
  report::JsonLinesReporter j(out);
  j.on_event(engine::ActionLog{"Build", "CodeBuild", "eu-west-1", "a\nb\x1b[31m\xff", 5});
  std::string text = out.str();
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
  auto parsed = json::parse(text);
  CHECK(parsed["event"] == "ActionLog");
  CHECK(parsed["line"].get<std::string>().rfind("a\nb\x1b[31m", 0) == 0);
}
