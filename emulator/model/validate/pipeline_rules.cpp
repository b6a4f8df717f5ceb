// Structural rules CreatePipeline/UpdatePipeline enforce (aws-semantics §2.2): stage and action
// names, where Source actions may sit, RunOrder, and the artifact flow between actions.
#include <fmt/format.h>

#include <map>

#include "model/text.hpp"
#include "model/validate/names.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

struct Producer {
  const Stage* stage;
  size_t stage_index;
  const Action* action;
  Mark mark;
};

void check_names(const Pipeline& p, Diagnostics& d) {
  std::map<std::string, const Stage*> stages;
  for (const auto& s : p.stages) {
    if (!s.name.empty() && !name_ok(s.name, ".@-_", 100))
      d.error(s.mark,
              fmt::format(
                  "stage name '{}' is invalid: CodePipeline allows 1 to 100 of A-Z a-z 0-9 . @ - _",
                  s.name),
              "pipeline-name");
    if (auto [it, fresh] = stages.emplace(s.name, &s); !fresh)
      d.error(s.mark,
              fmt::format("stage name '{}' is used twice; stage names must be unique in a pipeline",
                          s.name),
              "pipeline-duplicate-stage",
              fmt::format("the first '{}' is at line {}", s.name, it->second->mark.line));
    std::map<std::string, const Action*> actions;
    for (const auto& a : s.actions) {
      if (!a.name.empty() && !name_ok(a.name, ".@-_", 100))
        d.error(
            a.mark,
            fmt::format(
                "action name '{}' is invalid: CodePipeline allows 1 to 100 of A-Z a-z 0-9 . @ - _",
                a.name),
            "pipeline-name");
      if (auto [it, fresh] = actions.emplace(a.name, &a); !fresh)
        d.error(
            a.mark,
            fmt::format(
                "action name '{}' is used twice in stage '{}'; action names must be unique within "
                "a stage",
                a.name, s.name),
            "pipeline-duplicate-action",
            fmt::format("the first '{}' is at line {}", a.name, it->second->mark.line));
    }
    if (s.actions.empty())
      d.error(s.mark,
              fmt::format("stage '{}' has no actions; every stage needs 1 to 50 actions", s.name),
              "pipeline-stage-actions");
  }
}

void check_run_order(const Pipeline& p, Diagnostics& d) {
  for (const auto& s : p.stages)
    for (const auto& a : s.actions)
      if (a.run_order < 1 || a.run_order > 999)
        d.error(
            a.run_order_mark.known() ? a.run_order_mark : a.mark,
            fmt::format("RunOrder {} of action '{}' is out of range; CodePipeline accepts 1 to 999",
                        a.run_order, a.name),
            "action-run-order");
}

void check_source_placement(const Pipeline& p, Diagnostics& d) {
  if (p.stages.size() < 2)
    d.error(
        p.mark,
        fmt::format(
            "Pipeline has only {} stage(s). There should be a minimum of 2 stages in a pipeline",
            p.stages.size()),
        "pipeline-stage-count",
        "add a Source stage first and at least one stage that builds or deploys");
  if (p.stages.empty()) return;
  const Stage& first = p.stages.front();
  bool has_source = false;
  for (const auto& a : first.actions) {
    if (a.type.category == "Source") {
      has_source = true;
    } else {
      d.error(a.mark,
              fmt::format("action '{}' is a {} action in the first stage '{}'; the first stage may "
                          "contain only "
                          "Source actions",
                          a.name, a.type.category, first.name),
              "source-stage", "move it to a later stage");
    }
  }
  if (!has_source && !first.actions.empty())
    d.error(first.mark,
            fmt::format("the first stage '{}' has no Source action; a pipeline starts with one",
                        first.name),
            "source-stage");
  for (size_t i = 1; i < p.stages.size(); ++i)
    for (const auto& a : p.stages[i].actions)
      if (a.type.category == "Source")
        d.error(
            a.mark,
            fmt::format(
                "Source action '{}' is in stage '{}'; Source actions are allowed only in the first "
                "stage",
                a.name, p.stages[i].name),
            "source-stage", fmt::format("move it to the first stage '{}'", p.stages[0].name));
}

void check_artifacts(const Pipeline& p, Diagnostics& d) {
  std::map<std::string, Producer> producers;
  for (size_t si = 0; si < p.stages.size(); ++si)
    for (const auto& a : p.stages[si].actions)
      for (const auto& out : a.output_artifacts) {
        if (!out.name.empty() && !name_ok(out.name, "_-", 100))
          d.error(
              out.mark,
              fmt::format(
                  "artifact name '{}' is invalid: CodePipeline allows 1 to 100 of A-Z a-z 0-9 - _",
                  out.name),
              "pipeline-name");
        if (auto [it, fresh] =
                producers.emplace(out.name, Producer{&p.stages[si], si, &a, out.mark});
            !fresh)
          d.error(out.mark,
                  fmt::format("Output Artifact Bundle name must be unique within the pipeline. {} "
                              "has been used "
                              "more than once.",
                              out.name),
                  "artifact-duplicate-output",
                  fmt::format("'{}' is already produced by action '{}' (line {})", out.name,
                              it->second.action->name, it->second.mark.line));
      }
  std::vector<std::string> names;
  for (const auto& [name, _] : producers) names.push_back(name);
  for (size_t si = 0; si < p.stages.size(); ++si)
    for (const auto& a : p.stages[si].actions)
      for (const auto& in : a.input_artifacts) {
        auto it = producers.find(in.name);
        if (it == producers.end()) {
          std::string near = text::closest(in.name, names);
          d.error(in.mark,
                  fmt::format("input artifact '{}' of action '{}' is not produced by any action of "
                              "the pipeline",
                              in.name, a.name),
                  "artifact-input-unknown",
                  near.empty() ? fmt::format("artifacts produced: {}",
                                             names.empty() ? "none" : text::join(names, ", "))
                               : fmt::format("did you mean '{}'?", near));
          continue;
        }
        const Producer& prod = it->second;
        bool earlier = prod.stage_index < si ||
                       (prod.stage_index == si && prod.action->run_order < a.run_order);
        if (!earlier)
          d.error(in.mark,
                  fmt::format("input artifact '{}' of action '{}' is produced by action '{}' "
                              "(stage '{}', RunOrder "
                              "{}), which does not run before it",
                              in.name, a.name, prod.action->name, prod.stage->name,
                              prod.action->run_order),
                  "artifact-input-order",
                  "an input must come from an earlier stage, or from the same stage with a lower "
                  "RunOrder");
      }
}

}  // namespace

void check_pipeline_structure(const Pipeline& p, Diagnostics& d) {
  check_names(p, d);
  check_source_placement(p, d);
  check_run_order(p, d);
  check_artifacts(p, d);
}

}  // namespace pipemu::model::validate
