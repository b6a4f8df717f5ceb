#include "scenario/pipeline_names.hpp"

#include "engine/plan.hpp"
#include "model/loader.hpp"
#include "model/pipeline.hpp"

namespace pipemu::scenario {

PipelineNames pipeline_names(const std::string& template_path, const std::string& pipeline_region) {
  PipelineNames names;
  auto loaded = model::load_file(template_path);
  if (!loaded) return names;
  const model::Node* resources = loaded->find("Resources");
  if (!resources || !resources->is_map()) return names;
  for (const auto& e : resources->entries()) {
    const model::Node* type = e.value.find("Type");
    const model::Node* props = e.value.find("Properties");
    if (!type || type->as_string() != "AWS::CodePipeline::Pipeline" || !props) continue;
    auto parsed = model::pipeline_from_cfn(*props);
    names.regions.push_back(pipeline_region);
    for (const auto& stage : parsed.value.stages) {
      names.stages.push_back(stage.name);
      for (const auto& a : stage.actions) {
        names.actions.push_back(a.name);
        names.actions.push_back(stage.name + "/" + a.name);
        names.regions.push_back(engine::effective_region(a, pipeline_region));
      }
    }
    break;
  }
  return names;
}

}  // namespace pipemu::scenario
