#include "fakes/cloudformation/template/references.hpp"

#include "fakes/cloudformation/template/sub.hpp"
#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {
namespace {

using model::Node;

void walk(const Node& n, References& out, int depth) {
  if (depth > kMaxNesting + 8) return;  // parse_template bounds real templates well below this
  if (n.is_sequence()) {
    for (const auto& i : n.items()) walk(i, out, depth + 1);
    return;
  }
  if (!n.is_map()) return;
  if (n.is_intrinsic()) {
    const std::string& fn = n.intrinsic_name();
    const Node& arg = n.intrinsic_arg();
    if (fn == "Ref" && arg.is_scalar()) {
      out.refs.push_back({arg.str(), arg.mark()});
      return;
    }
    if (fn == "Condition" && arg.is_scalar()) {
      out.conditions.push_back({arg.str(), arg.mark()});
      return;
    }
    if (fn == "Fn::GetAtt") {
      if (arg.is_scalar()) {
        out.getatts.push_back({arg.str().substr(0, arg.str().find('.')), arg.mark()});
        return;
      }
      if (arg.is_sequence() && !arg.items().empty() && arg.items()[0].is_scalar())
        out.getatts.push_back({arg.items()[0].str(), arg.items()[0].mark()});
      if (arg.is_sequence() && arg.size() > 1) walk(arg.items()[1], out, depth + 1);
      return;
    }
    if (fn == "Fn::If" && arg.is_sequence() && !arg.items().empty() && arg.items()[0].is_scalar()) {
      out.conditions.push_back({arg.items()[0].str(), arg.items()[0].mark()});
      for (size_t i = 1; i < arg.size(); ++i) walk(arg.items()[i], out, depth + 1);
      return;
    }
    if (fn == "Fn::FindInMap" && arg.is_sequence() && !arg.items().empty() && arg.items()[0].is_scalar())
      out.mappings.push_back({arg.items()[0].str(), arg.items()[0].mark()});
    if (fn == "Fn::Sub") {
      const Node* pattern = arg.is_scalar() ? &arg : nullptr;
      const Node* vars = nullptr;
      if (arg.is_sequence() && arg.size() == 2 && arg.items()[0].is_scalar()) {
        pattern = &arg.items()[0];
        vars = &arg.items()[1];
        walk(*vars, out, depth + 1);
      }
      if (pattern) {
        for (const auto& part : parse_sub(pattern->str())) {
          if (!part.variable || (vars && vars->is_map() && vars->find(part.text))) continue;
          size_t dot = part.text.find('.');
          if (dot != std::string::npos && part.text.rfind("AWS::", 0) != 0)
            out.getatts.push_back({part.text.substr(0, dot), pattern->mark()});
          else
            out.refs.push_back({part.text, pattern->mark()});
        }
      }
      return;
    }
  }
  for (const auto& e : n.entries()) walk(e.value, out, depth + 1);
}

}  // namespace

void collect_references(const Node& value, References& out) { walk(value, out, 0); }

}  // namespace pipemu::cfn
