#include "report/terminal.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "report_samples.hpp"

using namespace pipemu;

namespace {

std::string run_terminal(const engine::RunRecord& r, report::TerminalOptions o) {
  std::ostringstream out;
  {
    report::TerminalReporter t(out, std::move(o));
    test::replay(r, t);
  }
  return out.str();
}

report::TerminalOptions plain() {
  report::TerminalOptions o;
  o.now = [] { return test::kT0 + 5000; };
  return o;
}

const char* kHead =
    "Pipeline service-x in eu-west-1, execution 6f1c2d3e-0000-4000-8000-00000000abcd: 3 stages, "
    "11 actions\n"
    "Revision ../service-x master@3a4b5c6 \"Add order handler\"\n"
    "== Stage Source\n"
    "   started    Source/source (eu-west-1, RunOrder 1)\n"
    "   Succeeded  Source/source (eu-west-1) 0.4s: Checked out master@3a4b5c6\n"
    "== Stage Source Succeeded in 0.4s\n"
    "== Stage Build\n"
    "   started    Build/CodeBuild (eu-west-1, RunOrder 1)\n"
    "   Succeeded  Build/CodeBuild (eu-west-1) 4.0s: Build succeeded: 6 phases\n"
    "== Stage Build Succeeded in 4.0s\n"
    "== Stage Deploy\n"
    "   started    Deploy/eu-infrastructure (eu-west-1, RunOrder 1)\n"
    "   started    Deploy/us-infrastructure (us-east-1, RunOrder 1)\n"
    "   started    Deploy/au-infrastructure (ap-southeast-2, RunOrder 1)\n"
    "   Succeeded  Deploy/eu-infrastructure (eu-west-1) 1.3s: Stack service-x-infrastructure: "
    "CREATE_COMPLETE\n"
    "   Succeeded  Deploy/us-infrastructure (us-east-1) 1.3s: Stack service-x-infrastructure: "
    "CREATE_COMPLETE\n"
    "   Succeeded  Deploy/au-infrastructure (ap-southeast-2) 1.4s: Stack "
    "service-x-infrastructure: CREATE_COMPLETE\n"
    "   started    Deploy/eu-transform (eu-west-1, RunOrder 2)\n"
    "   started    Deploy/us-transform (us-east-1, RunOrder 2)\n"
    "   started    Deploy/au-transform (ap-southeast-2, RunOrder 2)\n";

const char* kFailureBlock =
    "\n"
    "FAILED Deploy/us-transform in us-east-1 (Deploy CloudFormation CHANGE_SET_REPLACE)\n"
    "  AWS says:  JobFailed: No export named SnsTopicArn found.\n"
    "  Meaning:   Fn::ImportValue asked us-east-1 for export SnsTopicArn and no stack in "
    "us-east-1 exports it. Exports are per region: an export in another region does not count.\n"
    "  Usual fix: Create the export in us-east-1 first: deploy the stack that exports SnsTopicArn "
    "in us-east-1 (in an earlier stage or a lower RunOrder), or fix the name.\n"
    "  Log tail (2 lines):\n"
    "    | CreateChangeSet service-x-lambda (us-east-1)\n"
    "    | Status FAILED: No export named SnsTopicArn found.\n"
    "Execution 6f1c2d3e-0000-4000-8000-00000000abcd Failed in 7.6s: Action us-transform failed: "
    "No export named SnsTopicArn found.\n";

}  // namespace

TEST_CASE("plain mode prints one line per event, parallel starts before finishes", "[terminal]") {
  std::string expected =
      std::string(kHead) +
      "   Succeeded  Deploy/eu-transform (eu-west-1) 0.9s: Change set pipeline-changeset: 3 "
      "changes\n"
      "   Succeeded  Deploy/us-transform (us-east-1) 0.9s: Change set pipeline-changeset: 3 "
      "changes\n"
      "   Succeeded  Deploy/au-transform (ap-southeast-2) 1.0s: Change set pipeline-changeset: 3 "
      "changes\n"
      "   started    Deploy/eu-execute (eu-west-1, RunOrder 3)\n"
      "   started    Deploy/us-execute (us-east-1, RunOrder 3)\n"
      "   started    Deploy/au-execute (ap-southeast-2, RunOrder 3)\n"
      "   Succeeded  Deploy/eu-execute (eu-west-1) 1.2s: Stack service-x-lambda: CREATE_COMPLETE\n"
      "   Succeeded  Deploy/us-execute (us-east-1) 1.2s: Stack service-x-lambda: CREATE_COMPLETE\n"
      "   Succeeded  Deploy/au-execute (ap-southeast-2) 1.2s: Stack service-x-lambda: "
      "CREATE_COMPLETE\n"
      "== Stage Deploy Succeeded in 4.3s\n"
      "Execution 6f1c2d3e-0000-4000-8000-00000000abcd Succeeded in 9.1s\n";
  CHECK(run_terminal(test::sample_success(), plain()) == expected);
}

