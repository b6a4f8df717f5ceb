#include "deploy/cloudformation_action.hpp"

#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/text.hpp"

namespace pipemu::deploy {

const std::vector<ActionModeInfo>& cloudformation_action_modes() {
  static const std::vector<ActionModeInfo> modes = {
      {"CREATE_UPDATE", "Creates the stack, or updates it; \"No updates are to be performed.\" is a success."},
      {"REPLACE_ON_FAILURE", "As CREATE_UPDATE, but a stack in a failed state is deleted and created again."},
      {"DELETE_ONLY", "Deletes the stack; a stack that does not exist is a success with nothing done."},
      {"CHANGE_SET_REPLACE", "Creates the named change set, replacing one of that name; an empty change set "
                             "is a success."},
      {"CHANGE_SET_EXECUTE", "Executes the named change set; an empty (FAILED, no changes) one is a "
                             "no-op success."},
  };
  return modes;
}

namespace {

bool known_mode(const std::string& mode) {
  for (const auto& m : cloudformation_action_modes())
    if (mode == m.mode) return true;
  return false;
}

// "CHANGE_SET_EXECUTE, CHANGE_SET_REPLACE, ..." in AWS's (alphabetical) order.
std::string mode_list() {
  std::set<std::string> names;
  for (const auto& m : cloudformation_action_modes()) names.insert(m.mode);
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string cfg(const CfnActionRequest& r, const std::string& key) {
  auto it = r.configuration.find(key);
  return it == r.configuration.end() ? std::string() : it->second;
}

CfnActionResult fail(CfnActionResult r, std::string message, std::string code = "JobFailed") {
  r.ok = false;
  r.error = std::move(message);
  r.error_code = std::move(code);
  return r;
}

// Runs one CloudFormation mode; holds what every mode needs.
class Deployer {
 public:
  Deployer(cfn::Service& svc, const CfnActionRequest& req) : svc_(svc), req_(req) {
    caller_.account = req.account;
    caller_.region = req.region;
    result_.stack_name = cfg(req, "StackName");
    result_.action_mode = cfg(req, "ActionMode");
  }

  CfnActionResult run() {
    const std::string& mode = result_.action_mode;
    if (mode.empty())
      return fail(result_, "Invalid action configuration: ActionMode is required", "ConfigurationError");
    if (!known_mode(mode))
      return fail(result_,
                  fmt::format("Invalid action configuration: ActionMode {} is not one of {}", mode,
                              mode_list()),
                  "ConfigurationError");
    if (result_.stack_name.empty())
      return fail(result_, "Invalid action configuration: StackName is required", "ConfigurationError");
    existing_ = live_stack();
    if (existing_) last_event_ = newest_event_id();

    if (mode == "DELETE_ONLY") return delete_only();
    if (mode == "CHANGE_SET_EXECUTE") return change_set_execute();
    auto input = stack_input();
    if (!input) return fail(result_, input.error(), "ConfigurationError");
    if (mode == "CHANGE_SET_REPLACE") return change_set_replace(*input);
    if (mode == "REPLACE_ON_FAILURE" && existing_ && is_failed_stack_status(existing_->status)) {
      log(fmt::format("Stack {} is in {}: deleting it before creating it again", existing_->name,
                      existing_->status));
      if (auto d = svc_.delete_stack(caller_, existing_->id); !d) return fail(result_, d.error().message);
      existing_.reset();
      last_event_.clear();
    }
    return create_or_update(*input);
  }

 private:
  cfn::Service& svc_;
  const CfnActionRequest& req_;
  cfn::Caller caller_;
  CfnActionResult result_;
  std::optional<cfn::Stack> existing_;
  std::string last_event_;

  void log(const std::string& line) {
    if (req_.log) req_.log(line);
  }

  std::optional<cfn::Stack> live_stack() {
    auto s = svc_.describe_stacks(caller_, result_.stack_name);
    if (!s || s->empty()) return std::nullopt;
    return s->front();
  }

  std::string newest_event_id() {
    auto ev = svc_.describe_stack_events(caller_, result_.stack_name);
    return ev && !ev->empty() ? ev->front().event_id : std::string();
  }

  // Stack events since the action started, oldest first; also the first failure's text: the
  // first failed resource (as CodePipeline shows it from DescribeStackEvents), else the stack's
  // own reason for rolling back (a template-level error such as "No export named X found.").
  std::string log_new_events(const std::string& stack_id) {
    auto ev = svc_.describe_stack_events(caller_, stack_id);
    if (!ev) return {};
    std::vector<cfn::Event> fresh;
    for (const auto& e : *ev) {
      if (!last_event_.empty() && e.event_id == last_event_) break;
      fresh.push_back(e);
    }
    std::string first_failure, stack_reason;
    for (auto it = fresh.rbegin(); it != fresh.rend(); ++it) {
      std::string line = fmt::format("{} {} {}", it->logical_id, it->resource_type, it->status);
      if (!it->status_reason.empty()) line += " " + it->status_reason;
      log(line);
      bool failed = it->status.find("FAILED") != std::string::npos;
      bool stack_event = it->logical_id == it->stack_name;
      if (failed && first_failure.empty() && !stack_event)
        first_failure = fmt::format("{} ({}) {}: {}", it->logical_id, it->resource_type, it->status,
                                    it->status_reason);
      bool rolling_back = it->status.find("ROLLBACK_IN_PROGRESS") != std::string::npos;
      if (stack_event && (failed || rolling_back) && stack_reason.empty())
        stack_reason = it->status_reason;
    }
    if (!fresh.empty()) last_event_ = fresh.front().event_id;
    return first_failure.empty() ? stack_reason : first_failure;
  }

  Expected<cfn::StackInput, std::string> stack_input() {
    cfn::StackInput in;
    in.stack_name = result_.stack_name;
    in.role_arn = cfg(req_, "RoleArn");
    for (auto& c : text::split(cfg(req_, "Capabilities"), ','))
      if (!text::trim(c).empty()) in.capabilities.push_back(std::string(text::trim(c)));
    std::string tp = cfg(req_, "TemplatePath");
    if (tp.empty())
      return unexpected(fmt::format("Invalid action configuration: TemplatePath is required for ActionMode {}",
                                    result_.action_mode));
    auto path = parse_artifact_path("TemplatePath", tp, req_.inputs);
    if (!path) return unexpected(path.error());
    auto body = req_.read(path->artifact, path->path);
    if (!body) return unexpected(body.error());  // AWS's text names the file and the artifact
    in.template_body = *body;

    std::map<std::string, std::string> params;
    if (std::string tc = cfg(req_, "TemplateConfiguration"); !tc.empty()) {
      auto cp = parse_artifact_path("TemplateConfiguration", tc, req_.inputs);
      if (!cp) return unexpected(cp.error());
      auto text = req_.read(cp->artifact, cp->path);
      if (!text) return unexpected(text.error());
      auto conf = parse_template_configuration(*text, tc);
      if (!conf) return unexpected(conf.error());
      params = conf->parameters;
      for (auto& [k, v] : conf->tags) in.tags.push_back({k, v});
    }
    auto overrides = evaluate_parameter_overrides(cfg(req_, "ParameterOverrides"), req_.inputs, req_.read);
    if (!overrides) return unexpected(overrides.error());
    for (auto& [k, v] : *overrides) params[k] = v;  // overrides win over the configuration file
    for (auto& [k, v] : params) in.parameters.push_back({k, v, false});
    return in;
  }

  CfnActionResult finish_stack(const std::string& stack_id, const std::string& verb) {
    std::string failure = log_new_events(stack_id);
    auto stacks = svc_.describe_stacks(caller_, stack_id);
    if (!stacks || stacks->empty()) return fail(result_, fmt::format("Stack {} not found after {}", result_.stack_name, verb));
    const cfn::Stack& s = stacks->front();
    capture(s);
    if (s.status == "CREATE_COMPLETE" || s.status == "UPDATE_COMPLETE") {
      result_.ok = true;
      result_.summary = fmt::format("Stack {}: {}", s.name, s.status);
      return result_;
    }
    std::string why = failure.empty() ? s.status_reason : failure;
    return fail(result_, fmt::format("Stack {} is in {} state: {}", s.name, s.status, why));
  }

  void capture(const cfn::Stack& s) {
    result_.stack = s;
    if (auto res = svc_.list_stack_resources(caller_, s.id)) result_.resources = *res;
    if (auto ex = svc_.list_exports(caller_))
      for (const auto& e : *ex)
        if (e.stack_id == s.id) result_.exports.push_back(e);
    nlohmann::json out = nlohmann::json::object();
    for (const auto& o : s.outputs) {
      result_.outputs[o.key] = o.value;
      out[o.key] = o.value;
    }
    std::string file = cfg(req_, "OutputFileName");
    if (!file.empty()) {
      result_.output_file_name = file;
      result_.output_file_json = out.dump(2);
    }
  }

  CfnActionResult create_or_update(const cfn::StackInput& input) {
    if (!existing_ || existing_->status == "REVIEW_IN_PROGRESS") {
      cfn::CreateStackInput c;
      static_cast<cfn::StackInput&>(c) = input;
      auto id = svc_.create_stack(caller_, c);
      if (!id) return fail(result_, id.error().message);
      return finish_stack(*id, "create");
    }
    cfn::UpdateStackInput u;
    static_cast<cfn::StackInput&>(u) = input;
    u.stack_name = existing_->id;
    auto id = svc_.update_stack(caller_, u);
    if (!id) {
      if (id.error().message == "No updates are to be performed.") {
        log(fmt::format("Stack {}: No updates are to be performed.", existing_->name));
        capture(*existing_);
        result_.ok = true;
        result_.summary = fmt::format("Stack {}: no changes ({})", existing_->name, existing_->status);
        return result_;
      }
      return fail(result_, id.error().message);
    }
    return finish_stack(*id, "update");
  }

  CfnActionResult delete_only() {
    if (!existing_) {
      result_.ok = true;
      result_.summary = fmt::format("Stack {} does not exist: nothing to delete", result_.stack_name);
      return result_;
    }
    auto d = svc_.delete_stack(caller_, existing_->id);
    if (!d) return fail(result_, d.error().message);
    std::string failure = log_new_events(existing_->id);
    auto after = svc_.describe_stacks(caller_, existing_->id);
    std::string status = after && !after->empty() ? after->front().status : "DELETE_COMPLETE";
    if (status != "DELETE_COMPLETE")
      return fail(result_, fmt::format("Stack {} is in {} state: {}", result_.stack_name, status, failure));
    result_.ok = true;
    result_.summary = fmt::format("Stack {}: DELETE_COMPLETE", result_.stack_name);
    return result_;
  }

  std::string change_set_name() { return cfg(req_, "ChangeSetName"); }

  CfnActionResult change_set_replace(const cfn::StackInput& input) {
    std::string name = change_set_name();
    if (name.empty())
      return fail(result_, "Invalid action configuration: ChangeSetName is required for ActionMode CHANGE_SET_REPLACE",
                  "ConfigurationError");
    cfn::ChangeSetInput in;
    static_cast<cfn::StackInput&>(in) = input;
    in.change_set_name = name;
    bool review = existing_ && existing_->status == "REVIEW_IN_PROGRESS";
    in.change_set_type = existing_ && !review ? "UPDATE" : "CREATE";
    if (existing_) {
      // CodePipeline replaces a change set of the same name.
      if (svc_.describe_change_set(caller_, name, existing_->id)) {
        log(fmt::format("Deleting the existing change set {}", name));
        if (auto d = svc_.delete_change_set(caller_, name, existing_->id); !d)
          return fail(result_, d.error().message);
      }
    }
    auto ref = svc_.create_change_set(caller_, in);
    if (!ref) return fail(result_, ref.error().message);
    auto cs = svc_.describe_change_set(caller_, ref->id);
    if (!cs) return fail(result_, cs.error().message);
    result_.change_set = *cs;
    for (const auto& c : cs->changes) {
      const auto& rc = c.contains("ResourceChange") ? c["ResourceChange"] : c;
      log(fmt::format("{} {} {}", rc.value("Action", ""), rc.value("LogicalResourceId", ""),
                      rc.value("ResourceType", "")));
    }
    if (auto s = live_stack()) capture(*s);
    if (cs->status == "FAILED") {
      if (cs->status_reason == cfn::kEmptyChangeSetReason) {
        log(fmt::format("Change set {}: {}", name, cs->status_reason));
        result_.ok = true;
        result_.summary = fmt::format("Change set {} on stack {}: no changes", name, result_.stack_name);
        return result_;
      }
      return fail(result_, fmt::format("Change set {} failed: {}", name, cs->status_reason));
    }
    result_.ok = true;
    result_.summary = fmt::format("Change set {} on stack {}: {} change(s) ({})", name,
                                  result_.stack_name, cs->changes.size(), cs->type);
    return result_;
  }

  CfnActionResult change_set_execute() {
    std::string name = change_set_name();
    if (name.empty())
      return fail(result_, "Invalid action configuration: ChangeSetName is required for ActionMode CHANGE_SET_EXECUTE",
                  "ConfigurationError");
    auto cs = svc_.describe_change_set(caller_, name, result_.stack_name);
    if (!cs) return fail(result_, cs.error().message);
    result_.change_set = *cs;
    if (cs->status == "FAILED" && cs->status_reason == cfn::kEmptyChangeSetReason) {
      log(fmt::format("Change set {} contains no changes: nothing to execute", name));
      if (existing_) capture(*existing_);
      result_.ok = true;
      result_.summary = fmt::format("Change set {} on stack {}: no changes", name, result_.stack_name);
      return result_;
    }
    auto ex = svc_.execute_change_set(caller_, cs->id);
    if (!ex) return fail(result_, ex.error().message);
    return finish_stack(cs->stack_id, "execute");
  }
};

}  // namespace

bool is_failed_stack_status(const std::string& status) {
  return status == "ROLLBACK_FAILED" || status == "CREATE_FAILED" || status == "DELETE_FAILED" ||
         status == "UPDATE_ROLLBACK_FAILED" || status == "ROLLBACK_COMPLETE";
}

CfnActionResult run_cloudformation_action(cfn::Service& cloudformation, const CfnActionRequest& request) {
  return Deployer(cloudformation, request).run();
}

}  // namespace pipemu::deploy
