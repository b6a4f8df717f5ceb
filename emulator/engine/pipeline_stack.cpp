#include "engine/pipeline_stack.hpp"

#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/actions/cloudformation_action.hpp"
#include "model/loader.hpp"
#include "model/text.hpp"

namespace pipemu::engine {

namespace {

std::string at(const model::Mark& m) {
  return m.known() ? m.str() + ": " : std::string();
}

// Fn::ImportValue names written literally in the template, with their marks.
void collect_imports(const model::Node& n, std::vector<std::pair<std::string, model::Mark>>& out) {
  if (n.is_map()) {
    for (const auto& e : n.entries()) {
      if (e.key == "Fn::ImportValue" && e.value.is_scalar()) out.emplace_back(e.value.str(), e.value.mark());
      collect_imports(e.value, out);
    }
  } else if (n.is_sequence()) {
    for (const auto& i : n.items()) collect_imports(i, out);
  }
}

// Checks SSM-typed parameters and literal imports before CloudFormation sees the template, so
// the error can say where and how to fix it. Every problem is listed, not just the first.
std::vector<std::string> preflight(LocalAws& aws, const model::Node& root, const PipelineStackRequest& req) {
  std::vector<std::string> problems;
  const model::Node* params = root.find("Parameters");
  if (params && params->is_map()) {
    for (const auto& e : params->entries()) {
      std::string type = e.value.find("Type") ? e.value.find("Type")->as_string() : "";
      if (type.rfind("AWS::SSM::Parameter::Value<", 0) != 0) continue;
      std::string name;
      model::Mark mark = e.key_mark;
      if (auto it = req.parameters.find(e.key); it != req.parameters.end()) name = it->second;
      else if (const model::Node* d = e.value.find("Default")) name = d->as_string(), mark = d->mark();
      if (name.empty()) continue;  // CloudFormation reports "must have values"
      if (aws.ssm().get_parameter(aws.account(), req.region, name, true)) continue;
      problems.push_back(fmt::format(
          "{}error: parameter {} reads SSM parameter {}, which does not exist in {}\n"
          "  create it: aws ssm put-parameter --region {} --name {} --type String --value <value>\n"
          "  or override it: --param {}=<ssm parameter name>",
          at(mark), e.key, name, req.region, req.region, name, e.key));
    }
  }
  std::vector<std::pair<std::string, model::Mark>> imports;
  collect_imports(root, imports);
  std::set<std::string> exported, reported;
  if (auto ex = aws.cloudformation().list_exports({aws.account(), req.region}))
    for (const auto& e : *ex) exported.insert(e.name);
  for (const auto& [name, mark] : imports) {
    if (exported.count(name) || !reported.insert(name).second) continue;
    problems.push_back(fmt::format(
        "{}error: Fn::ImportValue {}: no stack in {} exports {}\n"
        "  create it: aws cloudformation create-stack --region {} --stack-name export-{} "
        "--template-body '{{\"Resources\":{{\"Nothing\":{{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}}}},"
        "\"Outputs\":{{\"Value\":{{\"Value\":\"<value>\",\"Export\":{{\"Name\":\"{}\"}}}}}}}}'",
        at(mark), name, req.region, name, req.region, name, name));
  }
  return problems;
}

}  // namespace

std::string default_stack_name(const std::string& template_path) {
  std::string stem = std::filesystem::path(template_path).stem().string();
  std::string out = "pipemu-";
  for (char c : stem) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return out;
}

Expected<DeployedStack, std::string> deploy_template_stack(LocalAws& aws, const PipelineStackRequest& req) {
  std::string body;
  {
    std::ifstream in(req.template_path, std::ios::binary);
    if (!in) return unexpected(fmt::format("{}: cannot read the template", req.template_path));
    body.assign(std::istreambuf_iterator<char>(in), {});
  }
  // CloudFormation decides (its own words come first, as `aws cloudformation create-stack` prints
  // them); pipemu's diagnostics follow as hints: the file position of a YAML error, the SSM path
  // or export that is missing and the command that creates it.
  std::vector<std::string> hints;
  if (auto root = model::load_text(req.template_path, body); !root)
    hints.push_back(model::render(root.error()));
  else
    hints = preflight(aws, *root, req);
  auto failed = [&](const char* doing, const std::string& name, const std::string& why) {
    std::string msg = fmt::format("{}: {} stack {} in {} failed: {}", req.template_path, doing, name,
                                  req.region, why);
    for (const auto& h : hints) msg += "\n" + h;
    return msg;
  };

  DeployedStack out;
  cfn::Caller caller{aws.account(), req.region};
  cfn::Service& svc = aws.cloudformation();
  std::string name = req.stack_name.empty() ? default_stack_name(req.template_path) : req.stack_name;
  cfn::StackInput in;
  in.stack_name = name;
  in.template_body = body;
  in.capabilities = {"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"};
  for (const auto& [k, v] : req.parameters) in.parameters.push_back({k, v, false});

  auto existing = svc.describe_stacks(caller, name);
  std::string stack_id;
  std::string prefix;
  if (existing && !existing->empty() && existing->front().status == "ROLLBACK_COMPLETE") {
    // A failed first create leaves a stack that can only be deleted (as `aws cloudformation deploy`).
    prefix = fmt::format("stack {} was in ROLLBACK_COMPLETE: deleted it; ", name);
    (void)svc.delete_stack(caller, existing->front().id);
    existing = svc.describe_stacks(caller, name);
  }
  if (existing && !existing->empty()) {
    cfn::UpdateStackInput u;
    static_cast<cfn::StackInput&>(u) = in;
    auto r = svc.update_stack(caller, u);
    if (!r && r.error().message != "No updates are to be performed.")
      return unexpected(failed("updating", name, r.error().message));
    stack_id = existing->front().id;
    out.note = prefix + (r ? fmt::format("stack {} updated in {}", name, req.region)
                           : fmt::format("stack {} unchanged in {}", name, req.region));
  } else {
    cfn::CreateStackInput c;
    static_cast<cfn::StackInput&>(c) = in;
    auto r = svc.create_stack(caller, c);
    if (!r) return unexpected(failed("creating", name, r.error().message));
    stack_id = *r;
    out.note = prefix + fmt::format("stack {} created in {}", name, req.region);
  }
  auto stacks = svc.describe_stacks(caller, stack_id);
  if (!stacks || stacks->empty())
    return unexpected(fmt::format("stack {} vanished in {}", name, req.region));
  const cfn::Stack& stack = stacks->front();
  if (auto res = svc.list_stack_resources(caller, stack_id)) out.resources = *res;
  std::vector<cfn::Export> exports;
  if (auto ex = svc.list_exports(caller))
    for (auto& e : *ex) if (e.stack_id == stack_id) exports.push_back(e);
  out.record = stack_record(req.region, stack, out.resources, exports);
  if (stack.status != "CREATE_COMPLETE" && stack.status != "UPDATE_COMPLETE") {
    // The first failed resource, else the stack's own rollback reason (template errors).
    std::string why = stack.status_reason, stack_reason;
    if (auto ev = svc.describe_stack_events(caller, stack_id))
      for (auto it = ev->rbegin(); it != ev->rend(); ++it) {
        if (it->logical_id == stack.name) {
          if (stack_reason.empty() && !it->status_reason.empty()) stack_reason = it->status_reason;
          continue;
        }
        if (it->status.find("FAILED") != std::string::npos) {
          why = fmt::format("{} ({}): {}", it->logical_id, it->resource_type, it->status_reason);
          stack_reason.clear();
          break;
        }
      }
    if (!stack_reason.empty()) why = stack_reason;
    std::string msg = fmt::format("{}: stack {} in {} is {}: {}", req.template_path, name,
                                  req.region, stack.status, why);
    for (const auto& h : hints) msg += "\n" + h;
    return unexpected(msg);
  }
  return out;
}

Expected<DeployedPipeline, std::string> deploy_pipeline_stack(LocalAws& aws, const PipelineStackRequest& req) {
  auto deployed = deploy_template_stack(aws, req);
  if (!deployed) return unexpected(deployed.error());
  DeployedPipeline out;
  out.stack = deployed->record;
  out.notes.push_back("pipeline " + deployed->note);
  const auto& resources = deployed->resources;
  std::vector<std::string> pipelines;
  for (const auto& r : resources) {
    if (r.type == "AWS::CodeBuild::Project") {
      auto project = model::codebuild_project_from_cfn(model::Node::from_json(r.properties), r.logical_id);
      out.projects[{req.region, r.physical_id}] = project.value;
    }
    if (r.type != "AWS::CodePipeline::Pipeline") continue;
    pipelines.push_back(r.logical_id);
    if (pipelines.size() > 1) continue;
    auto parsed = model::pipeline_from_cfn(model::Node::from_json(r.properties));
    if (!parsed.ok()) {
      std::string msgs;
      for (const auto& d : parsed.diagnostics.items()) msgs += "\n  " + d.message;
      return unexpected(fmt::format("{}: the pipeline {} the stack created is not valid:{}",
                                    req.template_path, r.logical_id, msgs));
    }
    out.pipeline = std::move(parsed.value);
    if (out.pipeline.name.empty()) out.pipeline.name = r.physical_id;
    out.pipeline_logical_id = r.logical_id;
  }
  if (pipelines.empty())
    return unexpected(fmt::format("{}: the template declares no AWS::CodePipeline::Pipeline resource",
                                  req.template_path));
  if (pipelines.size() > 1)
    out.notes.push_back(fmt::format("the template declares {} pipelines; running {}", pipelines.size(),
                                    out.pipeline_logical_id));
  return out;
}

}  // namespace pipemu::engine