TEST_CASE("plain mode on failure ends with the failing action, region, message, fix, log tail",
          "[terminal]") {
  std::string expected =
      std::string(kHead) +
      "   Failed     Deploy/us-transform (us-east-1) 0.5s: No export named SnsTopicArn found.\n"
      "   Succeeded  Deploy/eu-transform (eu-west-1) 0.9s: Change set pipeline-changeset: 3 "
      "changes\n"
      "   Succeeded  Deploy/au-transform (ap-southeast-2) 1.0s: Change set pipeline-changeset: 3 "
      "changes\n"
      "== Stage Deploy Failed in 2.8s\n" +
      kFailureBlock;
  CHECK(run_terminal(test::sample_failure(), plain()) == expected);
}

TEST_CASE("quiet prints nothing but the result on success, the failure block on failure",
          "[terminal]") {
  auto o = plain();
  o.quiet = true;
  CHECK(run_terminal(test::sample_success(), o) ==
        "Execution 6f1c2d3e-0000-4000-8000-00000000abcd Succeeded in 9.1s\n");
  CHECK(run_terminal(test::sample_failure(), o) == kFailureBlock);
}

TEST_CASE("plain mode shows notices and, when asked, log lines without control characters",
          "[terminal]") {
  auto o = plain();
  o.show_logs = true;
  std::ostringstream out;
  report::TerminalReporter t(out, o);
  t.on_event(engine::Notice{engine::Notice::Level::Warning, "execution 1234 was interrupted", 0});
  t.on_event(engine::ActionLog{"Build", "CodeBuild", "eu-west-1", "\x1b[32mok\x1b[0m\tdone\r", 0});
  CHECK(out.str() ==
        "warning: execution 1234 was interrupted\n"
        "   | Build/CodeBuild: ok done\n");
}

TEST_CASE("live mode draws a board and overprints it in place", "[terminal]") {
  auto o = plain();
  engine::TimePoint now = test::kT0 + 6500;
  o.now = [&now] { return now; };
  o.live = true;
  o.width = 80;
  std::ostringstream out;
  report::TerminalReporter t(out, o);
  auto events = test::events_for(test::sample_failure());
  // Up to the moment the three RunOrder-2 actions are all running.
  std::size_t i = 0;
  for (; i < events.size(); ++i) {
    t.on_event(events[i]);
    if (auto* s = std::get_if<engine::ActionStarted>(&events[i]); s && s->action == "au-transform")
      break;
  }
  std::string text = out.str();
  // The last frame: after the final "cursor up N, clear" sequence.
  auto last = text.rfind("\x1b[J");
  REQUIRE(last != std::string::npos);
  CHECK(text.find("\x1b[13F\x1b[J") != std::string::npos);  // header + 3 stages + 9 Deploy actions
  std::string frame = text.substr(last + 3);
  CHECK(frame ==
        "service-x (eu-west-1)  execution 6f1c2d3e-0000-4000-8000-00000000abcd\n"
        " ✔ Source                                   0.4s\n"
        " ✔ Build                                    4.0s\n"
        // elapsed = now (T0+6500) - start; the spinner's frame is (now / 100) % 10
        " ⠴ Deploy                                   1.8s\n"
        "   1┌ ✔ eu-infrastructure  eu-west-1       1.3s     Stack service-x-infrastruct…\n"
        "   1│ ✔ us-infrastructure  us-east-1       1.3s     Stack service-x-infrastruct…\n"
        "   1└ ✔ au-infrastructure  ap-southeast-2  1.4s     Stack service-x-infrastruct…\n"
        "   2┌ ⠴ eu-transform       eu-west-1       0.2s\n"
        "   2│ ⠴ us-transform       us-east-1       0.1s\n"
        "   2└ ⠴ au-transform       ap-southeast-2  0.1s\n"
        "   3┌ · eu-execute         eu-west-1\n"
        "   3│ · us-execute         us-east-1\n"
        "   3└ · au-execute         ap-southeast-2\n");
  for (++i; i < events.size(); ++i) t.on_event(events[i]);
  text = out.str();
  // The end: the whole board expanded once more, then the failure block, in plain text.
  CHECK(text.size() > std::string(kFailureBlock).size());
  CHECK(text.substr(text.size() - std::string(kFailureBlock).size()) == kFailureBlock);
  CHECK(
      text.find("   1  ✔ source             eu-west-1       0.4s     Checked out master@3a4b5c6") !=
      std::string::npos);
}

