#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "scenario/junit.hpp"

using namespace pipemu::scenario;
using V = ScenarioResult::Verdict;

TEST_CASE("JUnit XML: one testcase per scenario, failures and errors with their text") {
  std::vector<ScenarioResult> rs(3);
  rs[0].name = "flagship";
  rs[0].ms = 1234;
  rs[1].name = "missing-export";
  rs[1].verdict = V::Failed;
  rs[1].ms = 50;
  rs[1].failures = {"s.yaml:3:11: error: expectation failed: execution status\n  expected: Failed\n"};
  rs[1].run_summary = "Succeeded";
  rs[2].name = "broken";
  rs[2].verdict = V::Error;
  rs[2].error = "b.yaml:1:1: error: unknown key 'thne' in the scenario [scenario]\n";
  std::string xml = junit_xml(rs, 1764237000000, "ci-host");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  auto suites = doc.child("testsuites");
  CHECK_FALSE(suites.first_attribute());
  auto suite = suites.child("testsuite");
  CHECK(std::string(suite.attribute("tests").value()) == "3");
  CHECK(std::string(suite.attribute("failures").value()) == "1");
  CHECK(std::string(suite.attribute("errors").value()) == "1");
  CHECK(std::string(suite.attribute("timestamp").value()) == "2025-11-27T09:50:00");
  CHECK(std::string(suite.attribute("hostname").value()) == "ci-host");
  CHECK(std::string(suite.attribute("time").value()) == "1.284");
  CHECK(std::string(suite.attribute("package").value()) == "pipemu");
  CHECK(std::string(suite.attribute("id").value()) == "0");
  // Schema order: properties, testcase*, system-out, system-err.
  std::vector<std::string> children;
  for (auto c : suite.children()) children.push_back(c.name());
  CHECK(children == std::vector<std::string>{"properties", "testcase", "testcase", "testcase", "system-out", "system-err"});
  auto tc = suite.find_child_by_attribute("testcase", "name", "flagship");
  CHECK(std::string(tc.attribute("time").value()) == "1.234");
  CHECK(std::string(tc.attribute("classname").value()) == "pipemu.scenarios");
  CHECK_FALSE(tc.first_child());
  auto failed = suite.find_child_by_attribute("testcase", "name", "missing-export").child("failure");
  CHECK(std::string(failed.attribute("message").value()) ==
        "1 expectation(s) failed: s.yaml:3:11: error: expectation failed: execution status");
  CHECK(std::string(failed.attribute("type").value()) == "expectation");
  CHECK(std::string(failed.text().get()).find("expected: Failed") != std::string::npos);
  auto err = suite.find_child_by_attribute("testcase", "name", "broken").child("error");
  CHECK(std::string(err.attribute("message").value()) == "b.yaml:1:1: error: unknown key 'thne' in the scenario [scenario]");
}
