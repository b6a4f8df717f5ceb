// AWS::Serverless::SimpleTable -> AWS::DynamoDB::Table with a single hash key (default id/S),
// on-demand billing unless ProvisionedThroughput is given.
#include "fakes/cloudformation/template/serverless/expansion.hpp"

namespace pipemu::cfn::sam {

void expand_simple_table(Expansion& x, const std::string& id, const Node& props, const Node& attributes) {
  std::string name = "id", type = "S";
  if (const Node* pk = props.find("PrimaryKey"); pk && pk->is_map()) {
    if (const Node* n = pk->find("Name")) name = n->as_string();
    std::string t = pk->find("Type") ? pk->find("Type")->as_string() : "String";
    if (t == "String") type = "S";
    else if (t == "Number") type = "N";
    else if (t == "Binary") type = "B";
    else {
      x.error(id, "Property 'PrimaryKey.Type' must be one of String, Number or Binary.");
      return;
    }
  }
  Node attr = Node::map();
  attr.set("AttributeName", str(name));
  attr.set("AttributeType", str(type));
  Node attrs = Node::sequence();
  attrs.push(std::move(attr));
  Node key = Node::map();
  key.set("AttributeName", str(name));
  key.set("KeyType", str("HASH"));
  Node keys = Node::sequence();
  keys.push(std::move(key));
  Node table = Node::map();
  table.set("AttributeDefinitions", std::move(attrs));
  table.set("KeySchema", std::move(keys));
  if (const Node* pt = props.find("ProvisionedThroughput")) table.set("ProvisionedThroughput", *pt);
  else table.set("BillingMode", str("PAY_PER_REQUEST"));
  for (const char* k : {"TableName", "SSESpecification", "PointInTimeRecoverySpecification"})
    if (const Node* v = props.find(k)) table.set(k, *v);
  if (const Node* t = props.find("Tags")) table.set("Tags", tags_list(*t, false));
  x.add(id, resource("AWS::DynamoDB::Table", std::move(table), attributes));
}

}  // namespace pipemu::cfn::sam
