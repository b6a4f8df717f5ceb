// Event sources of a SAM function: each becomes the resource SAM generates, named
// <Function><Event> (plus <Function><Event>Permission[<Stage>] where Lambda needs a grant).
#include "fakes/cloudformation/template/serverless/events.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "model/text.hpp"

namespace pipemu::cfn::sam {
namespace {

Node attrs(const FunctionTarget& fn) {
  Node a = Node::map();
  if (!fn.condition.is_null()) a.set("Condition", fn.condition);
  return a;
}

// Ref of what events invoke: the alias, or the function.
Node invoke_ref(const FunctionTarget& fn) { return ref_node(fn.alias_id.empty() ? fn.function_id : fn.alias_id); }
Node invoke_arn(const FunctionTarget& fn) {
  return fn.alias_id.empty() ? get_att(fn.function_id, "Arn") : ref_node(fn.alias_id);
}

Node permission(const FunctionTarget& fn, const std::string& principal, Node source_arn) {
  Node p = Node::map();
  p.set("Action", str("lambda:InvokeFunction"));
  p.set("FunctionName", invoke_ref(fn));
  p.set("Principal", str(principal));
  p.set("SourceArn", std::move(source_arn));
  return resource("AWS::Lambda::Permission", std::move(p), attrs(fn));
}

void schedule(Expansion& x, const FunctionTarget& fn, const std::string& id, const Node& props) {
  Node rule = Node::map();
  if (const Node* s = props.find("Schedule")) rule.set("ScheduleExpression", *s);
  for (const char* k : {"Name", "Description"})
    if (const Node* v = props.find(k)) rule.set(k, *v);
  if (const Node* en = props.find("Enabled"))
    rule.set("State", str(en->as_string() == "false" || en->as_string() == "False" ? "DISABLED" : "ENABLED"));
  if (const Node* st = props.find("State")) rule.set("State", *st);
  Node target = Node::map();
  target.set("Arn", invoke_arn(fn));
  target.set("Id", str(id + "LambdaTarget"));
  if (const Node* in = props.find("Input")) target.set("Input", *in);
  Node targets = Node::sequence();
  targets.push(std::move(target));
  rule.set("Targets", std::move(targets));
  x.add(id, resource("AWS::Events::Rule", std::move(rule), attrs(fn)));
  x.add(id + "Permission", permission(fn, "events.amazonaws.com", get_att(id, "Arn")));
}

void sns(Expansion& x, const FunctionTarget& fn, const std::string& id, const Node& props) {
  Node topic = props.find("Topic") ? *props.find("Topic") : Node();
  Node sub = Node::map();
  sub.set("Endpoint", invoke_arn(fn));
  sub.set("Protocol", str("lambda"));
  sub.set("TopicArn", topic);
  for (const char* k : {"FilterPolicy", "FilterPolicyScope", "Region", "RedrivePolicy"})
    if (const Node* v = props.find(k)) sub.set(k, *v);
  x.add(id, resource("AWS::SNS::Subscription", std::move(sub), attrs(fn)));
  x.add(id + "Permission", permission(fn, "sns.amazonaws.com", topic));
}

void sqs(Expansion& x, const FunctionTarget& fn, const std::string& id, const Node& props, EventNeeds& needs) {
  Node esm = Node::map();
  for (const char* k : {"BatchSize", "Enabled", "MaximumBatchingWindowInSeconds", "FilterCriteria",
                        "FunctionResponseTypes", "ScalingConfig"})
    if (const Node* v = props.find(k)) esm.set(k, *v);
  if (const Node* q = props.find("Queue")) esm.set("EventSourceArn", *q);
  esm.set("FunctionName", invoke_ref(fn));
  x.add(id, resource("AWS::Lambda::EventSourceMapping", std::move(esm), attrs(fn)));
  needs.managed_policies.push_back("service-role/AWSLambdaSQSQueueExecutionRole");
}

void api(Expansion& x, const FunctionTarget& fn, const std::string& id, const Node& props) {
  std::string api_id = "ServerlessRestApi";
  if (const Node* r = props.find("RestApiId")) {
    if (r->is_intrinsic() && r->intrinsic_name() == "Ref" && r->intrinsic_arg().is_scalar())
      api_id = r->intrinsic_arg().str();
    else if (r->is_scalar())
      api_id = r->str();
  }
  std::string path = props.find("Path") ? props.find("Path")->as_string() : "";
  std::string method = props.find("Method") ? props.find("Method")->as_string() : "";
  std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::tolower(c); });
  if (path.empty() || method.empty()) {
    x.error(fn.function_id, fmt::format("Event with id [{}] is invalid. Event must have both Path and Method.", id));
    return;
  }
  ApiState& a = x.api(api_id);
  const std::string part = x.stack.partition();
  ApiRoute route;
  route.path = path;
  route.method = method;
  route.uri = fmt::format("arn:{}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{{}}}/invocations",
                          part, fn.alias_id.empty() ? fn.function_id + ".Arn" : fn.alias_id);
  route.unicode_uri = fn.alias_id.empty();
  route.condition = fn.condition.as_string();
  a.routes.push_back(route);

  // SourceArn: METHOD (or *) and the path with {params} as *.
  std::string arn_path;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      size_t close = path.find('}', i);
      if (close != std::string::npos) {
        arn_path += '*';
        i = close;
        continue;
      }
    }
    arn_path += path[i];
  }
  std::string upper = method == "any" ? "*" : method;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  Node vars = Node::map();
  vars.set("__ApiId__", ref_node(api_id));
  vars.set("__Stage__", str("*"));
  Node args = Node::sequence();
  args.push(str(fmt::format("arn:{}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{__ApiId__}}/${{__Stage__}}/{}{}",
                            part, upper, arn_path)));
  args.push(std::move(vars));
  Node sub = Node::map();
  sub.set("Fn::Sub", std::move(args));
  x.add(fn.function_id + id + "Permission" + a.stage_name, permission(fn, "apigateway.amazonaws.com", sub));
}

}  // namespace

void expand_event(Expansion& x, const FunctionTarget& fn, const std::string& event_id, const Node& event,
                  EventNeeds& needs) {
  const Node* type = event.is_map() ? event.find("Type") : nullptr;
  std::string t = type ? type->as_string() : "";
  const Node* p = event.is_map() ? event.find("Properties") : nullptr;
  Node props = p && p->is_map() ? *p : Node::map();
  std::string id = fn.function_id + event_id;
  if (t == "Api") return api(x, fn, event_id, props);
  if (t == "Schedule") return schedule(x, fn, id, props);
  if (t == "SNS") return sns(x, fn, id, props);
  if (t == "SQS") return sqs(x, fn, id, props, needs);
  static const char* kSamTypes[] = {"S3", "Kinesis", "DynamoDB", "HttpApi", "CloudWatchEvent", "EventBridgeRule",
                                    "CloudWatchLogs", "IoTRule", "AlexaSkill", "Cognito", "MSK", "MQ",
                                    "SelfManagedKafka", "ScheduleV2", "DocumentDB"};
  for (const char* known : kSamTypes)
    if (t == known) {
      x.error(fn.function_id, fmt::format("Event with id [{}] is invalid. Event Type {} is not supported by "
                                          "pipemu's SAM expansion (supported: Api, Schedule, SNS, SQS).",
                                          event_id, t));
      return;
    }
  x.error(fn.function_id, fmt::format("Event with id [{}] is invalid. Resource dict has missing or invalid value "
                                      "for key Type. Event Type is: {}.", event_id, t));
}

}  // namespace pipemu::cfn::sam
