#pragma once
// A reporter's view of a RunRecord: each action with its stage, the stack it touched, its
// ActionMode, the words describing it and the advice for its error, plus the artifact flow
// between actions. Computed once from the engine's record so every renderer agrees.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/run_record.hpp"
#include "report/knowledge.hpp"

namespace pipemu::report {

struct ActionView {
  const engine::StageRecord* stage = nullptr;
  const engine::ActionRecord* action = nullptr;
  std::size_t stage_index = 0;
  std::string anchor;                          // HTML id: "action-<stage>-<action>", sanitised
  std::string mode;                            // CloudFormation ActionMode, "" otherwise
  const engine::StackRecord* stack = nullptr;  // the stack this action touched, if any
  Vars vars;                                   // what the knowledge templates may use
  std::string description;                     // what the action does, in words
  std::optional<Advice> advice;                // for a failed action whose error we know
};

// One output artifact and who reads it.
struct ArtifactFlow {
  std::string artifact;
  int producer = -1;           // index into the views, -1 when no action produced it
  std::vector<int> consumers;  // indexes into the views, in pipeline order
  const engine::ArtifactRecord* record = nullptr;  // hashes and locations, if recorded
};

struct RunView {
  const engine::RunRecord* run = nullptr;
  std::vector<ActionView> actions;   // pipeline order: stage, then declaration order
  std::vector<ArtifactFlow> flows;   // in order of production
  std::vector<std::string> regions;  // pipeline region first, then in order of first use
  // A run can fail before any action does (the pipeline's own stack, a missing parameter or
  // export): then the advice for its status_summary, read in the pipeline region.
  std::optional<Advice> run_advice;

  const ActionView* find(std::string_view stage, std::string_view action) const;
  std::vector<const ActionView*> failed() const;
};

// The record must outlive the view (the view points into it).
RunView make_view(const engine::RunRecord& run);

// Variables for the knowledge templates of one action (configuration keys, region, inputs...).
Vars action_vars(const engine::RunRecord& run, const engine::StageRecord& stage,
                 const engine::ActionRecord& action, const engine::StackRecord* stack);

// Sanitised for an HTML id / CSS selector: [A-Za-z0-9_-], everything else becomes '_'.
std::string anchor_id(std::string_view stage, std::string_view action);

}  // namespace pipemu::report
