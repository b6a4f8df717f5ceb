// The timeline: one lane per region (pipeline region first), inside it one row per action in
// pipeline order (stage, then RunOrder), each with a bar from the action's start to its end on a
// shared time axis. Stage spans are shaded behind the lanes, so parallel RunOrders line up.
#include <fmt/format.h>

#include <algorithm>

#include "report/format.hpp"
#include "report/html.hpp"
#include "report/html_parts.hpp"

namespace pipemu::report::html {

namespace {

struct Range {
  engine::TimePoint from = 0, to = 0;
  double pct(engine::TimePoint t) const {
    if (to <= from) return 0;
    return std::clamp(100.0 * static_cast<double>(t - from) / static_cast<double>(to - from), 0.0,
                      100.0);
  }
};

Range range_of(const engine::RunRecord& run) {
  Range r{run.started, run.finished};
  for (const auto& s : run.stages)
    for (const auto& a : s.actions) {
      if (a.started && (!r.from || a.started < r.from)) r.from = a.started;
      if (a.finished > r.to) r.to = a.finished;
    }
  if (r.to <= r.from) r.to = r.from + 1;
  return r;
}

std::string pct(double v) {
  return fmt::format("{:.3f}%", v);
}

}  // namespace

std::string timeline(const RunView& v) {
  const auto& run = *v.run;
  Range r = range_of(run);
  std::string out = "<section id=\"timeline\"><h2>Timeline</h2>\n";
  out +=
      "<p class=\"hint\">One lane per region, one bar per action from its start to its end. "
      "Bars that overlap ran in parallel (same RunOrder). Click a bar for details.</p>\n";
  out +=
      "<div class=\"tl\">\n<div class=\"tl-head\"><div class=\"tl-corner\"></div>"
      "<div class=\"tl-axis\">";
  for (int i = 0; i <= 10; i += 2) {
    engine::TimePoint t = (r.to - r.from) * i / 10;
    out += fmt::format("<span class=\"tl-tick\" style=\"left:{}\">{}</span>", pct(i * 10.0),
                       format_duration(t));
  }
  out +=
      "</div></div>\n<div class=\"tl-head\"><div class=\"tl-corner\">stages</div>"
      "<div class=\"tl-stages\">";
  for (const auto& s : run.stages) {
    if (!s.started) continue;
    engine::TimePoint end = s.finished ? s.finished : r.to;
    out += fmt::format(
        "<div class=\"tl-stage {}\" style=\"left:{};width:{}\" title=\"{}\"><span>{}</span></div>",
        status_class(s.status), pct(r.pct(s.started)), pct(r.pct(end) - r.pct(s.started)),
        html_escape(s.name + ": " + std::string(engine::to_string(s.status))), html_escape(s.name));
  }
  out += "</div></div>\n";

  for (const auto& region : v.regions) {
    std::vector<const ActionView*> rows;
    for (const auto& a : v.actions)
      if (a.action->region == region) rows.push_back(&a);
    if (rows.empty()) continue;
    std::stable_sort(rows.begin(), rows.end(), [](const ActionView* a, const ActionView* b) {
      if (a->stage_index != b->stage_index) return a->stage_index < b->stage_index;
      return a->action->run_order < b->action->run_order;
    });
    out += fmt::format("<div class=\"tl-lane {}\" data-region=\"{}\">\n", region_class(v, region),
                       html_escape(region));
    out += fmt::format("<div class=\"tl-lane-label\">{}{}</div>\n", html_escape(region),
                       region == run.pipeline_region ? " <small>pipeline region</small>" : "");
    for (const ActionView* a : rows) {
      const auto& act = *a->action;
      out += "<div class=\"tl-row\">";
      out += fmt::format(
          "<div class=\"tl-label\"><span class=\"tl-stage-name\">{}</span> "
          "<span class=\"ro\" title=\"RunOrder\">{}</span> <a href=\"#{}\">{}</a></div>",
          html_escape(a->stage->name), act.run_order, a->anchor, html_escape(act.name));
      out += "<div class=\"tl-track\">";
      if (act.started) {
        engine::TimePoint end = act.finished ? act.finished : r.to;
        double left = r.pct(act.started), width = std::max(r.pct(end) - left, 0.0);
        std::string tip = fmt::format(
            "{} / {} in {}, RunOrder {}: {} in {}", a->stage->name, act.name, act.region,
            act.run_order, engine::to_string(act.status), format_duration(act.duration_ms()));
        if (!act.error.empty()) tip += "\n" + act.error;
        tip += "\n" + a->description;
        out += fmt::format(
            "<a class=\"tl-bar {}\" href=\"#{}\" data-action=\"{}\" data-stage=\"{}\" "
            "data-start-ms=\"{}\" data-end-ms=\"{}\" style=\"left:{};width:{}\" title=\"{}\">"
            "<span>{} {}</span></a>",
            status_class(act.status), a->anchor, html_escape(act.name), html_escape(a->stage->name),
            act.started - r.from, end - r.from, pct(left), pct(width), html_escape(tip),
            html_escape(act.name), format_duration(act.duration_ms()));
      } else {
        out += fmt::format(
            "<span class=\"tl-none\">{}</span>",
            act.status == engine::Status::NotStarted ? "not run" : engine::to_string(act.status));
      }
      out += "</div></div>\n";
    }
    out += "</div>\n";
  }
  out += "</div></section>\n";
  return out;
}

}  // namespace pipemu::report::html
