#include "model/webhook.hpp"

#include <fmt/format.h>

#include "model/node_read.hpp"

namespace pipemu::model {
namespace {

constexpr const char* kRule = "webhook-shape";

void unknown(const Node& map, const std::vector<std::string>& known, Diagnostics& d,
             const std::string& where) {
  read::unknown_keys(map, known, d, Severity::Error, "unsupported-property",
                     [&](const std::string& key) {
                       return fmt::format("Encountered unsupported property {} in {}", key, where);
                     });
}

}  // namespace

Parsed<Webhook> webhook_from_cfn(const Node& props, const std::string& logical_id) {
  Parsed<Webhook> out;
  Webhook& w = out.value;
  Diagnostics& d = out.diagnostics;
  w.logical_id = logical_id;
  w.mark = props.mark();
  if (!read::expect_map(&props, "AWS::CodePipeline::Webhook Properties", d, kRule)) return out;
  unknown(props,
          {"Authentication", "AuthenticationConfiguration", "Filters", "Name",
           "RegisterWithThirdParty", "TargetAction", "TargetPipeline", "TargetPipelineVersion"},
          d, "AWS::CodePipeline::Webhook");
  for (const char* req : {"Authentication", "AuthenticationConfiguration", "Filters",
                          "TargetAction", "TargetPipeline", "TargetPipelineVersion"})
    if (!props.find(req))
      d.error(props.mark(),
              fmt::format("AWS::CodePipeline::Webhook is missing the required property '{}'", req),
              kRule);
  w.name = read::scalar(props.find("Name"));
  w.authentication = read::scalar(props.find("Authentication"));
  w.authentication_mark =
      props.find("Authentication") ? props.find("Authentication")->mark() : w.mark;
  if (const Node* ac = props.find("AuthenticationConfiguration");
      ac && read::expect_map(ac, "AuthenticationConfiguration", d, kRule)) {
    unknown(*ac, {"AllowedIPRange", "SecretToken"}, d, "AuthenticationConfiguration");
    if (const Node* s = ac->find("SecretToken")) w.secret_token = *s;
    w.allowed_ip_range = read::scalar(ac->find("AllowedIPRange"));
  }
  if (const Node* fs = props.find("Filters");
      fs && read::expect_sequence(fs, "Filters", d, kRule)) {
    for (const auto& f : fs->items()) {
      if (!read::expect_map(&f, "each Filters entry", d, kRule)) continue;
      unknown(f, {"JsonPath", "MatchEquals"}, d, "Filters");
      WebhookFilter filter{read::scalar(f.find("JsonPath")), read::scalar(f.find("MatchEquals")),
                           f.mark(),
                           f.find("MatchEquals") ? f.find("MatchEquals")->mark() : f.mark()};
      if (!f.find("JsonPath")) d.error(f.mark(), "a webhook filter needs a JsonPath", kRule);
      w.filters.push_back(std::move(filter));
    }
  }
  if (const Node* t = props.find("TargetPipeline")) w.target_pipeline = *t;
  w.target_action = read::scalar(props.find("TargetAction"));
  w.target_action_mark = props.find("TargetAction") ? props.find("TargetAction")->mark() : w.mark;
  if (const Node* v = props.find("TargetPipelineVersion")) w.target_pipeline_version = *v;
  if (const Node* r = props.find("RegisterWithThirdParty"))
    w.register_with_third_party = read::boolean(*r).value_or(false);
  return out;
}

}  // namespace pipemu::model