TEST_CASE("colour codes only when asked", "[terminal]") {
  auto o = plain();
  o.quiet = true;
  CHECK(run_terminal(test::sample_success(), o).find('\x1b') == std::string::npos);
  o.color = true;
  CHECK(run_terminal(test::sample_success(), o) ==
        "\x1b[32mExecution 6f1c2d3e-0000-4000-8000-00000000abcd Succeeded\x1b[0m in 9.1s\n");
}

TEST_CASE("a run that fails before any action still says why and how to fix it", "[terminal]") {
  auto o = plain();
  o.quiet = true;
  CHECK(run_terminal(test::sample_early_failure(), o) ==
        "\n"
        "FAILED before any action ran\n"
        "  AWS says:  Pipeline stack service-x-pipeline: Parameters: [/service-x/eu-bucket] "
        "cannot be found.\n"
        "  Meaning:   A template parameter of an SSM type names Parameter Store key "
        "/service-x/eu-bucket, and eu-west-1 has no such parameter. CloudFormation reads it in "
        "the stack's region at deploy time.\n"
        "  Usual fix: Create it in eu-west-1: `aws ssm put-parameter --region eu-west-1 --name "
        "/service-x/eu-bucket --type String --value <value>` (or fix the parameter's default).\n"
        "Execution 6f1c2d3e-0000-4000-8000-00000000abcd Failed in 0.3s: Pipeline stack "
        "service-x-pipeline: Parameters: [/service-x/eu-bucket] cannot be found.\n");
}

TEST_CASE("live mode keeps the board shorter than the terminal", "[terminal]") {
  auto o = plain();
  engine::TimePoint now = test::kT0 + 6500;
  o.now = [&now] { return now; };
  o.live = true;
  o.width = 80;
  o.height = 10;  // the full board would need 13 lines
  std::ostringstream out;
  report::TerminalReporter t(out, o);
  for (const auto& e : test::events_for(test::sample_failure())) {
    t.on_event(e);
    if (auto* s = std::get_if<engine::ActionStarted>(&e); s && s->action == "au-transform") break;
  }
  std::string text = out.str();
  std::string frame = text.substr(text.rfind("\x1b[J") + 3);
  CHECK(frame ==
        "service-x (eu-west-1)  execution 6f1c2d3e-0000-4000-8000-00000000abcd\n"
        " ✔ Source                                   0.4s\n"
        " ✔ Build                                    4.0s\n"
        " ⠴ Deploy                                   1.8s\n"
        "   2┌ ⠴ eu-transform       eu-west-1       0.2s\n"
        "   2│ ⠴ us-transform       us-east-1       0.1s\n"
        "   2└ ⠴ au-transform       ap-southeast-2  0.1s\n"
        "     … 6 more: 3 finished, 3 waiting\n");
}

TEST_CASE("pause clears the live board for a prompt; the next event draws it afresh",
          "[terminal]") {
  auto o = plain();
  o.live = true;
  std::ostringstream out;
  report::TerminalReporter t(out, o);
  auto events = test::events_for(test::sample_success());
  t.on_event(events[0]);  // ExecutionStarted: header + 3 stages
  t.pause();
  std::string text = out.str();
  CHECK(text.substr(text.size() - 7) == "\x1b[4F\x1b[J");
  out.str("");
  t.on_event(events[1]);  // StageStarted: drawn below whatever the prompt printed
  CHECK(out.str().rfind("service-x (eu-west-1)", 0) == 0);
}
