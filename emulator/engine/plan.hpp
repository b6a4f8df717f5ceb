#pragma once
// What an execution will do, before it does it: stages in order, each split into RunOrder groups
// (ascending; actions of one group run concurrently), every action with its effective region and
// a one-line description. Used by the scheduler, `pipemu plan` and `pipemu graph`.
#include <string>
#include <vector>

#include "engine/run_record.hpp"
#include "model/pipeline.hpp"

namespace pipemu::engine {

struct PlannedAction {
  const model::Action* action = nullptr;
  std::string region;  // Region, else the pipeline's
  std::string description;
};

struct PlannedGroup {
  int run_order = 1;
  std::vector<PlannedAction> actions;  // declaration order
};

struct PlannedStage {
  const model::Stage* stage = nullptr;
  std::vector<PlannedGroup> groups;  // RunOrder ascending
};

struct Plan {
  std::string pipeline_region;
  std::vector<PlannedStage> stages;
};

// `pipeline` must outlive the plan (it points into it).
Plan make_plan(const model::Pipeline& pipeline, const std::string& pipeline_region);

std::string effective_region(const model::Action& action, const std::string& pipeline_region);

// "CloudFormation CHANGE_SET_REPLACE stack Foo (template BuildOutput::packaged.yaml)".
std::string describe_action(const model::Action& action);

// Every stage and action NotStarted, for ExecutionStarted and the run record.
std::vector<StageRecord> skeleton(const Plan& plan);

// Where each artifact comes from and goes: "SourceOutput: Source/GitHub -> Build/CodeBuild".
struct ArtifactFlowEdge {
  std::string artifact;
  std::string producer_stage, producer;  // empty when nobody produces it
  std::vector<std::pair<std::string, std::string>> consumers;  // (stage, action)
};
std::vector<ArtifactFlowEdge> artifact_flow(const model::Pipeline& pipeline);

}  // namespace pipemu::engine
