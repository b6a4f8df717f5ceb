#include "model/loader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "model/text.hpp"

namespace pipemu::model {
namespace {

const std::vector<std::string> kTags = {
    "Ref",    "GetAtt", "Sub",       "ImportValue", "Join", "Select", "Split",
    "FindInMap", "If",  "Equals",    "And",         "Or",   "Not",    "Condition",
    "Base64", "Cidr",   "GetAZs",    "Transform",   "ToJsonString", "Length"};

class Converter {
 public:
  explicit Converter(SourceRef src) : src_(std::move(src)) {}

  Node convert(const YAML::Node& y) {
    Mark m = mark_of(y.Mark());
    Node out;
    switch (y.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null: out = Node(); out.set_mark(m); break;
      case YAML::NodeType::Scalar: {
        // yaml-cpp tags plain scalars "?" and quoted ones "!".
        bool quoted = y.Tag() == "!" || y.Tag() == "tag:yaml.org,2002:str";
        out = Node::scalar(y.Scalar(), m, quoted);
        out.set_block_style(style_at(y.Mark()));
        break;
      }
      case YAML::NodeType::Sequence:
        out = Node::sequence(m);
        for (const auto& item : y) out.push(convert(item));
        break;
      case YAML::NodeType::Map:
        out = Node::map(m);
        for (const auto& kv : y) {
          std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
          Mark km = mark_of(kv.first.Mark());
          if (!kv.first.IsScalar() && !error_)
            error_ = Diagnostic::error(km, "mapping keys must be plain strings", "yaml-syntax");
          if (out.find_entry(key) && !error_)
            error_ = Diagnostic::error(km, fmt::format("duplicate key '{}'", key), "yaml-duplicate-key",
                                       fmt::format("'{}' is already defined at line {}", key,
                                                   out.find_entry(key)->key_mark.line));
          out.entries().push_back({key, km, convert(kv.second)});
        }
        break;
    }
    return apply_tag(y.Tag(), std::move(out), m);
  }

  std::optional<Diagnostic> error_;

 private:
  Mark mark_of(const YAML::Mark& ym) const {
    if (ym.line < 0) return Mark{src_, 0, 0};
    return Mark{src_, ym.line + 1, ym.column + 1};
  }

  char style_at(const YAML::Mark& ym) const {
    if (ym.pos < 0 || static_cast<size_t>(ym.pos) >= src_->text().size()) return 0;
    char c = src_->text()[ym.pos];
    return (c == '|' || c == '>' || c == '"' || c == '\'') ? c : 0;
  }

  Node apply_tag(const std::string& tag, Node value, const Mark& m) {
    if (tag.size() < 2 || tag[0] != '!' || tag[1] == '!') return value;
    std::string name = tag.substr(1);
    if (std::find(kTags.begin(), kTags.end(), name) == kTags.end()) {
      if (!error_) {
        std::string near = text::closest(name, kTags);
        error_ = Diagnostic::error(
            m, fmt::format("unknown tag '{}'", tag), "yaml-unknown-tag",
            near.empty() ? "CloudFormation accepts the short forms !Ref, !GetAtt, !Sub, ..."
                         : fmt::format("did you mean '!{}'?", near));
      }
      return value;
    }
    Node call = Node::map(m);
    if (name == "Ref" || name == "Condition") {
      call.set(name, std::move(value), m);
    } else if (name == "GetAtt" && value.is_scalar()) {
      // `!GetAtt A.B.C` splits on the first dot only: [A, "B.C"].
      const std::string& s = value.str();
      size_t dot = s.find('.');
      Node args = Node::sequence(value.mark());
      args.push(Node::scalar(s.substr(0, dot), value.mark(), true));
      if (dot != std::string::npos) args.push(Node::scalar(s.substr(dot + 1), value.mark(), true));
      call.set("Fn::GetAtt", std::move(args), m);
    } else {
      call.set("Fn::" + name, std::move(value), m);
    }
    return call;
  }

  SourceRef src_;
};

}  // namespace

const std::vector<std::string>& short_form_tags() { return kTags; }

LoadResult load_text(const std::string& path, std::string text) {
  auto src = std::make_shared<const SourceText>(path, std::move(text));
  try {
    YAML::Node root = YAML::Load(src->text());
    Converter conv(src);
    Node n = conv.convert(root);
    if (conv.error_) return unexpected(*conv.error_);
    return n;
  } catch (const YAML::Exception& e) {
    Mark m{src, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0};
    return unexpected(Diagnostic::error(m, e.msg, "yaml-syntax"));
  } catch (const std::exception& e) {
    return unexpected(Diagnostic::error(Mark{src, 0, 0}, e.what(), "yaml-syntax"));
  }
}

LoadResult load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    auto src = std::make_shared<const SourceText>(path, "");
    return unexpected(Diagnostic::error(Mark{src, 0, 0}, "cannot open file", "io",
                                        "check the path; it is relative to the current directory"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return load_text(path, ss.str());
}

}  // namespace pipemu::model
