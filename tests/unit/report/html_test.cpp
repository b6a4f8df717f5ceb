#include "report/html.hpp"

#include <catch2/catch.hpp>
#include <regex>

#include "report_samples.hpp"

using namespace pipemu;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("html: escaping", "[html]") {
  CHECK(report::html_escape("<a href=\"x\">Tom & 'Jerry'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
}

TEST_CASE("html: self-contained, no network", "[html]") {
  std::string page = report::html_report(test::sample_success());
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("default-src 'none'") != std::string::npos);
  // No external resources: nothing is loaded from a URL (the SVG namespace is not a fetch).
  CHECK(std::regex_search(page, std::regex(R"((src|href)\s*=\s*"(https?:)?//)")) == false);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
}

TEST_CASE("html: the timeline has one bar per action that ran, in region lanes", "[html]") {
  std::string page = report::html_report(test::sample_failure());
  CHECK(count(page, "class=\"tl-lane ") == 3);
  CHECK(page.find("data-region=\"eu-west-1\"") < page.find("data-region=\"us-east-1\""));
  CHECK(count(page, "<a class=\"tl-bar ") == 8);  // 11 actions, RunOrder 3 never ran
  CHECK(count(page, "<span class=\"tl-none\">not run</span>") == 3);
  // us-transform: started 6310 ms and ended 6900 ms into a 7600 ms run.
  CHECK(page.find("<a class=\"tl-bar st-failed\" href=\"#action-Deploy--us-transform\" "
                  "data-action=\"us-transform\" data-stage=\"Deploy\" data-start-ms=\"6310\" "
                  "data-end-ms=\"6900\" style=\"left:83.026%;width:7.763%\"") != std::string::npos);
}

TEST_CASE("html: graph with a node per action and artifact flow edges", "[html]") {
  std::string page = report::html_report(test::sample_success());
  CHECK(count(page, "<a href=\"#action-") >= 11);
  CHECK(count(page, "class=\"g-node ") == 11);
  CHECK(count(page, "class=\"g-stage ") == 3);
  // src: source -> CodeBuild + 3 infrastructure actions; package: CodeBuild -> 3 transforms.
  CHECK(count(page, "<path class=\"g-edge\" data-artifact=\"src\"") == 4);
  CHECK(count(page, "<path class=\"g-edge\" data-artifact=\"package\"") == 3);
  CHECK(page.find("<b>package</b> from CodeBuild to eu-transform (eu-west-1), us-transform "
                  "(us-east-1) and au-transform (ap-southeast-2)") != std::string::npos);
}

TEST_CASE("html: failures first, with AWS's message, the meaning, the fix and the log tail",
          "[html]") {
  std::string page = report::html_report(test::sample_failure());
  auto failures = page.find("<section id=\"failures\">");
  REQUIRE(failures != std::string::npos);
  CHECK(failures < page.find("<section id=\"timeline\">"));
  CHECK(page.find("<pre class=\"aws-msg\">JobFailed: No export named SnsTopicArn found.</pre>",
                  failures) != std::string::npos);
  CHECK(page.find("<p class=\"fix\">Create the export in us-east-1 first: deploy the stack that "
                  "exports SnsTopicArn in us-east-1 (in an earlier stage or a lower RunOrder), or "
                  "fix the name.</p>") != std::string::npos);
  CHECK(page.find("Status FAILED: No export named SnsTopicArn found.\n</pre>") !=
        std::string::npos);
  // The failed action's details are open, the others closed.
  CHECK(page.find("<details class=\"action st-failed\" id=\"action-Deploy--us-transform\" "
                  "data-region=\"us-east-1\" data-run-order=\"2\" open>") != std::string::npos);
  CHECK(count(page, " open>") == 1);
  CHECK(report::html_report(test::sample_success()).find("id=\"failures\"") == std::string::npos);
}

TEST_CASE("html: each action explains itself with inputs and outputs", "[html]") {
  std::string page = report::html_report(test::sample_success());
  auto at = page.find("id=\"action-Deploy--us-execute\"");
  REQUIRE(at != std::string::npos);
  auto end = page.find("</details>", at);
  std::string block = page.substr(at, end - at);
  CHECK(block.find("<p class=\"does\">Executes change set pipeline-changeset on stack "
                   "service-x-lambda in us-east-1:") != std::string::npos);
  CHECK(block.find("<code>HandlerArn</code> = arn:aws:lambda:us-east-1:123456789012:function:h") !=
        std::string::npos);
  auto cb = page.find("id=\"action-Build--CodeBuild\"");
  std::string build = page.substr(cb, page.find("</details>", cb) - cb);
  // Input read from the build region's copy; output with its hash.
  CHECK(build.find("<b>src</b> <code class=\"hash\" title=\"sha256 " + std::string(64, 'a') +
                   "\">aaaaaaaaaaaa</code> 18.0 KiB <span class=\"muted\">from "
                   "s3://eu-artifacts/service-x/src/AbC12d9</span>") != std::string::npos);
  CHECK(build.find("<b>package</b> <code class=\"hash\"") != std::string::npos);
}

TEST_CASE("html: artifacts with full hashes and every regional copy", "[html]") {
  std::string page = report::html_report(test::sample_success());
  auto at = page.find("<section id=\"artifacts\">");
  REQUIRE(at != std::string::npos);
  std::string section = page.substr(at, page.find("</section>", at) - at);
  CHECK(section.find(std::string(64, 'b')) != std::string::npos);
  CHECK(count(section, "s3://") == 6);
  CHECK(section.find("<code>s3://au-artifacts/service-x/package/AbC12d9</code>") !=
        std::string::npos);
  CHECK(section.find("<summary>3 files</summary>") != std::string::npos);
}

TEST_CASE("html: user text is escaped everywhere", "[html]") {
  auto r = test::sample_failure();
  r.pipeline_name = "<script>alert(1)</script>";
  r.stages[2].actions[4].error = "bad <img src=x onerror=alert(1)>";
  r.stages[2].actions[4].log_tail = {"</pre><script>x()</script>"};
  std::string page = report::html_report(r);
  CHECK(page.find("<script>alert(1)") == std::string::npos);
  CHECK(page.find("<img src=x") == std::string::npos);
  CHECK(page.find("<script>x()") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(count(page, "<script>") == 1);  // only the page's own
}

TEST_CASE("html: a run that failed before any action", "[html]") {
  std::string page = report::html_report(test::sample_early_failure());
  CHECK(page.find("<h3>✘ Failed before any action ran</h3>") != std::string::npos);
  CHECK(page.find("aws ssm put-parameter --region eu-west-1 --name /service-x/eu-bucket") !=
        std::string::npos);
  CHECK(count(page, "<a class=\"tl-bar ") == 0);
  CHECK(count(page, "<span class=\"tl-none\">not run</span>") == 11);
  CHECK(page.find("No artifacts.") == std::string::npos);  // flows exist, none produced
  CHECK(page.find("not produced in this run") != std::string::npos);
}

TEST_CASE("html: an empty pipeline renders without negative sizes", "[html]") {
  engine::RunRecord r;
  r.pipeline_name = "empty";
  r.pipeline_region = "eu-west-1";
  std::string page = report::html_report(r);
  CHECK(page.find("viewBox=\"0 0 200 ") != std::string::npos);
  CHECK(page.find("No artifacts.") != std::string::npos);
  CHECK(page.find("=\"-") == std::string::npos);
}
