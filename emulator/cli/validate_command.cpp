// `pipemu validate <template> [--buildspec FILE] [--region R] [--format text|json]`: the static
// checks of model/validate, printed compiler-style (or as JSON), exit 1 when any error is found.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "model/text.hpp"
#include "model/validate/validate.hpp"

namespace pipemu::cli {
namespace {

struct ValidateArgs {
  std::string template_path;
  std::string buildspec_path;
  std::string region;
  std::string format = "text";
};

// --region, else the environment the aws CLI would read; empty lets validate take the region
// of the first ArtifactStores entry.
model::validate::Options region_options(const std::string& flag) {
  if (!flag.empty()) return {flag, "--region"};
  for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"})
    if (const char* v = std::getenv(name); v && *v) return {v, name};
  return {};
}

nlohmann::json to_json(const model::validate::Result& r) {
  auto items = nlohmann::json::array();
  for (const auto& d : r.diagnostics.items())
    items.push_back({{"file", d.mark.path()},
                     {"line", d.mark.line},
                     {"column", d.mark.column},
                     {"severity", model::to_string(d.severity)},
                     {"rule", d.rule},
                     {"message", d.message},
                     {"hint", d.hint}});
  auto pipelines = nlohmann::json::array();
  for (const auto& p : r.pipelines)
    pipelines.push_back({{"logical_id", p.logical_id},
                         {"name", p.name},
                         {"region", p.region},
                         {"region_source", p.region_source},
                         {"stages", p.stages},
                         {"actions", p.actions},
                         {"regions", p.regions}});
  return {{"diagnostics", items},
          {"errors", r.diagnostics.error_count()},
          {"warnings", r.diagnostics.warning_count()},
          {"pipelines", pipelines},
          {"buildspec_checked", r.buildspec_checked},
          {"buildspec_project", r.buildspec_project}};
}

void print_text(const ValidateArgs& args, const model::validate::Result& r) {
  bool color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  for (const auto& d : r.diagnostics.items()) std::cout << model::render(d, color);
  for (const auto& p : r.pipelines) {
    std::string where =
        p.region.empty() ? "pipeline region unknown (pass --region)"
                         : fmt::format("pipeline region {} (from {})", p.region, p.region_source);
    std::cout << fmt::format("{}: pipeline '{}': {} stages, {} actions; {}; actions run in {}\n",
                             args.template_path, p.name.empty() ? p.logical_id : p.name, p.stages,
                             p.actions, where,
                             p.regions.empty() ? "-" : text::join(p.regions, ", "));
  }
  if (r.buildspec_checked)
    std::cout << fmt::format(
        "{}: buildspec checked {}\n", args.buildspec_path,
        !r.template_loaded ? "on its own (the template did not load)"
        : r.buildspec_project.empty()
            ? "on its own (no CodeBuild project of the template runs it)"
            : fmt::format("against project '{}' and the pipeline's TemplatePaths",
                          r.buildspec_project));
  std::cout << model::validate::summary_line(r.diagnostics) << "\n";
}

}  // namespace

std::function<int()> setup_validate(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  app.add_option("template", args->template_path,
                 "CloudFormation template (YAML or JSON) holding the pipeline, or the JSON "
                 "`aws codepipeline get-pipeline` prints")
      ->required();
  app.add_option(
      "--buildspec", args->buildspec_path,
      "The buildspec the CodeBuild project runs, checked on its own and against the pipeline");
  app.add_option(
      "--region", args->region,
      "The pipeline's own region (default: AWS_REGION, AWS_DEFAULT_REGION, else the first "
      "ArtifactStores entry)");
  app.add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  return [args]() {
    model::validate::Options options = region_options(args->region);
    auto result =
        model::validate::validate_files(args->template_path, args->buildspec_path, options);
    if (args->format == "json")
      std::cout << to_json(result).dump(2) << "\n";
    else
      print_text(*args, result);
    return result.diagnostics.has_errors() ? int(kFailed) : int(kOk);
  };
}

}  // namespace pipemu::cli
