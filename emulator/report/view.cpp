#include "report/view.hpp"

#include <algorithm>

#include "report/format.hpp"

namespace pipemu::report {

using engine::ActionRecord;
using engine::RunRecord;
using engine::StackRecord;
using engine::StageRecord;
using engine::Status;

namespace {

// The stack an action touched: the record names it by action and region (the pipeline stack
// has no action). The last one wins: an action that touched a stack twice reports the result.
const StackRecord* stack_of(const RunRecord& run, const ActionRecord& a) {
  const StackRecord* found = nullptr;
  for (const auto& s : run.stacks)
    if (!s.action_name.empty() && s.action_name == a.name && s.region == a.region) found = &s;
  return found;
}

void add_region(std::vector<std::string>& regions, const std::string& r) {
  if (!r.empty() && std::find(regions.begin(), regions.end(), r) == regions.end())
    regions.push_back(r);
}

// The action's resolved configuration (StackName, TemplatePath, ProjectName, ...) is what makes
// the descriptions specific. ActionRecord does not carry it yet; this picks it up as soon as the
// engine adds a `configuration` map, without a change here.
template <class A>
void add_configuration(Vars& v, const A& a) {
  if constexpr (requires { a.configuration.begin(); })
    for (const auto& [key, value] : a.configuration) v.emplace(key, value);
}

}  // namespace

std::string anchor_id(std::string_view stage, std::string_view action) {
  std::string out = "action-";
  auto put = [&out](std::string_view s) {
    for (char c : s) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_';
      out += ok ? c : '_';
    }
  };
  put(stage);
  out += "--";
  put(action);
  return out;
}

Vars action_vars(const RunRecord& run, const StageRecord& stage, const ActionRecord& a,
                 const StackRecord* stack) {
  Vars v;
  add_configuration(v, a);
  if (stack) {
    v.emplace("StackName", stack->stack_name);
    v.emplace("ActionMode", stack->action_mode);
    v.emplace("ChangeSetName", stack->change_set_name);
  }
  v["region"] = a.region;
  v["action"] = a.name;
  v["stage"] = stage.name;
  v["pipeline"] = run.pipeline_name;
  v["pipeline_region"] = run.pipeline_region;
  v["inputs"] = join_words(a.input_artifacts, "");
  v["outputs"] = join_words(a.output_artifacts, "");
  v["category"] = a.category;
  v["provider"] = a.provider;
  if (a.category == "Source" && !run.trigger.branch.empty()) {
    v.emplace("Branch", run.trigger.branch);
    v.emplace("BranchName", run.trigger.branch);
  }
  return v;
}

RunView make_view(const RunRecord& run) {
  RunView view;
  view.run = &run;
  add_region(view.regions, run.pipeline_region);
  for (std::size_t si = 0; si < run.stages.size(); ++si) {
    const StageRecord& stage = run.stages[si];
    for (const ActionRecord& a : stage.actions) {
      ActionView v;
      v.stage = &stage;
      v.action = &a;
      v.stage_index = si;
      v.anchor = anchor_id(stage.name, a.name);
      v.stack = stack_of(run, a);
      v.vars = action_vars(run, stage, a, v.stack);
      if (auto m = v.vars.find("ActionMode"); m != v.vars.end()) v.mode = m->second;
      v.description = describe_action(a.category, a.provider, v.mode, v.vars);
      if (a.status == Status::Failed) v.advice = advise(a.error_code, a.error, v.vars);
      add_region(view.regions, a.region);
      view.actions.push_back(std::move(v));
    }
  }
  // Artifact flow: producers in pipeline order, consumers are later actions naming the input.
  for (std::size_t i = 0; i < view.actions.size(); ++i) {
    for (const auto& out : view.actions[i].action->output_artifacts) {
      ArtifactFlow f;
      f.artifact = out;
      f.producer = static_cast<int>(i);
      f.record = run.artifact(out);
      view.flows.push_back(std::move(f));
    }
  }
  for (const auto& rec : run.artifacts) {  // recorded but produced by no known action
    bool known = std::any_of(view.flows.begin(), view.flows.end(),
                             [&](const ArtifactFlow& f) { return f.artifact == rec.name; });
    if (!known) view.flows.push_back({rec.name, -1, {}, &rec});
  }
  for (auto& f : view.flows)
    for (std::size_t i = 0; i < view.actions.size(); ++i) {
      const auto& ins = view.actions[i].action->input_artifacts;
      if (std::find(ins.begin(), ins.end(), f.artifact) != ins.end())
        f.consumers.push_back(static_cast<int>(i));
    }
  if (run.status == Status::Failed && view.failed().empty()) {
    Vars vars{{"region", run.pipeline_region},
              {"pipeline_region", run.pipeline_region},
              {"pipeline", run.pipeline_name}};
    view.run_advice = advise("", run.status_summary, vars);
  }
  return view;
}

const ActionView* RunView::find(std::string_view stage, std::string_view action) const {
  for (const auto& v : actions)
    if (v.stage->name == stage && v.action->name == action) return &v;
  return nullptr;
}

std::vector<const ActionView*> RunView::failed() const {
  std::vector<const ActionView*> out;
  for (const auto& v : actions)
    if (v.action->status == Status::Failed) out.push_back(&v);
  return out;
}

}  // namespace pipemu::report
