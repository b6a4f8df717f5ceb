// AWS::Serverless::Function -> AWS::Lambda::Function, its role, version/alias and events,
// shaped and named as aws-sam-translator names them.
#include <fmt/format.h>

#include <algorithm>

#include "fakes/cloudformation/template/serverless/events.hpp"
#include "fakes/cloudformation/template/serverless/expansion.hpp"
#include "fakes/cloudformation/template/serverless/hashing.hpp"
#include "model/text.hpp"

namespace pipemu::cfn::sam {
namespace {

// Properties copied to the Lambda function unchanged (SAM name == CloudFormation name).
const char* kPassThrough[] = {"Description", "MemorySize", "Timeout", "Environment", "VpcConfig", "Layers",
                              "FunctionName", "Architectures", "KmsKeyArn", "ReservedConcurrentExecutions",
                              "EphemeralStorage", "PackageType", "ImageConfig", "FileSystemConfigs",
                              "CodeSigningConfigArn", "LoggingConfig", "RecursiveLoop", "SnapStart",
                              "RuntimeManagementConfig"};

// Code from InlineCode, CodeUri "s3://b/k[?versionId=v]", or CodeUri {Bucket, Key, Version}.
bool code_of(Expansion& x, const std::string& id, const Node& props, Node& code) {
  code = Node::map();
  if (const Node* inl = props.find("InlineCode")) {
    code.set("ZipFile", *inl);
    return true;
  }
  if (const Node* img = props.find("ImageUri")) {
    code.set("ImageUri", *img);
    return true;
  }
  const Node* uri = props.find("CodeUri");
  if (!uri) {
    x.error(id, "Only one of 'InlineCode' or 'CodeUri' can be set.");
    return false;
  }
  if (uri->is_map() && !uri->is_intrinsic()) {
    const Node* b = uri->find("Bucket");
    const Node* k = uri->find("Key");
    if (!b || !k) {
      x.error(id, "'CodeUri' requires Bucket and Key properties to be specified.");
      return false;
    }
    code.set("S3Bucket", *b);
    code.set("S3Key", *k);
    if (const Node* v = uri->find("Version")) code.set("S3ObjectVersion", *v);
    return true;
  }
  if (!uri->is_scalar()) {
    x.error(id, "'CodeUri' requires Bucket and Key properties to be specified.");
    return false;
  }
  const std::string& s = uri->str();
  size_t slash = s.find('/', 5);
  if (!text::starts_with(s, "s3://") || slash == std::string::npos || slash == 5 || slash + 1 >= s.size()) {
    x.error(id, "'CodeUri' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query "
                "parameter.");
    return false;
  }
  std::string key = s.substr(slash + 1);
  std::string version;
  if (size_t q = key.find("?versionId="); q != std::string::npos) {
    version = key.substr(q + 11);
    key = key.substr(0, q);
  }
  code.set("S3Bucket", str(s.substr(5, slash - 5)));
  code.set("S3Key", str(key));
  if (!version.empty()) code.set("S3ObjectVersion", str(version));
  return true;
}

Node lambda_role(Expansion& x, const std::string& id, const Node& props, const EventNeeds& needs,
                 const Node& attributes) {
  const std::string partition = x.stack.partition();
  Node principal = Node::map();
  Node services = Node::sequence();
  services.push(str("lambda.amazonaws.com"));
  principal.set("Service", std::move(services));
  Node action = Node::sequence();
  action.push(str("sts:AssumeRole"));
  Node statement = Node::map();
  statement.set("Action", std::move(action));
  statement.set("Effect", str("Allow"));
  statement.set("Principal", std::move(principal));
  Node statements = Node::sequence();
  statements.push(std::move(statement));
  Node trust = Node::map();
  trust.set("Version", str("2012-10-17"));
  trust.set("Statement", std::move(statements));

  Node managed = Node::sequence();
  auto arn = [&](const std::string& path) { return str(fmt::format("arn:{}:iam::aws:policy/{}", partition, path)); };
  managed.push(arn("service-role/AWSLambdaBasicExecutionRole"));
  if (const Node* t = props.find("Tracing"); t && t->as_string() == "Active") managed.push(arn("AWSXrayWriteOnlyAccess"));
  if (props.find("VpcConfig")) managed.push(arn("service-role/AWSLambdaVPCAccessExecutionRole"));
  Node inline_policies = Node::sequence();
  if (const Node* p = props.find("Policies")) apply_policies(x, id, *p, managed, inline_policies);
  for (const auto& path : needs.managed_policies) managed.push(arn(path));

  Node role = Node::map();
  role.set("AssumeRolePolicyDocument", std::move(trust));
  role.set("ManagedPolicyArns", std::move(managed));
  if (inline_policies.size() > 0) role.set("Policies", std::move(inline_policies));
  if (const Node* pb = props.find("PermissionsBoundary")) role.set("PermissionsBoundary", *pb);
  role.set("Tags", tags_list(props.find("Tags") ? *props.find("Tags") : Node(), true));
  Node role_attrs = Node::map();
  if (const Node* c = attributes.find("Condition")) role_attrs.set("Condition", *c);
  return resource("AWS::IAM::Role", std::move(role), role_attrs);
}

}  // namespace

void expand_function(Expansion& x, const std::string& id, const Node& props, const Node& attributes) {
  Node code;
  if (!code_of(x, id, props, code)) return;
  const Node* events = props.find("Events");
  std::string alias;
  if (const Node* a = props.find("AutoPublishAlias")) alias = x.resolve_parameter_refs(*a).as_string();

  Node fn = Node::map();
  fn.set("Code", code);
  if (const Node* h = props.find("Handler")) fn.set("Handler", *h);
  if (const Node* r = props.find("Runtime")) fn.set("Runtime", *r);
  for (const char* k : kPassThrough)
    if (const Node* v = props.find(k)) fn.set(k, *v);
  if (const Node* t = props.find("Tracing")) {
    Node tc = Node::map();
    tc.set("Mode", *t);
    fn.set("TracingConfig", std::move(tc));
  }
  if (const Node* d = props.find("DeadLetterQueue"); d && d->is_map() && d->find("TargetArn")) {
    Node dl = Node::map();
    dl.set("TargetArn", *d->find("TargetArn"));
    fn.set("DeadLetterConfig", std::move(dl));
  }
  fn.set("Tags", tags_list(props.find("Tags") ? *props.find("Tags") : Node(), true));

  // What Ref/targets point at: the alias when one is published, else the function.
  FunctionTarget target;
  target.function_id = id;
  target.alias_id = alias.empty() ? "" : id + "Alias" + alias;
  target.condition = attributes.find("Condition") ? *attributes.find("Condition") : Node();

  EventNeeds needs;
  if (events && events->is_map()) {
    std::vector<const model::Entry*> sorted;
    for (const auto& e : events->entries()) sorted.push_back(&e);
    // SAM walks events in name order; route order in the swagger body (and so its hash) follows.
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->key < b->key; });
    for (const auto* e : sorted) expand_event(x, target, e->key, e->value, needs);
  }

  if (const Node* role = props.find("Role")) {
    fn.set("Role", *role);
  } else {
    x.add(id + "Role", lambda_role(x, id, props, needs, attributes));
    fn.set("Role", get_att(id + "Role", "Arn"));
  }
  x.add(id, resource("AWS::Lambda::Function", std::move(fn), attributes));

  if (!alias.empty()) {
    // SAM hashes the code location (parameters resolved), Environment and MemorySize.
    Node logical = x.resolve_parameter_refs(code);
    if (const Node* env = props.find("Environment"); env && env->is_map())
      for (const auto& e : env->entries()) logical.set(e.key, e.value);
    if (const Node* m = props.find("MemorySize")) logical.set("MemorySize", *m);
    std::string version_id = id + "Version" + sha1_hex(python_json(logical)).substr(0, 10);
    Node vprops = Node::map();
    vprops.set("FunctionName", ref_node(id));
    Node vattrs = Node::map();
    vattrs.set("DeletionPolicy", str("Retain"));
    if (const Node* c = attributes.find("Condition")) vattrs.set("Condition", *c);
    x.add(version_id, resource("AWS::Lambda::Version", std::move(vprops), vattrs));
    Node aprops = Node::map();
    aprops.set("Name", str(alias));
    aprops.set("FunctionName", ref_node(id));
    aprops.set("FunctionVersion", get_att(version_id, "Version"));
    Node aattrs = Node::map();
    if (const Node* c = attributes.find("Condition")) aattrs.set("Condition", *c);
    x.add(target.alias_id, resource("AWS::Lambda::Alias", std::move(aprops), aattrs));
  }
}

}  // namespace pipemu::cfn::sam
