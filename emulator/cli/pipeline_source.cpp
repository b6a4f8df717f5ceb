#include "cli/pipeline_source.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "model/loader.hpp"

namespace pipemu::cli {

Expected<model::Pipeline, std::string> load_declared_pipeline(const std::string& path) {
  auto root = model::load_file(path);
  if (!root) return unexpected(model::render(root.error()));
  const model::Node* resources = root->find("Resources");
  if (resources && resources->is_map()) {
    for (const auto& e : resources->entries()) {
      const model::Node* type = e.value.find("Type");
      if (!type || type->as_string() != "AWS::CodePipeline::Pipeline") continue;
      const model::Node* props = e.value.find("Properties");
      if (!props)
        return unexpected(fmt::format("{}: error: {} has no Properties\n", e.key_mark.str(), e.key));
      auto parsed = model::pipeline_from_cfn(*props);
      if (!parsed.ok()) {
        std::string out;
        for (const auto& d : parsed.diagnostics.items()) out += model::render(d);
        return unexpected(out);
      }
      if (parsed.value.name.empty()) parsed.value.name = e.key;
      return parsed.value;
    }
  }
  return unexpected(fmt::format("{}: error: the template declares no AWS::CodePipeline::Pipeline resource\n", path));
}

PipelineRegion pick_pipeline_region(const std::string& flag, const model::Pipeline& pipeline) {
  if (!flag.empty()) return {flag, "from --region"};
  for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"})
    if (const char* v = std::getenv(name); v && *v) return {v, std::string("from ") + name};
  if (!pipeline.artifact_stores.empty())
    return {pipeline.artifact_stores.front().region,
            "its first ArtifactStores entry; pass --region to choose another"};
  return {"us-east-1", "pipemu's default; pass --region to choose another"};
}

}  // namespace pipemu::cli
