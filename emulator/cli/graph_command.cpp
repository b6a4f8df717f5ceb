// `pipemu graph`: the pipeline as a graph of stages, actions (with region and RunOrder) and the
// artifacts flowing between them, in DOT (Graphviz) or Mermaid.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/pipeline_source.hpp"
#include "engine/plan.hpp"

namespace pipemu::cli {

namespace {

std::string id(const std::string& stage, const std::string& action) {
  std::string out = "a_";
  for (char c : stage + "__" + action) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

std::string quote(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out;
}

}  // namespace

std::string render_dot(const model::Pipeline& p, const engine::Plan& plan) {
  std::string out = fmt::format("digraph \"{}\" {{\n  rankdir=LR;\n  node [shape=box, style=rounded];\n", quote(p.name));
  int n = 0;
  for (const auto& ps : plan.stages) {
    out += fmt::format("  subgraph cluster_{} {{\n    label=\"{}\";\n", n++, quote(ps.stage->name));
    for (const auto& g : ps.groups)
      for (const auto& pa : g.actions)
        out += fmt::format("    {} [label=\"{}\\n{} · RunOrder {}\"];\n", id(ps.stage->name, pa.action->name),
                           quote(pa.action->name), pa.region, g.run_order);
    out += "  }\n";
  }
  for (const auto& e : engine::artifact_flow(p)) {
    if (e.producer.empty()) continue;
    for (const auto& [st, act] : e.consumers)
      out += fmt::format("  {} -> {} [label=\"{}\"];\n", id(e.producer_stage, e.producer), id(st, act), quote(e.artifact));
  }
  return out + "}\n";
}

std::string render_mermaid(const model::Pipeline& p, const engine::Plan& plan) {
  std::string out = "flowchart LR\n";
  for (const auto& ps : plan.stages) {
    out += fmt::format("  subgraph {}[\"{}\"]\n", id(ps.stage->name, ""), ps.stage->name);
    for (const auto& g : ps.groups)
      for (const auto& pa : g.actions)
        out += fmt::format("    {}[\"{}<br/>{} · RunOrder {}\"]\n", id(ps.stage->name, pa.action->name),
                           pa.action->name, pa.region, g.run_order);
    out += "  end\n";
  }
  for (const auto& e : engine::artifact_flow(p)) {
    if (e.producer.empty()) continue;
    for (const auto& [st, act] : e.consumers)
      out += fmt::format("  {} -->|{}| {}\n", id(e.producer_stage, e.producer), e.artifact, id(st, act));
  }
  return out;
}

std::function<int()> setup_graph(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("dot");
  auto region = std::make_shared<std::string>();
  app.add_option("template", *path, "Pipeline template")->required();
  app.add_option("--format", *format, "dot or mermaid")->check(CLI::IsMember({"dot", "mermaid"}));
  app.add_option("--region", *region,
                 "Pipeline region (default: AWS_REGION, AWS_DEFAULT_REGION, else the first ArtifactStores entry)");
  return [path, format, region] {
    auto pipeline = load_declared_pipeline(*path);
    if (!pipeline) return std::cerr << pipeline.error(), 1;
    auto plan = engine::make_plan(*pipeline, pick_pipeline_region(*region, *pipeline).region);
    std::cout << (*format == "mermaid" ? render_mermaid(*pipeline, plan) : render_dot(*pipeline, plan));
    return 0;
  };
}

}  // namespace pipemu::cli
