// The actions section: every action as a <details> element (failed ones open), whose summary is
// the status line and whose body teaches: what the action does in words (knowledge table), the
// artifacts it read (with the regional copy) and wrote, the stack it touched and the change set,
// its variables, AWS's message with the usual fix, and the log tail.
#include <fmt/format.h>

#include "engine/run_record_json.hpp"
#include "report/format.hpp"
#include "report/html.hpp"
#include "report/html_parts.hpp"

namespace pipemu::report::html {

namespace {

std::string artifact_line(const RunView& v, const std::string& name, const std::string& region) {
  const engine::ArtifactRecord* r = v.run->artifact(name);
  std::string out = "<li><b>" + html_escape(name) + "</b>";
  if (!r) return out + " <span class=\"muted\">(not recorded)</span></li>";
  out +=
      fmt::format(" <code class=\"hash\" title=\"sha256 {}\">{}</code> {}", html_escape(r->sha256),
                  html_escape(short_hash(r->sha256)), format_size(r->size));
  for (const auto& l : r->locations)
    if (l.region == region)
      out += fmt::format(" <span class=\"muted\">from s3://{}/{}</span>", html_escape(l.bucket),
                         html_escape(l.key));
  return out + "</li>";
}

std::string stack_block(const engine::StackRecord& s) {
  std::string out = fmt::format(
      "<p class=\"label\">Stack</p><p><b>{}</b> in {}: <span class=\"stack-status\">{}</span>{}"
      "{}</p>",
      html_escape(s.stack_name), html_escape(s.region), html_escape(s.status),
      s.status_reason.empty() ? "" : " — " + html_escape(s.status_reason),
      s.change_set_name.empty()
          ? ""
          : " (change set <code>" + html_escape(s.change_set_name) + "</code>)");
  if (!s.changes.empty()) {
    out +=
        "<table class=\"grid small\"><thead><tr><th>Change</th><th>Logical ID</th><th>Type</th>"
        "<th>Replacement</th></tr></thead><tbody>";
    for (const auto& c : s.changes)
      out += fmt::format(
          "<tr><td><span class=\"chg chg-{}\">{}</span></td><td>{}</td><td>{}</td>"
          "<td>{}</td></tr>",
          html_escape(c.action), html_escape(c.action), html_escape(c.logical_id),
          html_escape(c.type), html_escape(c.replacement));
    out += "</tbody></table>";
  }
  if (!s.outputs.empty()) {
    out += "<p class=\"label\">Stack outputs</p><ul class=\"kv\">";
    for (const auto& [k, val] : s.outputs)
      out += "<li><code>" + html_escape(k) + "</code> = " + html_escape(val) + "</li>";
    out += "</ul>";
  }
  return out;
}

std::string action_details(const RunView& v, const ActionView& av) {
  const auto& a = *av.action;
  bool failed = a.status == engine::Status::Failed;
  std::string out = fmt::format(
      "<details class=\"action {}\" id=\"{}\" data-region=\"{}\" data-run-order=\"{}\"{}>\n",
      status_class(a.status), av.anchor, html_escape(a.region), a.run_order, failed ? " open" : "");
  out += fmt::format(
      "<summary><span class=\"glyph\">{}</span> <b>{}</b> <span class=\"chip {}\">{}</span> "
      "<span class=\"ro\" title=\"RunOrder\">RunOrder {}</span> <span class=\"muted\">{} · {}{}"
      "</span> <span class=\"dur\">{}</span><span class=\"sum\">{}</span></summary>\n",
      status_glyph(a.status), html_escape(a.name), region_class(v, a.region), html_escape(a.region),
      a.run_order, html_escape(a.category), html_escape(a.provider),
      av.mode.empty() ? "" : " · " + html_escape(av.mode),
      a.started ? format_duration(a.duration_ms()) : "not run",
      html_escape(failed ? a.error : a.summary));
  out += "<div class=\"body\">\n<p class=\"label\">What it does</p><p class=\"does\">" +
         html_escape(av.description) + "</p>\n";
  if (!a.summary.empty())
    out += "<p class=\"label\">What happened</p><p>" + html_escape(a.summary) + "</p>\n";
  out += "<div class=\"io\"><div><p class=\"label\">Inputs</p><ul>";
  for (const auto& in : a.input_artifacts) out += artifact_line(v, in, a.region);
  if (a.input_artifacts.empty()) out += "<li class=\"muted\">none</li>";
  out += "</ul></div><div><p class=\"label\">Outputs</p><ul>";
  for (const auto& o : a.output_artifacts) out += artifact_line(v, o, v.run->pipeline_region);
  if (a.output_artifacts.empty()) out += "<li class=\"muted\">none</li>";
  out += "</ul></div></div>\n";
  if (av.stack) out += stack_block(*av.stack);
  if (!a.output_variables.empty()) {
    out += fmt::format("<p class=\"label\">Variables (namespace {})</p><ul class=\"kv\">",
                       html_escape(a.namespace_name.empty() ? "none" : a.namespace_name));
    for (const auto& [k, val] : a.output_variables)
      out += "<li><code>" + html_escape(k) + "</code> = " + html_escape(val) + "</li>";
    out += "</ul>\n";
  }
  if (failed) {
    out += "<p class=\"label\">AWS would have said</p><pre class=\"aws-msg\">" +
           html_escape(a.error_code.empty() ? a.error : a.error_code + ": " + a.error) + "</pre>";
    if (av.advice)
      out += "<p class=\"label\">Usual fix</p><p class=\"fix\">" + html_escape(av.advice->fix) +
             "</p>";
  }
  if (!a.log_tail.empty()) {
    out += "<p class=\"label\">Log tail</p><pre class=\"log\">";
    for (const auto& l : a.log_tail) out += html_escape(strip_control(l)) + "\n";
    out += "</pre>\n";
  }
  out += "<p class=\"ids muted\">";
  if (!a.action_execution_id.empty())
    out += "action execution <code>" + html_escape(a.action_execution_id) + "</code> ";
  if (!a.role_arn.empty()) out += "role <code>" + html_escape(a.role_arn) + "</code> ";
  if (a.started)
    out += "from " + html_escape(engine::iso8601(a.started)) + " to " +
           html_escape(engine::iso8601(a.finished));
  out += "</p>\n</div></details>\n";
  return out;
}

}  // namespace

std::string actions(const RunView& v) {
  std::string out =
      "<section id=\"actions\"><h2>Actions <button type=\"button\" "
      "id=\"expand-all\">expand all</button></h2>\n";
  std::size_t k = 0;
  for (const auto& stage : v.run->stages) {
    out += fmt::format("<h3 class=\"stage-title\"><span class=\"pill {}\">{} {}</span> {}</h3>\n",
                       status_class(stage.status), status_glyph(stage.status),
                       engine::to_string(stage.status), html_escape(stage.name));
    for (std::size_t i = 0; i < stage.actions.size(); ++i) out += action_details(v, v.actions[k++]);
  }
  out += "</section>\n";
  return out;
}

}  // namespace pipemu::report::html
