#include "model/validate/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "model/buildspec.hpp"
#include "model/codebuild_project.hpp"
#include "model/loader.hpp"
#include "model/pipeline.hpp"
#include "model/template.hpp"
#include "model/validate/rules.hpp"
#include "model/validate/yaml_hint.hpp"
#include "model/webhook.hpp"

namespace pipemu::model::validate {
namespace {

struct LoadedPipeline {
  const TemplateResource* resource;
  Pipeline pipeline;
  std::string region;
};

std::string pipeline_region(const Pipeline& p, const Options& o, std::string& source) {
  if (!o.region.empty()) {
    source = o.region_source;
    return o.region;
  }
  if (!p.artifact_stores.empty()) {
    source = "the first ArtifactStores entry";
    return p.artifact_stores.front().region;
  }
  source = "unknown";
  return {};
}

PipelineSummary summarize(const LoadedPipeline& lp, const std::string& source) {
  PipelineSummary s{lp.resource->logical_id,
                    lp.pipeline.name,
                    lp.region,
                    source,
                    lp.pipeline.stages.size(),
                    0,
                    {}};
  if (!lp.region.empty()) s.regions.push_back(lp.region);
  for (const auto& st : lp.pipeline.stages)
    for (const auto& a : st.actions) {
      ++s.actions;
      if (a.region && !a.region->empty() &&
          std::find(s.regions.begin(), s.regions.end(), *a.region) == s.regions.end())
        s.regions.push_back(*a.region);
    }
  return s;
}

// The pipeline a webhook's TargetPipeline names: {Ref: LogicalId} or the pipeline's Name.
const LoadedPipeline* webhook_target(const Webhook& w, const std::vector<LoadedPipeline>& pipelines,
                                     Diagnostics& d) {
  const Node& t = w.target_pipeline;
  if (t.is_intrinsic() && t.intrinsic_name() == "Ref" && t.intrinsic_arg().is_scalar()) {
    for (const auto& lp : pipelines)
      if (lp.resource->logical_id == t.intrinsic_arg().str()) return &lp;
    return nullptr;  // an undefined Ref is reported by check_refs; another type is not ours
  }
  if (t.is_scalar()) {
    for (const auto& lp : pipelines)
      if (lp.pipeline.name == t.str()) return &lp;
    if (!pipelines.empty())
      d.warning(
          t.mark(),
          fmt::format("TargetPipeline '{}' is not a pipeline of this template; pipemu cannot check "
                      "TargetAction against it",
                      t.str()),
          "webhook-target-pipeline", "use '!Ref <pipeline logical id>'");
  }
  return nullptr;
}

bool names_project(const Action& a, const CodeBuildProject& p) {
  const Node* n = a.config_node("ProjectName");
  if (!n) return false;
  if (n->is_intrinsic() && n->intrinsic_name() == "Ref")
    return n->intrinsic_arg().as_string() == p.logical_id;
  return n->is_scalar() && !p.name.empty() && n->str() == p.name;
}

bool ends_with_path(const std::string& path, const std::string& suffix) {
  if (suffix.empty() || path.size() < suffix.size()) return false;
  if (path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  return path.size() == suffix.size() || path[path.size() - suffix.size() - 1] == '/';
}

// Returns the logical id of the project the buildspec was checked against ("" for none).
std::string check_buildspec_against(const Buildspec& b, const std::string& buildspec_path,
                                    const std::vector<CodeBuildProject>& projects,
                                    const std::vector<LoadedPipeline>& pipelines, Diagnostics& d) {
  // Which project runs this buildspec: the one whose Source.BuildSpec path it is, or the only one.
  const CodeBuildProject* project = nullptr;
  for (const auto& p : projects)
    if (!p.source.buildspec_path().empty() &&
        ends_with_path(buildspec_path, p.source.buildspec_path()))
      project = &p;
  if (!project && projects.size() == 1) project = &projects.front();
  check_buildspec(b, project, d);
  for (const auto& lp : pipelines) {
    std::vector<const Action*> builds;
    for (const auto& s : lp.pipeline.stages)
      for (const auto& a : s.actions)
        if (a.type.provider == "CodeBuild" && (!project || names_project(a, *project)))
          builds.push_back(&a);
    if (builds.size() == 1 || (project && !builds.empty()))
      for (const Action* a : builds) check_build_outputs(lp.pipeline, *a, b, d);
  }
  return project ? project->logical_id : std::string();
}

void check_pipeline(const LoadedPipeline& lp, Diagnostics& d) {
  check_pipeline_structure(lp.pipeline, d);
  check_action_configs(lp.pipeline, d);
  check_pipeline_regions(lp.pipeline, lp.region, d);
  check_cloudformation_actions(lp.pipeline, lp.region, d);
}

bool is_get_pipeline_output(const Node& root) {
  return root.is_map() && !root.find("Resources") && root.find("pipeline") &&
         root.find("pipeline")->is_map();
}

}  // namespace

std::string summary_line(const Diagnostics& d) {
  size_t e = d.error_count(), w = d.warning_count();
  return fmt::format("{} error{}, {} warning{}", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s");
}

Result validate_text(const std::string& template_path, std::string template_text,
                     const Options& options, const std::string& buildspec_path,
                     std::optional<std::string> buildspec_text) {
  Result r;
  Diagnostics& d = r.diagnostics;
  std::vector<CodeBuildProject> projects;
  std::vector<LoadedPipeline> pipelines;
  auto loaded = load_text(template_path, std::move(template_text));
  std::optional<Template> tpl;
  if (!loaded) {
    d.add(explain_template_yaml_error(loaded.error()));
  } else if (is_get_pipeline_output(*loaded)) {
    // `aws codepipeline get-pipeline` output: the declaration itself, no template around it.
    r.template_loaded = true;
    auto p = pipeline_from_api(*loaded);
    d.append(p.diagnostics);
    static const TemplateResource kApi{"pipeline", {}, "AWS::CodePipeline::Pipeline", {}, {}, {}};
    std::string source;
    std::string region = pipeline_region(p.value, options, source);
    pipelines.push_back({&kApi, std::move(p.value), region});
    check_pipeline(pipelines.back(), d);
    r.pipelines.push_back(summarize(pipelines.back(), source));
  } else {
    r.template_loaded = true;
    auto parsed = parse_template(*loaded);
    d.append(parsed.diagnostics);
    tpl = std::move(parsed.value);
    r.resources = tpl->resources.size();
    check_refs(*tpl, d);
    check_resource_types(*tpl, d);
    for (const auto* res : tpl->resources_of_type("AWS::CodeBuild::Project")) {
      auto p = codebuild_project_from_cfn(res->properties, res->logical_id);
      d.append(p.diagnostics);
      check_codebuild_project(*res, d);
      projects.push_back(std::move(p.value));
    }
    for (const auto* res : tpl->resources_of_type("AWS::CodePipeline::Pipeline")) {
      auto p = pipeline_from_cfn(res->properties);
      d.append(p.diagnostics);
      std::string source;
      std::string region = pipeline_region(p.value, options, source);
      pipelines.push_back({res, std::move(p.value), region});
      check_pipeline(pipelines.back(), d);
      r.pipelines.push_back(summarize(pipelines.back(), source));
    }
    for (const auto* res : tpl->resources_of_type("AWS::CodePipeline::Webhook")) {
      auto w = webhook_from_cfn(res->properties, res->logical_id);
      d.append(w.diagnostics);
      const LoadedPipeline* target = webhook_target(w.value, pipelines, d);
      check_webhook(w.value, target ? &target->pipeline : nullptr, d);
    }
  }
  if (buildspec_text) {
    auto b = parse_buildspec_text(buildspec_path, std::move(*buildspec_text));
    d.append(b.diagnostics);
    if (b.value.root.is_map()) {
      r.buildspec_checked = true;
      r.buildspec_project =
          check_buildspec_against(b.value, buildspec_path, projects, pipelines, d);
    }
  }
  // Compiler order: the template's findings first, then the buildspec's, each top to bottom.
  std::vector<Diagnostic> items = d.items();
  std::stable_sort(items.begin(), items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::make_tuple(a.mark.path() != template_path, a.mark.path(), a.mark.line,
                           a.mark.column) < std::make_tuple(b.mark.path() != template_path,
                                                            b.mark.path(), b.mark.line,
                                                            b.mark.column);
  });
  r.diagnostics = Diagnostics();
  for (auto& i : items) r.diagnostics.add(std::move(i));
  return r;
}

namespace {
std::optional<std::string> read_file(const std::string& path, Diagnostics& d) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    auto src = std::make_shared<const SourceText>(path, "");
    d.error(Mark{src, 0, 0}, "cannot open file", "io",
            "check the path; it is relative to the current directory");
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

Result validate_files(const std::string& template_path, const std::string& buildspec_path,
                      const Options& options) {
  Diagnostics io;
  auto tpl = read_file(template_path, io);
  std::optional<std::string> bs;
  if (!buildspec_path.empty()) bs = read_file(buildspec_path, io);
  if (!tpl) {
    Result r;
    r.diagnostics = io;
    return r;
  }
  Result r = validate_text(template_path, std::move(*tpl), options, buildspec_path, std::move(bs));
  if (!io.items().empty()) {
    io.append(r.diagnostics);
    r.diagnostics = io;
  }
  return r;
}

}  // namespace pipemu::model::validate
