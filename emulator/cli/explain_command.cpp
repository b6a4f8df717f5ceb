// `pipemu explain`: the pipeline a template declares, in plain words (report/explain builds the
// text from the model; this file only loads the inputs and picks the region).
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/pipeline_source.hpp"
#include "model/loader.hpp"
#include "model/text.hpp"
#include "report/explain/explain.hpp"

namespace pipemu::cli {

namespace {

std::string render_all(const model::Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += model::render(item);
  return out;
}

}  // namespace

std::function<int()> setup_explain(CLI::App& app) {
  struct Opts {
    std::string path, buildspec, action, format = "text", region;
  };
  auto o = std::make_shared<Opts>();
  app.add_option("template", o->path, "Pipeline template (CloudFormation YAML or JSON)")->required();
  app.add_option("--buildspec", o->buildspec, "Buildspec the build action runs (adds what it reads)");
  app.add_option("--action", o->action, "Explain only this action, in depth");
  app.add_option("--format", o->format, "text or md")->check(CLI::IsMember({"text", "md"}));
  app.add_option("--region", o->region, "The pipeline's region (default: AWS_REGION, AWS_DEFAULT_REGION, "
                                        "else the first ArtifactStores entry)");
  return [o]() -> int {
    auto root = model::load_file(o->path);
    if (!root) return std::cerr << model::render(root.error()), kFailed;
    auto tmpl = model::parse_template(*root);
    if (!tmpl.ok()) return std::cerr << render_all(tmpl.diagnostics), kFailed;
    auto pipelines = tmpl.value.resources_of_type("AWS::CodePipeline::Pipeline");
    if (pipelines.empty()) {
      std::cerr << fmt::format("{}: error: the template declares no AWS::CodePipeline::Pipeline "
                               "resource\n", o->path);
      return kFailed;
    }
    auto pipeline = model::pipeline_from_cfn(pipelines.front()->properties);
    if (!pipeline.ok()) return std::cerr << render_all(pipeline.diagnostics), kFailed;
    if (pipeline.value.name.empty()) pipeline.value.name = pipelines.front()->logical_id;

    report::explain::Input in;
    in.tmpl = &tmpl.value;
    in.pipeline = &pipeline.value;
    in.pipeline_id = pipelines.front()->logical_id;
    auto region = pick_pipeline_region(o->region, pipeline.value);
    in.region = region.region;
    in.region_source = region.source;
    model::Parsed<model::Buildspec> buildspec;
    if (!o->buildspec.empty()) {
      buildspec = model::parse_buildspec_file(o->buildspec);
      if (!buildspec.ok()) return std::cerr << render_all(buildspec.diagnostics), kFailed;
      in.buildspec = &buildspec.value;
      in.buildspec_path = o->buildspec;
    }
    bool md = o->format == "md";
    if (o->action.empty()) return std::cout << report::explain::explain_pipeline(in, md), kOk;

    const model::Action* action = pipeline.value.action(o->action);
    if (!action) {
      std::vector<std::string> names;
      for (const auto& s : pipeline.value.stages)
        for (const auto& a : s.actions) names.push_back(a.name);
      std::string near = text::closest(o->action, names);
      std::cerr << fmt::format("pipemu explain: no action named '{}' in pipeline {}.", o->action,
                               pipeline.value.name);
      if (!near.empty()) std::cerr << fmt::format(" Did you mean '{}'?", near);
      std::cerr << fmt::format("\nActions: {}\n", fmt::join(names, ", "));
      return kUsage;
    }
    std::cout << report::explain::explain_action(in, *action, md);
    return kOk;
  };
}

}  // namespace pipemu::cli
