#include "model/node.hpp"

#include <nlohmann/json.hpp>

namespace pipemu::model {

Node Node::scalar(std::string value, Mark mark, bool quoted) {
  Node n;
  n.kind_ = Kind::Scalar;
  n.scalar_ = std::move(value);
  n.mark_ = std::move(mark);
  n.quoted_ = quoted;
  return n;
}
Node Node::sequence(Mark mark) {
  Node n;
  n.kind_ = Kind::Sequence;
  n.mark_ = std::move(mark);
  return n;
}
Node Node::map(Mark mark) {
  Node n;
  n.kind_ = Kind::Map;
  n.mark_ = std::move(mark);
  return n;
}

const std::vector<Entry>& Node::entries() const { return entries_; }
std::vector<Entry>& Node::entries() { return entries_; }

const Entry* Node::find_entry(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}
const Node* Node::find(std::string_view key) const {
  const Entry* e = find_entry(key);
  return e ? &e->value : nullptr;
}
Node* Node::find(std::string_view key) {
  for (auto& e : entries_)
    if (e.key == key) return &e.value;
  return nullptr;
}
void Node::set(std::string key, Node value, Mark key_mark) {
  if (kind_ == Kind::Null) kind_ = Kind::Map;
  for (auto& e : entries_)
    if (e.key == key) {
      e.value = std::move(value);
      return;
    }
  entries_.push_back({std::move(key), std::move(key_mark), std::move(value)});
}
bool Node::erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it)
    if (it->key == key) {
      entries_.erase(it);
      return true;
    }
  return false;
}
std::vector<std::string> Node::keys() const {
  std::vector<std::string> out;
  for (const auto& e : entries_) out.push_back(e.key);
  return out;
}
size_t Node::size() const {
  switch (kind_) {
    case Kind::Sequence: return items_.size();
    case Kind::Map: return entries_.size();
    default: return 0;
  }
}
std::string Node::as_string(std::string fallback) const {
  return kind_ == Kind::Scalar ? scalar_ : fallback;
}

bool Node::is_intrinsic() const {
  if (kind_ != Kind::Map || entries_.size() != 1) return false;
  const std::string& k = entries_[0].key;
  return k == "Ref" || k == "Condition" || k.rfind("Fn::", 0) == 0;
}
const std::string& Node::intrinsic_name() const { return entries_.at(0).key; }
const Node& Node::intrinsic_arg() const { return entries_.at(0).value; }

nlohmann::json Node::to_json() const {
  switch (kind_) {
    case Kind::Null: return nullptr;
    case Kind::Scalar: {
      if (quoted_) return scalar_;
      // Plain scalars that read as JSON numbers or booleans keep that type.
      if (scalar_ == "true" || scalar_ == "True") return true;
      if (scalar_ == "false" || scalar_ == "False") return false;
      if (!scalar_.empty() && (std::isdigit(static_cast<unsigned char>(scalar_[0])) ||
                               scalar_[0] == '-')) {
        auto j = nlohmann::json::parse(scalar_, nullptr, false);
        if (!j.is_discarded() && j.is_number()) return j;
      }
      return scalar_;
    }
    case Kind::Sequence: {
      auto a = nlohmann::json::array();
      for (const auto& i : items_) a.push_back(i.to_json());
      return a;
    }
    case Kind::Map: {
      auto o = nlohmann::json::object();
      for (const auto& e : entries_) o[e.key] = e.value.to_json();
      return o;
    }
  }
  return nullptr;
}

Node Node::from_json(const nlohmann::json& j, Mark mark) {
  if (j.is_null()) {
    Node n;
    n.mark_ = mark;
    return n;
  }
  if (j.is_object()) {
    Node n = Node::map(mark);
    for (auto it = j.begin(); it != j.end(); ++it)
      n.entries_.push_back({it.key(), mark, from_json(it.value(), mark)});
    return n;
  }
  if (j.is_array()) {
    Node n = Node::sequence(mark);
    for (const auto& i : j) n.items_.push_back(from_json(i, mark));
    return n;
  }
  if (j.is_string()) return Node::scalar(j.get<std::string>(), mark, true);
  return Node::scalar(j.dump(), mark, false);
}

}  // namespace pipemu::model
