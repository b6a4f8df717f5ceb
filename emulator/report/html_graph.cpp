// The stage/action graph as inline SVG: a column per stage, inside it a column per RunOrder with
// the actions stacked, each node coloured by status and linked to its details. Artifact flow is
// drawn as curves from the producing action to every consumer, one colour per artifact, with a
// legend. Layout is computed here (no JS, no external library) so the page needs no network.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "report/format.hpp"
#include "report/html.hpp"
#include "report/html_parts.hpp"

namespace pipemu::report::html {

namespace {

constexpr int kNodeW = 176, kNodeH = 46, kColGap = 56, kRowGap = 14, kStagePad = 14, kStageGap = 34,
              kTop = 34;
constexpr const char* kPalette[] = {"#0969da", "#8250df", "#bf3989", "#1a7f37",
                                    "#9a6700", "#cf222e", "#0550ae", "#6e7781"};

struct Pos {
  int x = 0, y = 0;
};

}  // namespace

std::string graph(const RunView& v) {
  const auto& run = *v.run;
  std::vector<Pos> pos(v.actions.size());
  struct StageBox {
    int x, w;
    std::string name;
    engine::Status status;
  };
  std::vector<StageBox> boxes;
  int x = 10, height = 0;
  std::size_t k = 0;
  for (const auto& stage : run.stages) {
    std::set<int> orders;
    for (const auto& a : stage.actions) orders.insert(a.run_order);
    int sx = x;
    int col = 0;
    for (int order : orders) {
      int row = 0;
      for (std::size_t i = 0; i < stage.actions.size(); ++i)
        if (stage.actions[i].run_order == order) {
          pos[k + i] = {x + kStagePad + col * (kNodeW + kColGap),
                        kTop + kStagePad + row * (kNodeH + kRowGap)};
          height = std::max(height, pos[k + i].y + kNodeH);
          ++row;
        }
      ++col;
    }
    int w = std::max(1, col) * (kNodeW + kColGap) - kColGap + 2 * kStagePad;
    boxes.push_back({sx, w, stage.name, stage.status});
    x += w + kStageGap;
    k += stage.actions.size();
  }
  int width = std::max(x - kStageGap + 10, 200);  // an empty pipeline still gets a frame
  height += kStagePad + 10;

  std::string svg = fmt::format(
      "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"stages, actions and artifact "
      "flow\">\n<defs>",
      width, height + 10, width, height + 10);
  for (int m = 0; m < 8; ++m)  // one arrowhead per palette colour (context-stroke is not portable)
    svg += fmt::format(
        "<marker id=\"arrow-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
        "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
        m, kPalette[m]);
  svg += "</defs>\n";
  for (const auto& b : boxes) {
    svg += fmt::format(
        "<g class=\"g-stage {}\"><rect x=\"{}\" y=\"4\" width=\"{}\" height=\"{}\" rx=\"10\"/>"
        "<text x=\"{}\" y=\"24\" class=\"g-stage-title\">{} {}</text></g>\n",
        status_class(b.status), b.x, b.w, height, b.x + 12, status_glyph(b.status),
        html_escape(b.name));
  }
  // Edges under the nodes.
  std::map<std::string, std::string> colors;
  for (std::size_t f = 0; f < v.flows.size(); ++f) {
    const auto& flow = v.flows[f];
    std::string color = kPalette[f % 8];
    colors[flow.artifact] = color;
    if (flow.producer < 0) continue;
    const Pos& p = pos[static_cast<std::size_t>(flow.producer)];
    for (int c : flow.consumers) {
      const Pos& q = pos[static_cast<std::size_t>(c)];
      int x1 = p.x + kNodeW, y1 = p.y + kNodeH / 2, x2 = q.x - 2, y2 = q.y + kNodeH / 2;
      int dx = std::max(30, (x2 - x1) / 2);
      const auto& consumer = *v.actions[static_cast<std::size_t>(c)].action;
      svg += fmt::format(
          "<path class=\"g-edge\" data-artifact=\"{}\" d=\"M{},{} C{},{} {},{} {},{}\" "
          "stroke=\"{}\" marker-end=\"url(#arrow-{})\"><title>{} → {} ({})</title></path>\n",
          html_escape(flow.artifact), x1, y1, x1 + dx, y1, x2 - dx, y2, x2, y2, color, f % 8,
          html_escape(flow.artifact), html_escape(consumer.name), html_escape(consumer.region));
    }
  }
  for (std::size_t i = 0; i < v.actions.size(); ++i) {
    const auto& av = v.actions[i];
    const auto& a = *av.action;
    svg += fmt::format(
        "<a href=\"#{}\" class=\"g-node {}\" data-action=\"{}\"><title>{}</title>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\"/>"
        "<text x=\"{}\" y=\"{}\" class=\"g-name\">{} {}</text>"
        "<text x=\"{}\" y=\"{}\" class=\"g-sub\">{} · RunOrder {}</text></a>\n",
        av.anchor, status_class(a.status), html_escape(a.name), html_escape(av.description),
        pos[i].x, pos[i].y, kNodeW, kNodeH, pos[i].x + 8, pos[i].y + 19, status_glyph(a.status),
        html_escape(truncate_columns(a.name, 21)), pos[i].x + 8, pos[i].y + 36,
        html_escape(a.region), a.run_order);
  }
  svg += "</svg>\n";

  std::string out = "<section id=\"graph\"><h2>Stages, actions and artifact flow</h2>\n";
  out +=
      "<p class=\"hint\">Stages run left to right; inside a stage each column is a RunOrder "
      "and the actions in one column run in parallel. Arrows carry artifacts from the action "
      "that produced them to the actions that read them.</p>\n";
  out += "<div class=\"graph-wrap\">" + svg + "</div>\n<ul class=\"legend\">";
  for (const auto& flow : v.flows) {
    std::vector<std::string> readers;
    for (int c : flow.consumers) {
      const auto& a = *v.actions[static_cast<std::size_t>(c)].action;
      readers.push_back(a.name + " (" + a.region + ")");
    }
    std::string producer = flow.producer >= 0
                               ? v.actions[static_cast<std::size_t>(flow.producer)].action->name
                               : std::string("outside the pipeline");
    out += fmt::format(
        "<li><span class=\"swatch\" style=\"background:{}\"></span><b>{}</b> from {} to {}</li>",
        colors[flow.artifact], html_escape(flow.artifact), html_escape(producer),
        html_escape(join_words(readers, "no action")));
  }
  out += "</ul></section>\n";
  return out;
}

}  // namespace pipemu::report::html
