// Where the pipeline lives (and why each region needs its own artifact bucket) and what starts
// it (its webhooks' filters in words).
#include <algorithm>

#include <fmt/format.h>

#include "model/webhook.hpp"
#include "report/explain/parts.hpp"
#include "report/explain/support.hpp"

namespace pipemu::report::explain {

namespace {

std::vector<std::string> actions_in(const Input& in, const std::string& region) {
  std::vector<std::string> out;
  for (const auto& s : in.pipeline->stages)
    for (const auto& a : s.actions)
      if (effective_region(in, a) == region) out.push_back(a.name);
  return out;
}

// "refs/heads/{Branch}" -> "refs/heads/master (the source action's Branch)".
std::string filter_value(const std::string& value, const model::Action* target) {
  auto open = value.find('{');
  auto close = value.find('}', open);
  if (!target || open == std::string::npos || close == std::string::npos) return value;
  std::string key = value.substr(open + 1, close - open - 1);
  std::string resolved = target->config(key);
  if (resolved.empty()) return value;
  return fmt::format("{}{}{} (the {} action's {})", value.substr(0, open), resolved,
                     value.substr(close + 1), target->name, key);
}

std::string auth_words(const model::Webhook& w) {
  if (w.authentication == "GITHUB_HMAC")
    return "GitHub signs each delivery with the webhook's secret token (GITHUB_HMAC); a delivery "
           "with a wrong signature is rejected.";
  if (w.authentication == "IP")
    return fmt::format("Only deliveries from {} are accepted (IP).", w.allowed_ip_range);
  return "Any delivery to the webhook's URL is accepted (UNAUTHENTICATED).";
}

}  // namespace

void describe_regions(Doc& doc, const Input& in) {
  const model::Pipeline& p = *in.pipeline;
  doc.heading(2, "Where it lives");
  doc.para(fmt::format("The pipeline lives in {} ({}).", in.region, in.region_source));
  if (p.artifact_stores.empty()) {
    if (p.artifact_store)
      doc.para(fmt::format("It has one artifact bucket, {}, so every action runs in {}.",
                           value_origin(in, p.artifact_store->location), in.region));
    return;
  }
  doc.para(
      "CodePipeline passes artifacts between actions through S3, and an action can only read "
      "artifacts from a bucket in its own region. So every region the pipeline acts in needs its "
      "own artifact bucket, named in ArtifactStores; CodePipeline copies each input artifact into "
      "the bucket of the region where the action runs.");
  for (const auto& s : p.artifact_stores) {
    auto users = actions_in(in, s.region);
    doc.bullet(fmt::format("{}: {}; used by {}.", s.region, value_origin(in, s.store.location),
                           users.empty() ? "no action" : join_words(users)));
  }
  // A region some action uses without a store is the classic cross-region mistake.
  std::vector<std::string> seen;
  for (const auto& s : p.stages)
    for (const auto& a : s.actions) {
      std::string r = effective_region(in, a);
      if (p.store_for(r) || std::find(seen.begin(), seen.end(), r) != seen.end()) continue;
      seen.push_back(r);
      doc.bullet(fmt::format("{}: no artifact store, yet {} runs there; CodePipeline rejects the "
                             "pipeline until ArtifactStores has an entry for {}.",
                             r, join_words(actions_in(in, r)), r));
    }
}

void describe_trigger(Doc& doc, const Input& in) {
  doc.heading(2, "What triggers it");
  int found = 0;
  for (const model::TemplateResource* r : in.tmpl->resources_of_type("AWS::CodePipeline::Webhook")) {
    auto parsed = model::webhook_from_cfn(r->properties, r->logical_id);
    const model::Webhook& w = parsed.value;
    const model::Node* target = w.target_pipeline.find("Ref");
    if (target && target->as_string() != in.pipeline_id) continue;
    ++found;
    const model::Action* action = in.pipeline->action(w.target_action);
    std::string event = action && action->type.provider == "GitHub" ? "a GitHub push"
                                                                    : "a webhook delivery";
    std::vector<std::string> conditions;
    for (const auto& f : w.filters)
      conditions.push_back(f.match_equals.empty()
                               ? fmt::format("has {}", f.json_path)
                               : fmt::format("whose {} equals {}", f.json_path,
                                             filter_value(f.match_equals, action)));
    doc.para(fmt::format("Webhook {} starts it on {}{}{}, by starting source action {}. {}",
                         r->logical_id, event, conditions.empty() ? "" : " ",
                         join_words(conditions), w.target_action, auth_words(w)));
  }
  if (found) return;
  for (const auto& s : in.pipeline->stages)
    for (const auto& a : s.actions)
      if (a.type.category == "Source" && a.config("PollForSourceChanges") != "false") {
        doc.para(fmt::format("No webhook targets it; CodePipeline polls source action {} for "
                             "changes.",
                             a.name));
        return;
      }
  doc.para("Nothing in the template starts it on a change (no webhook, polling off): it runs "
           "when its stack is created and when someone starts it by hand.");
}

}  // namespace pipemu::report::explain
