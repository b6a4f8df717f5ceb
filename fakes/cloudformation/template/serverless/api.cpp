// AWS::Serverless::Api and the implicit ServerlessRestApi: RestApi with a swagger body built
// from the functions' Api events, a Deployment named by the hash SAM computes over that body,
// and the Stage.
#include <fmt/format.h>

#include "fakes/cloudformation/template/serverless/expansion.hpp"
#include "fakes/cloudformation/template/serverless/hashing.hpp"

namespace pipemu::cfn::sam {
namespace {

// {Fn::If: [condition, value, AWS::NoValue]}: how SAM keeps a conditional function's routes.
Node if_condition(const std::string& condition, Node value) {
  Node args = Node::sequence();
  args.push(str(condition));
  args.push(std::move(value));
  args.push(ref_node("AWS::NoValue"));
  Node n = Node::map();
  n.set("Fn::If", std::move(args));
  return n;
}

Node swagger(const ApiState& a, std::vector<std::string>& unicode) {
  Node info = Node::map();
  info.set("version", str("1.0"));
  info.set("title", ref_node("AWS::StackName"));
  Node paths = Node::map();
  for (const auto& r : a.routes) {
    Node* path = paths.find(r.path);
    if (!path) {
      paths.set(r.path, Node::map());
      path = paths.find(r.path);
    }
    Node integration = Node::map();
    integration.set("httpMethod", str("POST"));
    integration.set("type", str("aws_proxy"));
    Node uri = Node::map();
    uri.set("Fn::Sub", str(r.uri));
    integration.set("uri", r.condition.empty() ? std::move(uri) : if_condition(r.condition, std::move(uri)));
    Node op = Node::map();
    op.set("x-amazon-apigateway-integration", std::move(integration));
    op.set("responses", Node::map());
    std::string key = r.method == "any" ? "x-amazon-apigateway-any-method" : r.method;
    path->set(key, r.condition.empty() ? std::move(op) : if_condition(r.condition, std::move(op)));
    if (!r.condition.empty()) unicode.push_back(r.condition);
    // SAM's swagger editor stores paths, methods and lambda uris as Python-2 unicode strings.
    unicode.push_back(r.path);
    if (r.method != "any") unicode.push_back(r.method);
    if (r.unicode_uri) unicode.push_back(r.uri);
  }
  // A path all of whose routes share one condition is itself wrapped in that Fn::If.
  for (auto& e : paths.entries()) {
    std::string shared;
    bool same = true;
    for (const auto& r : a.routes)
      if (r.path == e.key) {
        if (shared.empty() && same) shared = r.condition;
        same = same && r.condition == shared && !shared.empty();
      }
    if (same && !shared.empty()) e.value = if_condition(shared, std::move(e.value));
  }
  Node body = Node::map();
  body.set("info", std::move(info));
  body.set("paths", std::move(paths));
  body.set("swagger", str("2.0"));
  return body;
}

}  // namespace

void register_api(Expansion& x, const std::string& id, const Node& props, const Node& attributes) {
  ApiState& a = x.api(id);
  a.is_implicit = false;
  a.properties = props;
  a.attributes = attributes;
  if (const Node* s = props.find("StageName")) a.stage_name = x.resolve_parameter_refs(*s).as_string();
  else x.error(id, "Missing required property 'StageName'.");
}

void finish_apis(Expansion& x) {
  for (const auto& id : x.api_order) {
    ApiState& a = x.apis[id];
    std::vector<std::string> unicode;
    Node body;
    if (const Node* given = a.properties.is_map() ? a.properties.find("DefinitionBody") : nullptr) {
      body = *given;  // used as written; pipemu does not add integrations to a given body
    } else {
      body = swagger(a, unicode);
    }
    Node api = Node::map();
    api.set("Body", body);
    if (a.properties.is_map()) {
      for (const char* k : {"Name", "Description", "BinaryMediaTypes", "MinimumCompressionSize", "Policy",
                            "DisableExecuteApiEndpoint", "ApiKeySourceType"})
        if (const Node* v = a.properties.find(k)) api.set(k, *v);
      if (const Node* ec = a.properties.find("EndpointConfiguration")) {
        Node types = Node::sequence();
        const Node* t = ec->is_map() ? ec->find("Type") : ec;
        if (t) types.push(*t);
        Node cfg = Node::map();
        cfg.set("Types", std::move(types));
        api.set("EndpointConfiguration", std::move(cfg));
      }
    }
    Node cond = Node::map();
    if (const Node* c = a.attributes.is_map() ? a.attributes.find("Condition") : nullptr) cond.set("Condition", *c);
    x.add(id, resource("AWS::ApiGateway::RestApi", std::move(api), a.attributes));

    std::string digest = sha1_hex(python_repr(body, unicode));
    std::string deployment_id = id + "Deployment" + digest.substr(0, 10);
    Node dep = Node::map();
    dep.set("Description", str("RestApi deployment id: " + digest));
    dep.set("RestApiId", ref_node(id));
    dep.set("StageName", str("Stage"));
    x.add(deployment_id, resource("AWS::ApiGateway::Deployment", std::move(dep), cond));

    Node stage = Node::map();
    stage.set("DeploymentId", ref_node(deployment_id));
    stage.set("RestApiId", ref_node(id));
    stage.set("StageName", str(a.stage_name));
    if (a.properties.is_map())
      for (const char* k : {"Variables", "MethodSettings", "TracingEnabled", "CacheClusterEnabled"})
        if (const Node* v = a.properties.find(k)) stage.set(k, *v);
    x.add(id + a.stage_name + "Stage", resource("AWS::ApiGateway::Stage", std::move(stage), cond));
  }
}

}  // namespace pipemu::cfn::sam
