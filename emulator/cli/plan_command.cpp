// `pipemu plan`: what `pipemu run` would do, without doing it — stages in order, RunOrder groups
// (parallel actions side by side), each action's region and what it will do, the artifact flow.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/pipeline_source.hpp"
#include "engine/plan.hpp"

namespace pipemu::cli {

std::string render_plan(const model::Pipeline& pipeline, const engine::Plan& plan) {
  std::string out = fmt::format("Pipeline {} (region {})\n", pipeline.name, plan.pipeline_region);
  int stage_no = 0;
  for (const auto& ps : plan.stages) {
    out += fmt::format("\n{}. Stage {}\n", ++stage_no, ps.stage->name);
    for (const auto& g : ps.groups) {
      out += fmt::format("   RunOrder {}{}\n", g.run_order, g.actions.size() > 1 ? " (in parallel)" : "");
      for (const auto& pa : g.actions) {
        const model::Action& a = *pa.action;
        out += fmt::format("     - {} [{}] {}\n", a.name, pa.region, pa.description);
        std::string io;
        for (const auto& i : a.input_artifacts) io += (io.empty() ? "in: " : ", ") + i.name;
        std::string outs;
        for (const auto& o : a.output_artifacts) outs += (outs.empty() ? "out: " : ", ") + o.name;
        if (!io.empty() || !outs.empty())
          out += fmt::format("         {}{}{}\n", io, !io.empty() && !outs.empty() ? "; " : "", outs);
        if (!a.namespace_name.empty()) out += fmt::format("         namespace: {}\n", a.namespace_name);
      }
    }
  }
  out += "\nArtifacts\n";
  for (const auto& e : engine::artifact_flow(pipeline)) {
    std::string consumers;
    for (const auto& [st, act] : e.consumers) consumers += (consumers.empty() ? "" : ", ") + st + "/" + act;
    out += fmt::format("  {}: {} -> {}\n", e.artifact,
                       e.producer.empty() ? "(nobody produces it)" : e.producer_stage + "/" + e.producer,
                       consumers.empty() ? "(unused)" : consumers);
  }
  return out;
}

std::function<int()> setup_plan(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  auto region = std::make_shared<std::string>();
  app.add_option("template", *path, "Pipeline template")->required();
  app.add_option("--region", *region,
                 "Pipeline region (default: AWS_REGION, AWS_DEFAULT_REGION, else the first ArtifactStores entry)");
  return [path, region] {
    auto pipeline = load_declared_pipeline(*path);
    if (!pipeline) return std::cerr << pipeline.error(), 1;
    std::cout << render_plan(*pipeline, engine::make_plan(*pipeline, pick_pipeline_region(*region, *pipeline).region));
    return 0;
  };
}

}  // namespace pipemu::cli
