#include "report/report_json.hpp"

#include "engine/run_record_json.hpp"
#include "report/view.hpp"

namespace pipemu::report {

nlohmann::json report_json(const engine::RunRecord& run) {
  nlohmann::json j = engine::to_json(run);
  RunView view = make_view(run);
  j["$schema"] = kReportSchemaId;
  j["regions"] = view.regions;
  std::size_t k = 0;
  for (auto& stage : j["stages"])
    for (auto& action : stage["actions"]) {
      const ActionView& v = view.actions[k++];
      action["description"] = v.description;
      action["action_mode"] = v.mode;
      if (v.advice)
        action["advice"] = {
            {"id", v.advice->id}, {"meaning", v.advice->meaning}, {"fix", v.advice->fix}};
      else
        action["advice"] = nullptr;
    }
  return j;
}

}  // namespace pipemu::report
