// Checks the names a scenario uses against its pipeline, so a typo in an expectation is an error
// at its line instead of a confusing "action not found" after a full run.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "model/text.hpp"
#include "scenario/parse.hpp"

namespace pipemu::scenario {

const std::vector<std::string>& known_regions() {
  static const std::vector<std::string> r = {
      "us-east-1",      "us-east-2",      "us-west-1",      "us-west-2",    "af-south-1",
      "ap-east-1",      "ap-south-1",     "ap-south-2",     "ap-northeast-1", "ap-northeast-2",
      "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
      "ca-central-1",   "ca-west-1",      "eu-central-1",   "eu-central-2", "eu-west-1",
      "eu-west-2",      "eu-west-3",      "eu-south-1",     "eu-south-2",   "eu-north-1",
      "il-central-1",   "me-south-1",     "me-central-1",   "sa-east-1"};
  return r;
}

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void check(const std::string& kind, const std::string& value, const Mark& mark,
           const std::vector<std::string>& known, model::Diagnostics& diags) {
  if (value.empty() || value == "*" || contains(known, value)) return;
  std::string near = text::closest(value, known);
  diags.error(mark, fmt::format("unknown {} '{}' in this scenario's pipeline", kind, value),
              "scenario-name",
              near.empty() ? fmt::format("the pipeline has: {}", text::join(known, ", "))
                           : fmt::format("did you mean '{}'?", near));
}

void check_region(const std::string& value, const Mark& mark, model::Diagnostics& diags) {
  if (value.empty() || value == "*" || contains(known_regions(), value)) return;
  std::string near = text::closest(value, known_regions());
  diags.error(mark, fmt::format("unknown region '{}'", value), "scenario-name",
              near.empty() ? std::string() : fmt::format("did you mean '{}'?", near));
}

}  // namespace

void check_names(const Scenario& s, const PipelineNames& names, model::Diagnostics& diags) {
  bool have_pipeline = !names.stages.empty();
  auto action = [&](const std::string& a, const Mark& m) {
    if (have_pipeline) check("action", a, m, names.actions, diags);
  };
  check_region(s.given.region, s.given.pipeline_mark, diags);
  for (const auto& seed : s.given.state) check_region(seed.region, seed.mark, diags);
  for (const auto& f : s.faults) {
    check_region(f.region, f.mark, diags);
    if (f.kind == Fault::Kind::Timeout) action(f.action, f.mark);
  }
  for (const auto& [a, _] : s.when.approvals) action(a, s.when.mark);
  std::set<std::pair<int, int>> reported;
  for (const auto& e : s.then) {
    using K = Expectation::Kind;
    if (e.kind == K::StageStatus && have_pipeline) check("stage", e.stage, e.mark, names.stages, diags);
    if (e.kind == K::ActionStatus || e.kind == K::LogContains ||
        (e.kind == K::ErrorContains && !e.action.empty()))
      action(e.action, e.mark);
    if (e.kind == K::Before || e.kind == K::Overlap)
      for (const auto& n : e.names) action(n.value, n.mark);
    if (!e.region.empty()) {
      const Mark& m = e.region_mark.known() ? e.region_mark : e.mark;
      // Every stack or export under one region key shares its mark: report the key once.
      if (reported.insert({m.line, m.column}).second) check_region(e.region, m, diags);
    }
    for (const auto& r : e.regions) check_region(r.value, r.mark, diags);
  }
}

}  // namespace pipemu::scenario
