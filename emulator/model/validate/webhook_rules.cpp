// Webhooks (aws-semantics §7): the target action must be a source action of the target
// pipeline, and every `{Key}` in a filter's MatchEquals is replaced by that action's
// configuration value, so the key must exist there.
#include <fmt/format.h>

#include <algorithm>

#include "model/text.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

void check_authentication(const Webhook& w, Diagnostics& d) {
  static const std::vector<std::string> kinds = {"GITHUB_HMAC", "IP", "UNAUTHENTICATED"};
  if (w.authentication.empty()) return;  // missing: reported by the loader
  if (std::find(kinds.begin(), kinds.end(), w.authentication) == kinds.end()) {
    std::string near = text::closest(w.authentication, kinds);
    d.error(w.authentication_mark,
            fmt::format("Authentication '{}' is not one of GITHUB_HMAC, IP, UNAUTHENTICATED",
                        w.authentication),
            "webhook-auth", near.empty() ? std::string() : fmt::format("did you mean '{}'?", near));
  } else if (w.authentication == "GITHUB_HMAC" && w.secret_token.is_null()) {
    d.error(w.authentication_mark,
            "GITHUB_HMAC authentication needs AuthenticationConfiguration.SecretToken",
            "webhook-auth",
            "the same secret GitHub signs each delivery with (X-Hub-Signature-256)");
  } else if (w.authentication == "IP" && w.allowed_ip_range.empty()) {
    d.error(w.authentication_mark,
            "IP authentication needs AuthenticationConfiguration.AllowedIPRange (a CIDR)",
            "webhook-auth");
  }
}

void check_filters(const Webhook& w, const Action* target, Diagnostics& d) {
  if (w.filters.size() > 5)
    d.error(w.filters[5].mark,
            fmt::format("a webhook takes 1 to 5 Filters, not {}", w.filters.size()),
            "webhook-filter");
  for (const auto& f : w.filters) {
    if (!f.json_path.empty() && f.json_path[0] != '$')
      d.error(f.mark,
              fmt::format("JsonPath '{}' must start with '$' (e.g. \"$.ref\")", f.json_path),
              "webhook-filter");
    if (!target) continue;
    const std::string& m = f.match_equals;
    for (size_t open = m.find('{'); open != std::string::npos; open = m.find('{', open + 1)) {
      size_t close = m.find('}', open);
      if (close == std::string::npos) break;
      std::string key = m.substr(open + 1, close - open - 1);
      if (target->config_node(key)) continue;
      auto keys = target->configuration.keys();
      std::string near = text::closest(key, keys);
      d.error(
          f.match_equals_mark,
          fmt::format(
              "MatchEquals '{}' uses {{{}}}, but source action '{}' has no configuration key '{}'; "
              "CodePipeline replaces {{Key}} with the action's configuration value",
              m, key, target->name, key),
          "webhook-placeholder",
          near.empty() ? fmt::format("its keys are {}", text::join(keys, ", "))
                       : fmt::format("did you mean '{{{}}}'?", near));
    }
  }
}

}  // namespace

void check_webhook(const Webhook& w, const Pipeline* target, Diagnostics& d) {
  check_authentication(w, d);
  const Action* action = nullptr;
  if (target && !w.target_action.empty()) {
    std::vector<std::string> sources;
    for (const auto& s : target->stages)
      for (const auto& a : s.actions)
        if (a.type.category == "Source") sources.push_back(a.name);
    const Stage* stage = nullptr;
    action = target->action(w.target_action, &stage);
    if (action && action->type.category != "Source") {
      d.error(w.target_action_mark,
              fmt::format("TargetAction '{}' is a {} action in stage '{}'; a webhook can only "
                          "start a source action",
                          w.target_action, action->type.category, stage->name),
              "webhook-target-action",
              sources.empty() ? std::string()
                              : fmt::format("source actions: {}", text::join(sources, ", ")));
      action = nullptr;
    } else if (!action) {
      std::string near = text::closest(w.target_action, sources);
      d.error(w.target_action_mark,
              fmt::format("TargetAction '{}' is not an action of pipeline '{}'", w.target_action,
                          target->name),
              "webhook-target-action",
              !near.empty()     ? fmt::format("did you mean '{}'?", near)
              : sources.empty() ? std::string()
                                : fmt::format("source actions: {}", text::join(sources, ", ")));
    }
  }
  check_filters(w, action, d);
  if (action && action->config("PollForSourceChanges") != "false")
    d.warning(
        action->config_node("PollForSourceChanges") ? action->config_mark("PollForSourceChanges")
                                                    : action->mark,
        fmt::format(
            "source action '{}' is started by a webhook but also polls for changes "
            "(PollForSourceChanges defaults to true), so every push starts the pipeline twice",
            action->name),
        "webhook-poll", "set 'PollForSourceChanges: false' in its Configuration");
}

}  // namespace pipemu::model::validate
