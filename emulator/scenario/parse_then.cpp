// The `then` section: every expectation keeps the mark of the node that stated it.
#include <fmt/format.h>

#include "model/node_read.hpp"
#include "scenario/parse_support.hpp"

namespace pipemu::scenario::detail {

using model::Node;
using K = Expectation::Kind;

namespace {

Expectation make(K kind, const model::Mark& mark) {
  Expectation e;
  e.kind = kind;
  e.mark = mark;
  return e;
}

void parse_order(const Node& n, std::vector<Expectation>& out, Reader& r) {
  if (!n.is_sequence()) {
    r.error(n.mark(), "then.order must be a list of `before: [A, B]` or `overlap: [A, B, C]`");
    return;
  }
  for (const auto& item : n.items()) {
    if (!r.map(item, "an order constraint", {"before", "overlap"})) continue;
    if (auto* b = item.find("before")) {
      auto names = r.text_list(*b, "before");
      if (names.size() != 2) {
        r.error(b->mark(), "before takes two actions: [finishes-first, starts-after]");
        continue;
      }
      auto e = make(K::Before, b->mark());
      e.a = names[0].value;
      e.b = names[1].value;
      e.names = names;
      out.push_back(std::move(e));
    }
    if (auto* o = item.find("overlap")) {
      auto e = make(K::Overlap, o->mark());
      e.names = r.text_list(*o, "overlap");
      if (e.names.size() < 2) r.error(o->mark(), "overlap takes at least two actions");
      else out.push_back(std::move(e));
    }
  }
}

void parse_artifacts(const Node& n, std::vector<Expectation>& out, Reader& r) {
  if (!n.is_map()) {
    r.error(n.mark(), "then.artifacts must map artifact names to what they hold");
    return;
  }
  for (const auto& entry : n.entries()) {
    auto e = make(K::Artifact, entry.key_mark);
    e.name = entry.key;
    const Node& v = entry.value;
    if (!v.is_null() && r.map(v, "artifact " + entry.key, {"files", "sha256", "regions"})) {
      if (auto* x = v.find("files")) e.files = r.text_list(*x, "files");
      if (auto* x = v.find("sha256")) e.sha256 = r.str(*x, "sha256");
      if (auto* x = v.find("regions")) e.regions = r.text_list(*x, "regions");
    }
    out.push_back(std::move(e));
  }
}

void parse_stacks(const Node& n, std::vector<Expectation>& out, Reader& r) {
  if (!n.is_map()) {
    r.error(n.mark(), "then.stacks must map regions to stacks");
    return;
  }
  for (const auto& region : n.entries()) {
    if (!region.value.is_map()) {
      r.error(region.value.mark(), fmt::format("then.stacks.{} must map stack names to expectations", region.key));
      continue;
    }
    for (const auto& st : region.value.entries()) {
      const Node& v = st.value;
      if (v.is_scalar() && v.str() == "absent") {
        auto e = make(K::NoStack, st.key_mark);
        e.region = region.key;
        e.region_mark = region.key_mark;
        e.name = st.key;
        out.push_back(std::move(e));
        continue;
      }
      auto e = make(K::Stack, st.key_mark);
      e.region = region.key;
      e.region_mark = region.key_mark;
      e.name = st.key;
      if (v.is_scalar()) {
        e.expected = v.str();  // shorthand: the status
      } else if (r.map(v, "stack " + st.key, {"status", "reason", "resources", "outputs"})) {
        if (auto* x = v.find("status")) e.expected = r.str(*x, "status");
        if (auto* x = v.find("reason")) e.reason_contains = r.str(*x, "reason");
        if (auto* x = v.find("resources")) e.resources = r.text_map(*x, "resources");
        if (auto* x = v.find("outputs")) e.outputs = r.text_map(*x, "outputs");
      }
      out.push_back(std::move(e));
    }
  }
}

void parse_exports(const Node& n, std::vector<Expectation>& out, Reader& r) {
  if (!n.is_map()) {
    r.error(n.mark(), "then.exports must map regions to exports");
    return;
  }
  for (const auto& region : n.entries()) {
    for (auto& [name, value] : r.text_map(region.value, "then.exports." + region.key)) {
      auto e = make(value.value == "absent" ? K::NoExport : K::Export, value.mark);
      e.region = region.key;
      e.region_mark = region.key_mark;
      e.name = name;
      e.expected = value.value == "*" || value.value == "absent" ? std::string() : value.value;
      out.push_back(std::move(e));
    }
  }
}

// stages/actions/errors/logs: name -> word or text.
void parse_named(const Node& n, K kind, const std::string& what, std::vector<Expectation>& out,
                 Reader& r) {
  if (!n.is_map()) {
    r.error(n.mark(), fmt::format("then.{} must map names to values", what));
    return;
  }
  for (const auto& entry : n.entries()) {
    auto e = make(kind, entry.key_mark);
    if (kind == K::StageStatus) e.stage = entry.key;
    else e.action = entry.key;
    if (kind == K::StageStatus || kind == K::ActionStatus)
      e.expected = r.word(entry.value, "status", status_words());
    else
      e.expected = r.str(entry.value, what + "." + entry.key);
    out.push_back(std::move(e));
  }
}

}  // namespace

std::vector<Expectation> parse_then(const Node& then, Reader& r) {
  std::vector<Expectation> out;
  if (!r.map(then, "then", {"started", "status", "summary_contains", "stages", "actions", "errors",
                            "logs", "order", "artifacts", "stacks", "exports", "nothing_in"}))
    return out;
  if (auto* x = then.find("started")) {
    auto e = make(K::Started, x->mark());
    auto b = model::read::boolean(*x);
    if (!b) r.error(x->mark(), "then.started must be true or false");
    e.expected = b.value_or(true) ? "true" : "false";
    out.push_back(std::move(e));
  }
  if (auto* x = then.find("status")) {
    auto e = make(K::Status, x->mark());
    e.expected = r.word(*x, "then.status", {"Succeeded", "Failed", "Stopped"});
    out.push_back(std::move(e));
  }
  if (auto* x = then.find("summary_contains"))  // one text, or a list: each must be contained
    for (auto& t : r.text_list(*x, "then.summary_contains")) {
      auto e = make(K::ErrorContains, t.mark);
      e.expected = t.value;
      out.push_back(std::move(e));
    }
  if (auto* x = then.find("stages")) parse_named(*x, K::StageStatus, "stages", out, r);
  if (auto* x = then.find("actions")) parse_named(*x, K::ActionStatus, "actions", out, r);
  if (auto* x = then.find("errors")) parse_named(*x, K::ErrorContains, "errors", out, r);
  if (auto* x = then.find("logs")) parse_named(*x, K::LogContains, "logs", out, r);
  if (auto* x = then.find("order")) parse_order(*x, out, r);
  if (auto* x = then.find("artifacts")) parse_artifacts(*x, out, r);
  if (auto* x = then.find("stacks")) parse_stacks(*x, out, r);
  if (auto* x = then.find("exports")) parse_exports(*x, out, r);
  if (auto* x = then.find("nothing_in"))
    for (auto& t : r.text_list(*x, "then.nothing_in")) {
      auto e = make(K::Nothing, t.mark);
      e.region = t.value;
      out.push_back(std::move(e));
    }
  if (out.empty()) r.error(then.mark(), "then states nothing; a scenario must expect something");
  return out;
}

}  // namespace pipemu::scenario::detail
