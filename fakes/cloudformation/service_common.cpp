#include <regex>

#include "fakes/cloudformation/service_impl.hpp"

namespace pipemu::cfn {

namespace {

// (bucket, key) of an S3 URL: virtual-hosted https://b.s3[.r].amazonaws.com/k or path-style
// https://s3[.r].amazonaws.com/b/k and http://127.0.0.1:port/b/k (awscli with an endpoint).
std::optional<std::pair<std::string, std::string>> parse_s3_url(const std::string& url) {
  static const std::regex re(R"(^https?://([^/]+)/([^?]*))");
  std::smatch m;
  if (!std::regex_search(url, m, re)) return std::nullopt;
  std::string host = m[1], path = m[2];
  auto s3 = host.find(".s3.");
  if (s3 == std::string::npos) s3 = host.find(".s3-");
  if (s3 != std::string::npos && s3 > 0) return std::make_pair(host.substr(0, s3), path);
  auto slash = path.find('/');
  if (slash == std::string::npos || slash == 0) return std::nullopt;
  return std::make_pair(path.substr(0, slash), path.substr(slash + 1));
}

}  // namespace

std::optional<Stack> find_stack(Env& env, const std::string& name_or_id,
                                store::Store::Templates templates) {
  auto s = name_or_id.rfind("arn:", 0) == 0 ? env.store.find_stack_by_id(name_or_id, templates)
                                             : env.store.find_live_stack(name_or_id, templates);
  if (s) s->region = env.region;
  return s;
}

ApiResult<Stack> require_stack(Env& env, const std::string& name_or_id,
                               store::Store::Templates templates) {
  if (name_or_id.empty()) return unexpected(missing_parameter("stackName"));
  auto s = find_stack(env, name_or_id, templates);
  if (!s) return unexpected(stack_not_found(name_or_id));
  return *s;
}

ApiResult<std::string> template_source(Env& env, const StackInput& in, const Stack* current) {
  int given = (in.template_body ? 1 : 0) + (in.template_url ? 1 : 0) +
              (in.use_previous_template ? 1 : 0);
  if (given == 0)
    return unexpected(validation_error("Either Template URL or Template Body must be specified."));
  if (given > 1)
    return unexpected(validation_error("Specify exactly one of TemplateBody or TemplateUrl."));
  if (in.use_previous_template) {
    if (!current || current->template_body.empty())
      return unexpected(validation_error("UsePreviousTemplate can only be used with an existing stack that has a template."));
    return current->template_body;
  }
  if (in.template_body) {
    if (in.template_body->size() > 51200)
      return unexpected(validation_error(
          "1 validation error detected: Value '" + in.template_body->substr(0, 32) +
          "...' at 'templateBody' failed to satisfy constraint: Member must have length less "
          "than or equal to 51200"));
    return *in.template_body;
  }
  auto where = parse_s3_url(*in.template_url);
  if (!where)
    return unexpected(validation_error("TemplateURL must be a supported URL."));
  auto body = env.aws.get_object(where->first, where->second);
  if (!body)
    return unexpected(validation_error("S3 error: Access Denied"));  // AWS hides NoSuchKey
  if (body->size() > 1024 * 1024)
    return unexpected(validation_error("Template may not exceed 1048576 bytes in size."));
  return *body;
}

std::optional<Error> check_name(const std::string& value, const std::string& member) {
  static const std::regex re("[a-zA-Z][-a-zA-Z0-9]*");
  if (value.empty()) return missing_parameter(member);
  if (value.size() > 128 || !std::regex_match(value, re))
    return validation_error("1 validation error detected: Value '" + value + "' at '" + member +
                            "' failed to satisfy constraint: Member must satisfy regular "
                            "expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
  return std::nullopt;
}

bool updatable(const std::string& status) {
  return status == "CREATE_COMPLETE" || status == "UPDATE_COMPLETE" ||
         status == "UPDATE_ROLLBACK_COMPLETE" || status == "IMPORT_COMPLETE" ||
         status == "IMPORT_ROLLBACK_COMPLETE" || status == "UPDATE_FAILED";
}

PrepareInput prepare_input(Env& env, const StackInput& in, const Stack& stack, std::string body) {
  PrepareInput p;
  p.template_body = std::move(body);
  p.parameters = in.parameters;
  for (const auto& v : stack.parameters) p.previous[v.key] = v.value;
  p.capabilities = in.capabilities;
  p.stack.region = env.region;
  p.stack.account_id = env.account;
  p.stack.stack_name = stack.name;
  p.stack.stack_id = stack.id;
  p.stack.notification_arns = in.notification_arns;
  Env* e = &env;
  p.ssm = [e](const std::string& name) { return e->aws.ssm_get(e->region, name); };
  return p;
}

}  // namespace pipemu::cfn
