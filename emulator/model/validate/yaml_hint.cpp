#include "model/validate/yaml_hint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>

#include "model/text.hpp"

namespace pipemu::model::validate {
namespace {

const std::vector<std::string> kParameterAttributes = {
    "Type",      "Default",   "Description", "AllowedValues", "AllowedPattern",       "NoEcho",
    "MinLength", "MaxLength", "MinValue",    "MaxValue",      "ConstraintDescription"};

int indent_of(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && line[n] == ' ') ++n;
  return n;
}

bool blank_or_comment(std::string_view line) {
  std::string t = text::trim(line);
  return t.empty() || t[0] == '#';
}

// The key of a `key: value` / `key:` line, or "".
std::string key_of(std::string_view line) {
  std::string t = text::trim(line);
  if (t.rfind("- ", 0) == 0) t = text::trim(t.substr(2));
  size_t colon = t.find(':');
  if (colon == std::string::npos || colon == 0) return {};
  if (colon + 1 < t.size() && t[colon + 1] != ' ') return {};
  std::string key = t.substr(0, colon);
  return key.find(' ') == std::string::npos ? key : std::string();
}

bool has_value(std::string_view line) {
  std::string t = text::trim(line);
  size_t colon = t.find(": ");
  return colon != std::string::npos && !text::trim(t.substr(colon + 2)).empty();
}

// The top-level section (indent 0 key) that `line` belongs to.
std::string section_of(const SourceText& src, int line) {
  for (int l = line; l >= 1; --l) {
    std::string_view s = src.line(l);
    if (!blank_or_comment(s) && indent_of(s) == 0) return key_of(s);
  }
  return {};
}

std::string missing_parameter_name_hint(const SourceText& src, int parent_line,
                                        const std::string& attr, const std::string& child) {
  auto undefined = undefined_names_in_text(src.text());
  std::string indent(static_cast<size_t>(indent_of(src.line(parent_line))), ' ');
  std::string head = fmt::format(
      "line {} is missing the parameter's name: '{}:' sits where a parameter name belongs, so "
      "'{}:' cannot nest "
      "under it",
      parent_line, attr, child);
  if (undefined.empty())
    return head + fmt::format(
                      ". Add the name (e.g. '{}MyParameter:') above line {} and indent the "
                      "parameter's lines "
                      "under it",
                      indent, parent_line);
  const UndefinedName& u = undefined.front();
  std::string others;
  for (size_t i = 1; i < undefined.size(); ++i)
    others += fmt::format(", {} (line {})", undefined[i].usage, undefined[i].line);
  return head + fmt::format(
                    ". {} (line {}){} refers to nothing declared in the template: add '{}{}:' "
                    "above line {} and indent "
                    "the parameter's lines under it",
                    u.usage, u.line, others, indent, u.name, parent_line);
}

}  // namespace

std::vector<UndefinedName> undefined_names_in_text(std::string_view text) {
  std::set<std::string> defined;
  std::vector<UndefinedName> uses;
  static const std::regex use_re(
      R"((!Ref\s+|Ref:\s+|!GetAtt\s+|\$\{)([A-Za-z0-9]+)(::[A-Za-z]+)?(?=[}.\s]|$))");
  int line_no = 0;
  for (const auto& line : text::split(text, '\n')) {
    ++line_no;
    if (line.size() > 4096) continue;  // minified JSON: no YAML names to find, and regex cost
    std::string key = key_of(line);
    if (!key.empty()) defined.insert(key);
    for (auto it = std::sregex_iterator(line.begin(), line.end(), use_re);
         it != std::sregex_iterator(); ++it) {
      if ((*it)[3].matched) continue;  // AWS::Region and other pseudo parameters
      std::string prefix = text::trim((*it)[1].str());
      std::string usage =
          prefix == "${" ? "${" + (*it)[2].str() + "}" : prefix + " " + (*it)[2].str();
      uses.push_back({(*it)[2].str(), line_no, usage});
    }
  }
  std::vector<UndefinedName> out;
  std::set<std::string> seen;
  for (const auto& u : uses)
    if (!defined.count(u.name) && seen.insert(u.name).second) out.push_back(u);
  return out;
}

Diagnostic explain_template_yaml_error(Diagnostic d) {
  if (d.rule != "yaml-syntax" || !d.mark.known()) return d;
  const SourceText& src = *d.mark.source;
  int line = d.mark.line;
  std::string parser_message = d.message;
  d.message = fmt::format(
      "{}: CloudFormation would reject the template with \"Template format error: YAML not "
      "well-formed. (line {}, column {})\"",
      parser_message, line, d.mark.column);
  // The line the offending line tries to nest under: the closest non-blank line above it.
  int parent = line - 1;
  while (parent >= 1 && blank_or_comment(src.line(parent))) --parent;
  if (parent < 1) return d;
  std::string_view here = src.line(line), above = src.line(parent);
  std::string parent_key = key_of(above), child_key = key_of(here);
  bool nests_under_value =
      indent_of(here) > indent_of(above) && has_value(above) && !child_key.empty();
  if (!nests_under_value) return d;
  bool is_attr = std::find(kParameterAttributes.begin(), kParameterAttributes.end(), parent_key) !=
                 kParameterAttributes.end();
  if (is_attr && section_of(src, parent) == "Parameters" && indent_of(above) > 0) {
    d.hint = missing_parameter_name_hint(src, parent, parent_key, child_key);
  } else {
    d.hint = fmt::format(
        "line {} gives '{}' a value, so the more indented '{}:' on line {} cannot nest under it; "
        "align '{}:' with "
        "'{}:' or move the value of '{}' onto its own indented lines",
        parent, parent_key, child_key, line, child_key, parent_key, parent_key);
  }
  return d;
}

}  // namespace pipemu::model::validate
