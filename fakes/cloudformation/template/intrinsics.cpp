// The value intrinsics: Join, Select, Split, FindInMap, Base64, Cidr, GetAZs, ImportValue,
// Length, ToJsonString, Sub. Each checks its argument shape first and fails with AWS's words.
#include <fmt/format.h>
#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "fakes/cloudformation/template/eval_impl.hpp"
#include "fakes/cloudformation/template/graph.hpp"
#include "fakes/cloudformation/template/sub.hpp"
#include "model/text.hpp"

namespace pipemu::cfn {
namespace {

std::optional<long long> to_int(const Node& n) {
  if (!n.is_scalar()) return std::nullopt;
  const std::string& s = n.str();
  if (s.empty() || s.size() > 18) return std::nullopt;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return std::nullopt;
  for (; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  return std::stoll(s);
}

Node str(std::string v, const model::Mark& m) { return Node::scalar(std::move(v), m, true); }

}  // namespace

Result<Node> EvalImpl::join(const Node& arg, int depth) {
  const char* msg =
      "Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list "
      "of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be "
      "joined.";
  if (!arg.is_sequence() || arg.size() != 2) return fail(msg, arg.mark());
  auto delim = eval(arg.items()[0], depth + 1);
  if (!delim) return delim;
  auto list = eval(arg.items()[1], depth + 1);
  if (!list) return list;
  if (!delim->is_scalar() || !list->is_sequence()) return fail(msg, arg.mark());
  std::string out;
  bool first = true;
  for (const auto& i : list->items()) {
    if (!i.is_scalar()) return fail(msg, i.mark());
    if (!first) out += delim->str();
    out += i.str();
    first = false;
  }
  return str(out, arg.mark());
}

Result<Node> EvalImpl::select(const Node& arg, int depth) {
  const char* index_msg =
      "Template error: Fn::Select requires a list argument with a valid index value as its first element";
  const char* shape = "Template error: Fn::Select requires a list argument with two elements: an integer "
                      "index and a list";
  if (!arg.is_sequence() || arg.size() < 1) return fail(index_msg, arg.mark());
  auto idx_node = eval(arg.items()[0], depth + 1);
  if (!idx_node) return idx_node;
  auto idx = to_int(*idx_node);
  if (!idx) return fail(index_msg, arg.items()[0].mark());
  if (arg.size() != 2) return fail(shape, arg.mark());
  auto list = eval(arg.items()[1], depth + 1);
  if (!list) return list;
  if (!list->is_sequence()) return fail(shape, arg.mark());
  if (*idx < 0 || static_cast<size_t>(*idx) >= list->size())
    return fail(fmt::format("Template error: Fn::Select cannot select nonexistent value at index {}", *idx),
                arg.mark());
  return list->items()[static_cast<size_t>(*idx)];
}

Result<Node> EvalImpl::split(const Node& arg, int depth) {
  const char* msg =
      "Template error: every Fn::Split object requires two parameters, (1) a string delimiter and (2) a "
      "string to be split or a function that returns a string to be split.";
  if (!arg.is_sequence() || arg.size() != 2 || !arg.items()[0].is_scalar()) return fail(msg, arg.mark());
  const std::string& delim = arg.items()[0].str();
  if (delim.empty()) return fail(msg, arg.mark());
  auto source = eval(arg.items()[1], depth + 1);
  if (!source) return source;
  if (!source->is_scalar()) return fail(msg, arg.mark());
  Node out = Node::sequence(arg.mark());
  const std::string& s = source->str();
  size_t start = 0;
  // Consecutive and trailing delimiters give empty strings, as AWS does.
  while (true) {
    size_t pos = s.find(delim, start);
    if (pos == std::string::npos) {
      out.push(str(s.substr(start), arg.mark()));
      break;
    }
    out.push(str(s.substr(start, pos - start), arg.mark()));
    start = pos + delim.size();
  }
  return out;
}

Result<Node> EvalImpl::find_in_map(const Node& arg, int depth) {
  const char* msg = "Template error: every Fn::FindInMap object requires three parameters, the map name, map "
                    "key and the attribute for return value";
  if (!arg.is_sequence() || arg.size() < 3 || arg.size() > 4) return fail(msg, arg.mark());
  std::string keys[3];
  for (size_t i = 0; i < 3; ++i) {
    auto v = eval(arg.items()[i], depth + 1);
    if (!v) return v;
    if (!v->is_scalar()) return fail(msg, arg.items()[i].mark());
    keys[i] = v->str();
  }
  const Node* map = e_.tpl_.mappings.is_map() ? e_.tpl_.mappings.find(keys[0]) : nullptr;
  if (!map)
    return fail(fmt::format("Template error: Mapping named '{}' is not present in the 'Mappings' section of "
                            "template", keys[0]), arg.mark());
  const Node* top = map->find(keys[1]);
  const Node* value = top && top->is_map() ? top->find(keys[2]) : nullptr;
  if (!value) {
    // Fn::FindInMap's DefaultValue (AWS::LanguageExtensions) answers a missing key.
    if (arg.size() == 4 && arg.items()[3].is_map() && arg.items()[3].find("DefaultValue"))
      return eval(*arg.items()[3].find("DefaultValue"), depth + 1);
    return fail(fmt::format("Template error: Unable to get mapping for {}::{}::{}", keys[0], keys[1], keys[2]),
                arg.mark());
  }
  return *value;
}

Result<Node> EvalImpl::base64(const Node& arg, int depth) {
  auto v = eval(arg, depth + 1);
  if (!v) return v;
  if (!v->is_scalar())
    return fail("Template error: every Fn::Base64 object must have a String-typed value.", arg.mark());
  const std::string& in = v->str();
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  out.resize(static_cast<size_t>(n));
  return str(out, arg.mark());
}

Result<Node> EvalImpl::cidr(const Node& arg, int depth) {
  const char* msg = "Template error: Fn::Cidr requires a list argument with three elements: an ipBlock, a count "
                    "of subnets (1-256) and the subnet mask size in bits";
  if (!arg.is_sequence() || arg.size() != 3) return fail(msg, arg.mark());
  Node v[3];
  for (size_t i = 0; i < 3; ++i) {
    auto r = eval(arg.items()[i], depth + 1);
    if (!r) return r;
    if (!r->is_scalar()) return fail(msg, arg.items()[i].mark());
    v[i] = *r;
  }
  auto count = to_int(v[1]);
  auto bits = to_int(v[2]);
  if (!count || *count < 1 || *count > 256 || !bits) return fail(msg, arg.mark());
  // IPv4 only: a.b.c.d/len
  unsigned a, b, c, d, len;
  char tail;
  if (std::sscanf(v[0].str().c_str(), "%u.%u.%u.%u/%u%c", &a, &b, &c, &d, &len, &tail) != 5 || a > 255 ||
      b > 255 || c > 255 || d > 255 || len > 32)
    return fail(fmt::format("Template error: Fn::Cidr ipBlock {} is not a valid IPv4 CIDR block (pipemu "
                            "supports IPv4 only)", v[0].str()), arg.mark());
  long long prefix = 32 - *bits;
  if (*bits < 1 || prefix < static_cast<long long>(len) ||
      (static_cast<long long>(len) < 32 && (1LL << (prefix - len)) < *count))
    return fail(fmt::format("Template error: Fn::Cidr cannot carve {} subnets of /{} out of {}", *count, prefix,
                            v[0].str()), arg.mark());
  uint32_t base = (a << 24) | (b << 16) | (c << 8) | d;
  base &= len == 0 ? 0 : ~((1ULL << (32 - len)) - 1);
  Node out = Node::sequence(arg.mark());
  for (long long i = 0; i < *count; ++i) {
    uint32_t net = base + static_cast<uint32_t>(i << *bits);
    out.push(str(fmt::format("{}.{}.{}.{}/{}", net >> 24, (net >> 16) & 255, (net >> 8) & 255, net & 255, prefix),
                 arg.mark()));
  }
  return out;
}

Result<Node> EvalImpl::get_azs(const Node& arg, int depth) {
  auto v = arg.is_null() ? Result<Node>(Node::scalar("", arg.mark(), true)) : eval(arg, depth + 1);
  if (!v) return v;
  if (!v->is_scalar())
    return fail("Template error: every Fn::GetAZs object must have a String-typed value.", arg.mark());
  std::string region = v->str().empty() ? e_.ctx_.stack.region : v->str();
  Node out = Node::sequence(arg.mark());
  for (const auto& az : availability_zones(region)) out.push(str(az, arg.mark()));
  return out;
}

Result<Node> EvalImpl::import_value(const Node& arg, int depth) {
  if (!referenced_resources(e_.tpl_, arg).empty())
    return fail("Template error: the attribute in Fn::ImportValue must not depend on any resources, imported "
                "values, or Fn::GetAZs", arg.mark());
  auto v = eval(arg, depth + 1);
  if (!v) return v;
  if (!v->is_scalar())
    return fail("Template error: every Fn::ImportValue object must have a String-typed value.", arg.mark());
  std::optional<std::string> value;
  if (e_.ctx_.callbacks.import_value) value = e_.ctx_.callbacks.import_value(v->str());
  if (!value) return fail(fmt::format("No export named {} found.", v->str()), arg.mark());
  return str(*value, arg.mark());
}

Result<Node> EvalImpl::length(const Node& arg, int depth) {
  auto v = eval(arg, depth + 1);
  if (!v) return v;
  if (!v->is_sequence())
    return fail("Template error: Fn::Length requires a list or a function that returns a list", arg.mark());
  return Node::scalar(std::to_string(v->size()), arg.mark(), false);
}

Result<Node> EvalImpl::to_json_string(const Node& arg, int depth) {
  auto v = eval(arg, depth + 1);
  if (!v) return v;
  if (!v->is_map() && !v->is_sequence())
    return fail("Template error: Fn::ToJsonString requires an object or a list", arg.mark());
  return str(v->to_json().dump(), arg.mark());
}

Result<Node> EvalImpl::sub(const Node& arg, int depth) {
  const char* msg = "Template error: One or more Fn::Sub intrinsic functions don't specify expected arguments. "
                    "Specify a string as first argument, and an optional second argument to specify a mapping "
                    "of values to replace in the string";
  const Node* pattern = nullptr;
  const Node* vars = nullptr;
  if (arg.is_scalar()) {
    pattern = &arg;
  } else if (arg.is_sequence() && arg.size() == 2 && arg.items()[0].is_scalar() && arg.items()[1].is_map()) {
    pattern = &arg.items()[0];
    vars = &arg.items()[1];
  } else {
    return fail(msg, arg.mark());
  }
  std::string out;
  for (const auto& part : parse_sub(pattern->str())) {
    if (!part.variable) {
      out += part.text;
      continue;
    }
    Result<Node> value = Node();
    if (const Node* v = vars ? vars->find(part.text) : nullptr) {
      value = eval(*v, depth + 1);
    } else if (size_t dot = part.text.find('.'); dot != std::string::npos && !text::starts_with(part.text, "AWS::")) {
      Node ga = Node::sequence(pattern->mark());
      ga.push(str(part.text.substr(0, dot), pattern->mark()));
      ga.push(str(part.text.substr(dot + 1), pattern->mark()));
      value = get_att(ga, depth + 1);
    } else {
      value = ref(str(part.text, pattern->mark()));
    }
    if (!value) return value;
    if (!value->is_scalar())
      return fail(fmt::format("Template error: variable {} in Fn::Sub expression does not resolve to a string",
                              part.text), pattern->mark());
    out += value->str();
  }
  return str(out, pattern->mark());
}

}  // namespace pipemu::cfn
