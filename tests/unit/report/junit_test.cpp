#include "report/junit.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "report_samples.hpp"

using namespace pipemu;

namespace {

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  auto ok = doc.load_string(xml.c_str());
  INFO(ok.description());
  REQUIRE(ok);
  return doc;
}

}  // namespace

TEST_CASE("junit: testsuites, a testsuite per stage, a testcase per action", "[junit]") {
  auto doc = parse(report::junit_xml(test::sample_success()));
  auto suites = doc.child("testsuites");
  REQUIRE(suites);
  CHECK(std::string(suites.attribute("name").value()) == "service-x");
  CHECK(suites.attribute("tests").as_int() == 11);
  CHECK(suites.attribute("failures").as_int() == 0);
  CHECK(suites.attribute("errors").as_int() == 0);
  CHECK(std::string(suites.attribute("time").value()) == "9.100");
  std::vector<std::string> names;
  int cases = 0;
  for (auto s : suites.children("testsuite")) {
    names.push_back(s.attribute("name").value());
    for (auto c : s.children("testcase")) {
      ++cases;
      CHECK(std::string(c.attribute("classname").value()) == names.back());
      CHECK(!std::string(c.attribute("name").value()).empty());
      CHECK(c.attribute("time"));
      CHECK(!c.child("failure"));
    }
  }
  CHECK(names == std::vector<std::string>{"Source", "Build", "Deploy"});
  CHECK(cases == 11);
  auto build = suites.find_child_by_attribute("testsuite", "name", "Build");
  CHECK(std::string(build.attribute("time").value()) == "4.000");
  CHECK(std::string(build.attribute("timestamp").value()) == "2026-11-27T09:00:00");
  auto cb = build.child("testcase");
  CHECK(std::string(cb.attribute("name").value()) == "CodeBuild");
  CHECK(std::string(cb.attribute("time").value()) == "4.000");
  CHECK(std::string(cb.child("system-out").text().get()).find("region: eu-west-1\n") !=
        std::string::npos);
}

TEST_CASE("junit: a failed action is a failure with AWS's message; unrun ones are skipped",
          "[junit]") {
  auto doc = parse(report::junit_xml(test::sample_failure()));
  auto suites = doc.child("testsuites");
  CHECK(suites.attribute("tests").as_int() == 11);
  CHECK(suites.attribute("failures").as_int() == 1);
  CHECK(!suites.attribute("skipped"));  // junit.xsd has no "skipped" on <testsuites>
  auto deploy = suites.find_child_by_attribute("testsuite", "name", "Deploy");
  CHECK(deploy.attribute("tests").as_int() == 9);
  CHECK(deploy.attribute("failures").as_int() == 1);
  CHECK(deploy.attribute("errors").as_int() == 0);
  CHECK(deploy.attribute("skipped").as_int() == 3);
  auto us = deploy.find_child_by_attribute("testcase", "name", "us-transform");
  REQUIRE(us);
  CHECK(std::string(us.attribute("classname").value()) == "Deploy");
  CHECK(std::string(us.attribute("time").value()) == "0.590");
  auto failure = us.child("failure");
  REQUIRE(failure);
  CHECK(std::string(failure.attribute("message").value()) == "No export named SnsTopicArn found.");
  CHECK(std::string(failure.attribute("type").value()) == "JobFailed");
  std::string body = failure.text().get();
  CHECK(body.rfind("No export named SnsTopicArn found.\nUsual fix: Create the export in us-east-1",
                   0) == 0);
  CHECK(body.find("Log tail:\n  CreateChangeSet service-x-lambda (us-east-1)\n") !=
        std::string::npos);
  auto skipped = deploy.find_child_by_attribute("testcase", "name", "au-execute").child("skipped");
  REQUIRE(skipped);
  CHECK(std::string(skipped.text().get()) == "not run: an earlier action failed");
  CHECK(!skipped.first_attribute());  // junit.xsd: <skipped> is a plain string
}

TEST_CASE("junit: markup and control characters in messages stay well-formed", "[junit]") {
  auto r = test::sample_failure();
  auto& a = r.stages[2].actions[4];
  a.error = "Template <bad> & \"quoted\" \x01\x1b[31mred";
  a.log_tail = {"]]> </failure>"};
  auto doc = parse(report::junit_xml(r));
  auto f = doc.child("testsuites")
               .find_child_by_attribute("testsuite", "name", "Deploy")
               .find_child_by_attribute("testcase", "name", "us-transform")
               .child("failure");
  CHECK(std::string(f.attribute("message").value()) == "Template <bad> & \"quoted\" red");
  CHECK(std::string(f.text().get()).find("]]> </failure>") != std::string::npos);
}
