#include <algorithm>
#include <memory>

#include "report_samples.hpp"

namespace pipemu::test {

using engine::ActionRecord;
using engine::ArtifactRecord;
using engine::RunRecord;
using engine::StackRecord;
using engine::StageRecord;
using engine::Status;

namespace {

ActionRecord action(std::string name, std::string region, int order, std::string category,
                    std::string provider, engine::TimePoint start, engine::TimePoint end,
                    std::vector<std::string> in, std::vector<std::string> out,
                    std::string summary) {
  ActionRecord a;
  a.name = std::move(name);
  a.region = std::move(region);
  a.run_order = order;
  a.category = std::move(category);
  a.provider = std::move(provider);
  a.owner = a.provider == "GitHub" ? "ThirdParty" : "AWS";
  a.action_execution_id = "ae-" + a.name;
  a.status = start ? Status::Succeeded : Status::NotStarted;
  a.started = start;
  a.finished = end;
  a.input_artifacts = std::move(in);
  a.output_artifacts = std::move(out);
  a.summary = start ? std::move(summary) : "";
  return a;
}

StackRecord stack(std::string region, std::string name, std::string action, std::string mode,
                  std::string status) {
  StackRecord s;
  s.region = region;
  s.stack_name = std::move(name);
  s.stack_id = "arn:aws:cloudformation:" + region + ":123456789012:stack/" + s.stack_name + "/1";
  s.status = std::move(status);
  s.action_name = std::move(action);
  s.action_mode = std::move(mode);
  return s;
}

ArtifactRecord artifact(std::string name, std::string by, std::string sha, std::uint64_t size,
                        std::vector<std::string> regions) {
  ArtifactRecord a;
  a.name = std::move(name);
  a.produced_by = std::move(by);
  a.sha256 = std::move(sha);
  a.size = size;
  const char* buckets[] = {"eu-artifacts", "us-artifacts", "au-artifacts"};
  for (const auto& r : regions) {
    const char* b = r == "eu-west-1" ? buckets[0] : r == "us-east-1" ? buckets[1] : buckets[2];
    a.locations.push_back({r, b, "service-x/" + a.name.substr(0, 10) + "/AbC12d9"});
  }
  return a;
}

const std::string kEu = "eu-west-1", kUs = "us-east-1", kAu = "ap-southeast-2";

RunRecord base() {
  RunRecord r;
  r.execution_id = "6f1c2d3e-0000-4000-8000-00000000abcd";
  r.pipeline_name = "service-x";
  r.pipeline_region = kEu;
  r.template_path = "scenarios/flagship/pipeline.yaml";
  r.trigger.type = "Webhook";
  r.trigger.detail = "pipemu run --repo ../service-x";
  r.trigger.repository = "../service-x";
  r.trigger.branch = "master";
  r.trigger.commit = "3a4b5c6d7e8f90112233445566778899aabbccdd";
  r.trigger.commit_message = "Add order handler";
  r.started = kT0;

  StageRecord source{"Source", Status::Succeeded, kT0 + 100, kT0 + 500, {}};
  source.actions.push_back(action("source", kEu, 1, "Source", "GitHub", kT0 + 100, kT0 + 500, {},
                                  {"src"}, "Checked out master@3a4b5c6"));
  StageRecord build{"Build", Status::Succeeded, kT0 + 600, kT0 + 4600, {}};
  build.actions.push_back(action("CodeBuild", kEu, 1, "Build", "CodeBuild", kT0 + 600, kT0 + 4600,
                                 {"src"}, {"package"}, "Build succeeded: 6 phases"));
  build.actions.back().log_tail = {"[Container] Running command npm test", "12 passing (40ms)"};
  r.stages = {source, build};

  StageRecord deploy{"Deploy", Status::Succeeded, kT0 + 4700, kT0 + 9000, {}};
  const std::string regions[] = {kEu, kUs, kAu};
  const std::string prefix[] = {"eu", "us", "au"};
  for (int i = 0; i < 3; ++i)
    deploy.actions.push_back(action(prefix[i] + "-infrastructure", regions[i], 1, "Deploy",
                                    "CloudFormation", kT0 + 4700 + 10 * i, kT0 + 6000 + 100 * i,
                                    {"src"}, {},
                                    "Stack service-x-infrastructure: CREATE_COMPLETE"));
  for (int i = 0; i < 3; ++i)
    deploy.actions.push_back(action(prefix[i] + "-transform", regions[i], 2, "Deploy",
                                    "CloudFormation", kT0 + 6300 + 10 * i, kT0 + 7200 + 100 * i,
                                    {"package"}, {}, "Change set pipeline-changeset: 3 changes"));
  for (int i = 0; i < 3; ++i)
    deploy.actions.push_back(action(prefix[i] + "-execute", regions[i], 3, "Deploy",
                                    "CloudFormation", kT0 + 7600 + 10 * i, kT0 + 8800 + 50 * i, {},
                                    {}, "Stack service-x-lambda: CREATE_COMPLETE"));
  r.stages.push_back(deploy);
  r.finished = kT0 + 9100;
  r.status = Status::Succeeded;

  r.artifacts.push_back(artifact("src", "source", std::string(64, 'a'), 18432, {kEu, kUs, kAu}));
  r.artifacts.back().files = {{"amazon/infrastructure/template.yaml", 2100},
                              {"buildspec.yaml", 900}};
  r.artifacts.push_back(
      artifact("package", "CodeBuild", std::string(64, 'b'), 734003, {kEu, kUs, kAu}));
  r.artifacts.back().files = {
      {"eu.lambda.yaml", 1200}, {"us.lambda.yaml", 1200}, {"au.lambda.yaml", 1200}};

  StackRecord pipeline_stack = stack(kEu, "service-x-pipeline", "", "", "CREATE_COMPLETE");
  r.stacks.push_back(pipeline_stack);
  for (int i = 0; i < 3; ++i) {
    auto s = stack(regions[i], "service-x-infrastructure", prefix[i] + "-infrastructure",
                   "CREATE_UPDATE", "CREATE_COMPLETE");
    s.exports = {{"SnsTopicArn", "arn:aws:sns:" + regions[i] + ":123456789012:orders"}};
    s.changes = {{"Add", "Topic", "", "AWS::SNS::Topic", ""},
                 {"Add", "Queue", "", "AWS::SQS::Queue", ""}};
    r.stacks.push_back(s);
  }
  for (int i = 0; i < 3; ++i) {
    auto s = stack(regions[i], "service-x-lambda", prefix[i] + "-transform", "CHANGE_SET_REPLACE",
                   "REVIEW_IN_PROGRESS");
    s.change_set_name = "pipeline-changeset";
    s.changes = {{"Add", "Handler", "", "AWS::Lambda::Function", ""},
                 {"Add", "HandlerRole", "", "AWS::IAM::Role", ""}};
    r.stacks.push_back(s);
  }
  for (int i = 0; i < 3; ++i) {
    auto s = stack(regions[i], "service-x-lambda", prefix[i] + "-execute", "CHANGE_SET_EXECUTE",
                   "CREATE_COMPLETE");
    s.change_set_name = "pipeline-changeset";
    s.outputs = {{"HandlerArn", "arn:aws:lambda:" + regions[i] + ":123456789012:function:h"}};
    r.stacks.push_back(s);
  }
  return r;
}

}  // namespace

RunRecord sample_success() {
  return base();
}

RunRecord sample_failure() {
  RunRecord r = base();
  StageRecord& deploy = r.stages[2];
  ActionRecord& us = deploy.actions[4];
  us.status = Status::Failed;
  us.finished = kT0 + 6900;
  us.error = "No export named SnsTopicArn found.";
  us.error_code = "JobFailed";
  us.summary = "Change set pipeline-changeset: FAILED";
  us.log_tail = {"CreateChangeSet service-x-lambda (us-east-1)",
                 "Status FAILED: No export named SnsTopicArn found."};
  for (std::size_t i = 6; i < 9; ++i) {  // RunOrder 3 never starts
    deploy.actions[i].status = Status::NotStarted;
    deploy.actions[i].started = deploy.actions[i].finished = 0;
    deploy.actions[i].summary.clear();
  }
  deploy.status = Status::Failed;
  deploy.finished = kT0 + 7500;
  r.status = Status::Failed;
  r.status_summary = "Action us-transform failed: No export named SnsTopicArn found.";
  r.finished = kT0 + 7600;
  // The execute stacks were never touched; the us change set failed.
  r.stacks.erase(r.stacks.end() - 3, r.stacks.end());
  for (auto& s : r.stacks)
    if (s.action_name == "us-transform") {
      s.status = "REVIEW_IN_PROGRESS";
      s.status_reason = "No export named SnsTopicArn found.";
      s.changes.clear();
    }
  return r;
}

RunRecord sample_early_failure() {
  RunRecord r = base();
  for (auto& s : r.stages) {
    s.status = Status::NotStarted;
    s.started = s.finished = 0;
    for (auto& a : s.actions) {
      a.status = Status::NotStarted;
      a.started = a.finished = 0;
      a.summary.clear();
      a.log_tail.clear();
    }
  }
  r.artifacts.clear();
  r.stacks.resize(1);
  r.stacks[0].status = "ROLLBACK_COMPLETE";
  r.stacks[0].status_reason = "Parameters: [/service-x/eu-bucket] cannot be found.";
  r.status = Status::Failed;
  r.status_summary =
      "Pipeline stack service-x-pipeline: Parameters: [/service-x/eu-bucket] "
      "cannot be found.";
  r.finished = kT0 + 300;
  return r;
}

std::vector<engine::Event> events_for(const RunRecord& r) {
  std::vector<engine::Event> ev;
  engine::ExecutionStarted start{r.execution_id, r.pipeline_name, r.pipeline_region,
                                 r.trigger,      r.started,       r.stages};
  for (auto& s : start.stages) {
    s.status = Status::NotStarted;
    s.started = s.finished = 0;
    for (auto& a : s.actions) {
      a.status = Status::NotStarted;
      a.started = a.finished = 0;
      a.error.clear();
      a.summary.clear();
      a.log_tail.clear();
    }
  }
  ev.push_back(start);
  for (const auto& s : r.stages) {
    if (!s.started) continue;
    ev.push_back(engine::StageStarted{s.name, s.started});
    // Group by RunOrder: all of a group start, then finish in end-time order (parallel).
    std::vector<int> orders;
    for (const auto& a : s.actions)
      if (std::find(orders.begin(), orders.end(), a.run_order) == orders.end())
        orders.push_back(a.run_order);
    std::sort(orders.begin(), orders.end());
    for (int order : orders) {
      std::vector<const ActionRecord*> group;
      for (const auto& a : s.actions)
        if (a.run_order == order && a.started) group.push_back(&a);
      for (const auto* a : group)
        ev.push_back(engine::ActionStarted{s.name, a->name, a->region, a->run_order, a->category,
                                           a->provider, a->action_execution_id, a->started});
      std::sort(group.begin(), group.end(), [](const ActionRecord* x, const ActionRecord* y) {
        return x->finished < y->finished;
      });
      for (const auto* a : group) {
        for (const auto& line : a->log_tail)
          ev.push_back(engine::ActionLog{s.name, a->name, a->region, line, a->finished});
        ev.push_back(engine::ActionFinished{s.name, a->name, a->region, a->status, a->duration_ms(),
                                            a->error, a->summary, a->log_tail, a->finished});
      }
    }
    ev.push_back(engine::StageFinished{s.name, s.status, s.finished - s.started, s.finished});
  }
  ev.push_back(engine::ExecutionFinished{r.execution_id, r.status, r.duration_ms(),
                                         r.status_summary, r.finished,
                                         std::make_shared<const RunRecord>(r)});
  return ev;
}

void replay(const RunRecord& r, engine::Reporter& reporter) {
  for (const auto& e : events_for(r)) reporter.on_event(e);
}

}  // namespace pipemu::test
