#pragma once
// The document tree every loader produces: YAML or JSON, with short-form CloudFormation tags
// already normalised to their long forms (`!Ref X` -> {Ref: X}, `!GetAtt A.B` -> {Fn::GetAtt:
// [A, B]}). Every node and every map key keeps its source mark. Pure data.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_text.hpp"

namespace pipemu::model {

class Node;

struct Entry;

class Node {
 public:
  enum class Kind { Null, Scalar, Sequence, Map };

  Node() = default;
  static Node scalar(std::string value, Mark mark = {}, bool quoted = false);
  static Node sequence(Mark mark = {});
  static Node map(Mark mark = {});

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_scalar() const { return kind_ == Kind::Scalar; }
  bool is_sequence() const { return kind_ == Kind::Sequence; }
  bool is_map() const { return kind_ == Kind::Map; }
  const Mark& mark() const { return mark_; }
  void set_mark(Mark m) { mark_ = std::move(m); }

  // Scalars. `quoted` tells a YAML "1" (a string) from a plain 1; JSON strings are quoted.
  const std::string& str() const { return scalar_; }
  bool quoted() const { return quoted_; }
  // The plain-scalar style the scalar came from: '|' literal, '>' folded, 0 plain/quoted.
  char block_style() const { return block_style_; }
  void set_block_style(char s) { block_style_ = s; }

  // Sequences.
  const std::vector<Node>& items() const { return items_; }
  std::vector<Node>& items() { return items_; }
  void push(Node n) { items_.push_back(std::move(n)); }

  // Maps keep insertion order (templates are read top to bottom).
  const std::vector<Entry>& entries() const;
  std::vector<Entry>& entries();
  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  const Entry* find_entry(std::string_view key) const;
  void set(std::string key, Node value, Mark key_mark = {});
  bool erase(std::string_view key);
  std::vector<std::string> keys() const;

  size_t size() const;
  // A scalar's text, or `fallback` for anything else.
  std::string as_string(std::string fallback = {}) const;

  // An intrinsic function call is a one-entry map whose key is `Ref`, `Condition` or `Fn::*`.
  bool is_intrinsic() const;
  const std::string& intrinsic_name() const;  // requires is_intrinsic()
  const Node& intrinsic_arg() const;          // requires is_intrinsic()

  nlohmann::json to_json() const;
  static Node from_json(const nlohmann::json& j, Mark mark = {});

 private:
  Kind kind_ = Kind::Null;
  Mark mark_;
  std::string scalar_;
  bool quoted_ = false;
  char block_style_ = 0;
  std::vector<Node> items_;
  std::vector<Entry> entries_;
};

struct Entry {
  std::string key;
  Mark key_mark;
  Node value;
};

}  // namespace pipemu::model
