#pragma once
// The evaluator's internals, shared by evaluator.cpp (dispatch, Ref, GetAtt, If, conditions),
// intrinsics.cpp (the value functions) and dynamic_refs.cpp. Not part of the public API.
#include <string>

#include "fakes/cloudformation/template/evaluator.hpp"

namespace pipemu::cfn {

using model::Node;

// Fn::If returning AWS::NoValue yields this marker; map entries and list items holding it are
// dropped by the enclosing container.
Node no_value();
bool is_no_value(const Node& n);

class EvalImpl {
 public:
  explicit EvalImpl(Evaluator& e) : e_(e) {}

  Result<Node> eval(const Node& n, int depth = 0);
  Result<bool> condition(const std::string& name, const model::Mark& mark);
  Result<bool> condition_value(const Node& n, int depth);

  // Value functions (intrinsics.cpp). `call` is the one-entry map, `arg` its value.
  Result<Node> join(const Node& arg, int depth);
  Result<Node> select(const Node& arg, int depth);
  Result<Node> split(const Node& arg, int depth);
  Result<Node> find_in_map(const Node& arg, int depth);
  Result<Node> base64(const Node& arg, int depth);
  Result<Node> cidr(const Node& arg, int depth);
  Result<Node> get_azs(const Node& arg, int depth);
  Result<Node> import_value(const Node& arg, int depth);
  Result<Node> length(const Node& arg, int depth);
  Result<Node> to_json_string(const Node& arg, int depth);
  Result<Node> sub(const Node& arg, int depth);

  Result<Node> ref(const Node& arg);
  Result<Node> get_att(const Node& arg, int depth);
  // Replaces {{resolve:ssm:...}} references inside a string (dynamic_refs.cpp).
  Result<std::string> dynamic_references(const std::string& s, const model::Mark& mark);

  Evaluator& e_;
  bool in_conditions_ = false;  // conditions may not reference resources
};

}  // namespace pipemu::cfn
