// The page's text sections: the header with the outcome, the failures (first, because that is
// what the reader came for) and the artifacts and stacks tables.
#include <fmt/format.h>

#include "engine/run_record_json.hpp"
#include "report/format.hpp"
#include "report/html.hpp"
#include "report/html_parts.hpp"

namespace pipemu::report::html {

namespace {

std::string row(std::string_view key, const std::string& value_html) {
  return fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", key, value_html);
}

}  // namespace

std::string header(const RunView& v) {
  const auto& run = *v.run;
  std::string out = "<header>\n";
  out += fmt::format("<h1><span class=\"pill {}\">{} {}</span> {}</h1>\n", status_class(run.status),
                     status_glyph(run.status), engine::to_string(run.status),
                     html_escape(run.pipeline_name));
  if (!run.status_summary.empty())
    out += "<p class=\"summary\">" + html_escape(run.status_summary) + "</p>\n";
  out += "<dl class=\"meta\">";
  out += row("Execution", "<code>" + html_escape(run.execution_id) + "</code>");
  out += row("Pipeline region", html_escape(run.pipeline_region));
  out += row("Started", html_escape(engine::iso8601(run.started)));
  out += row("Duration", format_duration(run.duration_ms()));
  std::size_t n = v.actions.size(), ok = 0;
  for (const auto& a : v.actions) ok += a.action->status == engine::Status::Succeeded;
  out += row("Actions", fmt::format("{} of {} succeeded", ok, n));
  std::vector<std::string> regions;
  for (const auto& r : v.regions)
    regions.push_back("<span class=\"chip " + region_class(v, r) + "\">" + html_escape(r) +
                      "</span>");
  std::string joined;
  for (const auto& r : regions) joined += r + " ";
  out += row("Regions", joined);
  const auto& t = run.trigger;
  out += row("Trigger", html_escape(t.type + (t.detail.empty() ? "" : ": " + t.detail)));
  if (!t.commit.empty())
    out += row("Revision", fmt::format("{} <code>{}</code> on {} — {}", html_escape(t.repository),
                                       html_escape(t.commit.substr(0, 12)), html_escape(t.branch),
                                       html_escape(t.commit_message)));
  if (!run.template_path.empty())
    out += row("Template", "<code>" + html_escape(run.template_path) + "</code>");
  out += "</dl>\n</header>\n";
  return out;
}

std::string failures(const RunView& v) {
  auto failed = v.failed();
  if (failed.empty() && v.run->status != engine::Status::Failed) return "";
  std::string out = "<section id=\"failures\"><h2>What failed</h2>\n";
  if (failed.empty()) {  // failed before any action did
    out +=
        "<div class=\"failure\"><h3>✘ Failed before any action ran</h3>\n"
        "<p class=\"label\">AWS would have said</p><pre class=\"aws-msg\">" +
        html_escape(v.run->status_summary) + "</pre>\n";
    if (v.run_advice)
      out += "<p class=\"label\">What it means</p><p>" + html_escape(v.run_advice->meaning) +
             "</p>\n<p class=\"label\">Usual fix</p><p class=\"fix\">" +
             html_escape(v.run_advice->fix) + "</p>\n";
    out += "</div>\n";
  }
  for (const ActionView* f : failed) {
    const auto& a = *f->action;
    out += fmt::format(
        "<div class=\"failure\" data-action=\"{}\"><h3>✘ <a href=\"#{}\">{} / {}</a> in "
        "<span class=\"chip {}\">{}</span> <small>{} {} {}</small></h3>\n",
        html_escape(a.name), f->anchor, html_escape(f->stage->name), html_escape(a.name),
        region_class(v, a.region), html_escape(a.region), html_escape(a.category),
        html_escape(a.provider), html_escape(f->mode));
    out += "<p class=\"label\">AWS would have said</p><pre class=\"aws-msg\">" +
           html_escape(a.error_code.empty() ? a.error : a.error_code + ": " + a.error) + "</pre>\n";
    if (f->advice) {
      out += "<p class=\"label\">What it means</p><p>" + html_escape(f->advice->meaning) + "</p>\n";
      out += "<p class=\"label\">Usual fix</p><p class=\"fix\">" + html_escape(f->advice->fix) +
             "</p>\n";
    }
    if (!a.log_tail.empty()) {
      out += "<p class=\"label\">Log tail</p><pre class=\"log\">";
      for (const auto& l : a.log_tail) out += html_escape(strip_control(l)) + "\n";
      out += "</pre>\n";
    }
    out += "</div>\n";
  }
  out += "</section>\n";
  return out;
}

std::string artifacts(const RunView& v) {
  std::string out = "<section id=\"artifacts\"><h2>Artifacts</h2>\n";
  if (v.flows.empty()) return out + "<p class=\"hint\">No artifacts.</p></section>\n";
  out +=
      "<table class=\"grid\"><thead><tr><th>Artifact</th><th>Produced by</th><th>Read by</th>"
      "<th>Size</th><th>SHA-256</th><th>Copies</th></tr></thead><tbody>\n";
  for (const auto& f : v.flows) {
    std::string producer =
        f.producer >= 0 ? v.actions[static_cast<std::size_t>(f.producer)].action->name : "";
    std::vector<std::string> readers;
    for (int c : f.consumers)
      readers.push_back(v.actions[static_cast<std::size_t>(c)].action->name);
    out += fmt::format("<tr data-artifact=\"{}\"><td><b>{}</b></td><td>{}</td><td>{}</td>",
                       html_escape(f.artifact), html_escape(f.artifact), html_escape(producer),
                       html_escape(join_words(readers, "—")));
    if (!f.record) {
      out += "<td colspan=\"3\" class=\"muted\">not produced in this run</td></tr>\n";
      continue;
    }
    const auto& r = *f.record;
    out += fmt::format("<td>{}</td><td><code class=\"hash\" title=\"{}\">{}</code></td><td>",
                       format_size(r.size), html_escape(r.sha256), html_escape(r.sha256));
    for (const auto& l : r.locations)
      out += fmt::format("<div><span class=\"chip {}\">{}</span> <code>s3://{}/{}</code></div>",
                         region_class(v, l.region), html_escape(l.region), html_escape(l.bucket),
                         html_escape(l.key));
    if (!r.files.empty()) {
      out += fmt::format("<details class=\"files\"><summary>{} file{}</summary><ul>",
                         r.files.size(), r.files.size() == 1 ? "" : "s");
      for (const auto& file : r.files)
        out += fmt::format("<li><code>{}</code> <span class=\"muted\">{}</span></li>",
                           html_escape(file.path), format_size(file.size));
      out += "</ul></details>";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody></table></section>\n";
  return out;
}

std::string stacks(const RunView& v) {
  const auto& run = *v.run;
  if (run.stacks.empty()) return "";
  std::string out = "<section id=\"stacks\"><h2>Stacks by region</h2>\n";
  for (const auto& region : v.regions) {
    bool any = false;
    for (const auto& s : run.stacks) any |= s.region == region;
    if (!any) continue;
    out += fmt::format("<h3><span class=\"chip {}\">{}</span></h3>\n", region_class(v, region),
                       html_escape(region));
    out +=
        "<table class=\"grid\"><thead><tr><th>Stack</th><th>Status</th><th>Touched by</th>"
        "<th>Changes</th><th>Outputs</th><th>Exports</th></tr></thead><tbody>\n";
    for (const auto& s : run.stacks) {
      if (s.region != region) continue;
      bool bad = s.status.find("FAILED") != std::string::npos ||
                 s.status.find("ROLLBACK") != std::string::npos;
      std::string changes;
      for (const auto& c : s.changes)
        changes += fmt::format(
            "<div><span class=\"chg chg-{}\">{}</span> {} <span "
            "class=\"muted\">{}</span></div>",
            html_escape(c.action), html_escape(c.action), html_escape(c.logical_id),
            html_escape(c.type));
      std::string outputs, exports;
      for (const auto& [k, val] : s.outputs)
        outputs += "<div><code>" + html_escape(k) + "</code> = " + html_escape(val) + "</div>";
      for (const auto& [k, val] : s.exports)
        exports += "<div><code>" + html_escape(k) + "</code> = " + html_escape(val) + "</div>";
      out += fmt::format(
          "<tr><td><b>{}</b></td><td><span class=\"stack-status{}\">{}</span>{}</td><td>{}</td>"
          "<td>{}</td><td>{}</td><td>{}</td></tr>\n",
          html_escape(s.stack_name), bad ? " bad" : "", html_escape(s.status),
          s.status_reason.empty()
              ? ""
              : "<div class=\"muted\">" + html_escape(s.status_reason) + "</div>",
          s.action_name.empty() ? "<i>pipeline stack</i>"
                                : html_escape(s.action_name + " (" + s.action_mode + ")"),
          changes.empty() ? "—" : changes, outputs.empty() ? "—" : outputs,
          exports.empty() ? "—" : exports);
    }
    out += "</tbody></table>\n";
  }
  out += "</section>\n";
  return out;
}

}  // namespace pipemu::report::html
