// Assembles the account: setting, trigger, stages with their RunOrder groups, then every action.
#include "report/explain/explain.hpp"

#include <map>

#include <fmt/format.h>

#include "report/explain/parts.hpp"
#include "report/explain/support.hpp"

namespace pipemu::report::explain {

namespace {

// Declaration order within each RunOrder, RunOrders ascending: the order CodePipeline runs them.
std::map<int, std::vector<const model::Action*>> groups(const model::Stage& stage) {
  std::map<int, std::vector<const model::Action*>> out;
  for (const auto& a : stage.actions) out[a.run_order].push_back(&a);
  return out;
}

std::vector<std::string> action_names(const std::vector<const model::Action*>& actions) {
  std::vector<std::string> out;
  for (const auto* a : actions) out.push_back(a->name);
  return out;
}

void describe_groups(Doc& doc, const model::Stage& stage) {
  auto g = groups(stage);
  for (auto it = g.begin(); it != g.end(); ++it) {
    auto next = std::next(it);
    std::string then = next == g.end()
                           ? "."
                           : fmt::format("; RunOrder {} starts only when they all succeed.",
                                         next->first);
    if (it->second.size() == 1)
      doc.bullet(fmt::format("RunOrder {}: {} runs alone{}", it->first, it->second[0]->name,
                             next == g.end() ? "." : then));
    else
      doc.bullet(fmt::format("RunOrder {}: {} run in parallel, because they share RunOrder {}{}",
                             it->first, join_words(action_names(it->second)), it->first, then));
  }
}

std::string count(size_t n, const char* noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace

std::string explain_pipeline(const Input& in, bool markdown) {
  Doc doc(markdown);
  const model::Pipeline& p = *in.pipeline;
  size_t actions = 0;
  for (const auto& s : p.stages) actions += s.actions.size();
  doc.heading(1, "Pipeline " + p.name);
  doc.para(fmt::format("{} with {} in total. Stages run one after another; a stage starts when the "
                       "previous one succeeded.",
                       count(p.stages.size(), "stage"), count(actions, "action")));
  describe_regions(doc, in);
  describe_trigger(doc, in);
  int n = 0;
  for (const auto& s : p.stages) {
    doc.heading(2, fmt::format("Stage {}: {} ({})", ++n, s.name, count(s.actions.size(), "action")));
    describe_groups(doc, s);
    for (const auto& a : s.actions) {
      doc.heading(3, a.name);
      describe_action_body(doc, in, s, a);
    }
  }
  return doc.str();
}

std::string explain_action(const Input& in, const model::Action& action, bool markdown) {
  Doc doc(markdown);
  const model::Stage* stage = nullptr;
  in.pipeline->action(action.name, &stage);
  doc.heading(1, fmt::format("Action {} (stage {} of pipeline {})", action.name,
                             stage ? stage->name : "?", in.pipeline->name));
  if (!stage) return doc.str();
  describe_action_body(doc, in, *stage, action);
  std::vector<std::string> peers;
  for (const auto& a : stage->actions)
    if (a.run_order == action.run_order && a.name != action.name) peers.push_back(a.name);
  doc.heading(2, "Runs with");
  doc.para(peers.empty()
               ? fmt::format("Nothing else in stage {} has RunOrder {}: it runs alone.",
                             stage->name, action.run_order)
               : fmt::format("It runs in parallel with {}, because they share RunOrder {} in "
                             "stage {}.",
                             join_words(peers), action.run_order, stage->name));
  return doc.str();
}

}  // namespace pipemu::report::explain
