#include "engine/actions/cloudformation_action.hpp"

#include <filesystem>

#include "deploy/cloudformation_action.hpp"
#include "engine/zip_files.hpp"

namespace pipemu::engine {

StackRecord stack_record(const std::string& region, const cfn::Stack& s,
                         const std::vector<cfn::Resource>& resources,
                         const std::vector<cfn::Export>& exports) {
  StackRecord r;
  r.region = region;
  r.stack_name = s.name;
  r.stack_id = s.id;
  r.status = s.status;
  r.status_reason = s.status_reason;
  for (const auto& res : resources)
    r.resources.push_back({res.logical_id, res.physical_id, res.type, res.status});
  for (const auto& o : s.outputs) r.outputs[o.key] = o.value;
  for (const auto& e : exports) r.exports[e.name] = e.value;
  for (const auto& p : s.parameters) r.parameters[p.key] = p.no_echo ? "****" : p.resolved.value_or(p.value);
  return r;
}

ActionOutcome CloudFormationAction::run(const ActionContext& ctx) {
  deploy::CfnActionRequest req;
  req.account = account_;
  req.region = ctx.region;
  req.configuration = ctx.configuration;
  for (const auto& in : ctx.inputs)
    req.inputs.push_back({in.name, in.location.bucket, in.location.key, in.location.region});
  req.read = [&ctx](const std::string& artifact, const std::string& path)
      -> Expected<std::string, std::string> {
    const LocalArtifact* a = ctx.input(artifact);
    if (!a) return unexpected("artifact " + artifact + " is not an input of this action");
    auto body = read_zip_entry(a->zip_path, path);
    // CodePipeline's words, brackets included (seen in CodePipeline consoles and issue threads).
    if (!body) return unexpected("File [" + path + "] does not exist in artifact [" + artifact + "]");
    return *body;
  };
  req.log = ctx.log;
  deploy::CfnActionResult res = deploy::run_cloudformation_action(cfn_, req);

  ActionOutcome o;
  o.summary = res.summary;
  if (res.stack || !res.stack_name.empty()) {
    StackRecord rec;
    if (res.stack) rec = stack_record(ctx.region, *res.stack, res.resources, res.exports);
    else rec.region = ctx.region, rec.stack_name = res.stack_name, rec.status = res.ok ? "DELETE_COMPLETE" : "";
    rec.action_name = ctx.action->name;
    rec.action_mode = res.action_mode;
    if (res.change_set) {
      rec.change_set_name = res.change_set->name;
      if (rec.status_reason.empty() || res.change_set->status == "FAILED")
        rec.status_reason = res.change_set->status_reason;
      for (const auto& c : res.change_set->changes) {
        const auto& rc = c.contains("ResourceChange") ? c["ResourceChange"] : c;
        rec.changes.push_back({rc.value("Action", ""), rc.value("LogicalResourceId", ""),
                               rc.value("PhysicalResourceId", ""), rc.value("ResourceType", ""),
                               rc.value("Replacement", "")});
      }
    }
    o.stacks.push_back(std::move(rec));
  }
  if (!res.ok) {
    ActionOutcome f = ActionOutcome::failed(res.error, res.error_code);
    f.stacks = std::move(o.stacks);
    f.summary = res.summary;
    return f;
  }
  if (res.action_mode != "DELETE_ONLY") o.output_variables = res.outputs;
  if (!ctx.action->output_artifacts.empty()) {
    // CodePipeline's single output: the OutputFileName JSON (or an empty zip without one).
    std::map<std::string, std::string> entries;
    if (!res.output_file_name.empty()) entries[res.output_file_name] = res.output_file_json;
    std::string zip = (std::filesystem::path(ctx.work_dir) / "output.zip").string();
    if (auto w = write_zip(zip, entries); !w) return ActionOutcome::failed(w.error());
    o.outputs.push_back({ctx.action->output_artifacts[0].name, zip});
  }
  return o;
}

}  // namespace pipemu::engine
