#include "report/json_lines.hpp"

#include "engine/run_record_json.hpp"
#include "report/report_json.hpp"
#include "report/view.hpp"

namespace pipemu::report {

using nlohmann::json;

namespace {

json base(const char* name, engine::TimePoint at) {
  return {{"event", name}, {"time", engine::iso8601(at)}, {"at_ms", at}};
}

struct ToJson {
  json operator()(const engine::ExecutionStarted& e) const {
    json j = base("ExecutionStarted", e.at);
    j["execution_id"] = e.execution_id;
    j["pipeline_name"] = e.pipeline_name;
    j["pipeline_region"] = e.pipeline_region;
    j["trigger"] = {{"type", e.trigger.type},
                    {"detail", e.trigger.detail},
                    {"repository", e.trigger.repository},
                    {"branch", e.trigger.branch},
                    {"commit", e.trigger.commit},
                    {"commit_message", e.trigger.commit_message}};
    j["stages"] = json::array();
    for (const auto& s : e.stages) {
      json st = {{"name", s.name}, {"actions", json::array()}};
      for (const auto& a : s.actions)
        st["actions"].push_back({{"name", a.name},
                                 {"region", a.region},
                                 {"run_order", a.run_order},
                                 {"category", a.category},
                                 {"provider", a.provider}});
      j["stages"].push_back(std::move(st));
    }
    return j;
  }
  json operator()(const engine::StageStarted& e) const {
    json j = base("StageStarted", e.at);
    j["stage"] = e.stage;
    return j;
  }
  json operator()(const engine::ActionStarted& e) const {
    json j = base("ActionStarted", e.at);
    j["stage"] = e.stage;
    j["action"] = e.action;
    j["region"] = e.region;
    j["run_order"] = e.run_order;
    j["category"] = e.category;
    j["provider"] = e.provider;
    j["action_execution_id"] = e.action_execution_id;
    return j;
  }
  json operator()(const engine::ActionLog& e) const {
    json j = base("ActionLog", e.at);
    j["stage"] = e.stage;
    j["action"] = e.action;
    j["region"] = e.region;
    j["line"] = e.line;
    return j;
  }
  json operator()(const engine::ActionFinished& e) const {
    json j = base("ActionFinished", e.at);
    j["stage"] = e.stage;
    j["action"] = e.action;
    j["region"] = e.region;
    j["status"] = engine::to_string(e.outcome);
    j["ms"] = e.ms;
    j["error"] = e.error;
    j["summary"] = e.summary;
    j["log_tail"] = e.log_tail;
    return j;
  }
  json operator()(const engine::StageFinished& e) const {
    json j = base("StageFinished", e.at);
    j["stage"] = e.stage;
    j["status"] = engine::to_string(e.status);
    j["ms"] = e.ms;
    return j;
  }
  json operator()(const engine::Notice& e) const {
    json j = base("Notice", e.at);
    static const char* levels[] = {"info", "warning", "error"};
    j["level"] = levels[static_cast<int>(e.level)];
    j["text"] = e.text;
    return j;
  }
  json operator()(const engine::ExecutionFinished& e) const {
    json j = base("ExecutionFinished", e.at);
    j["execution_id"] = e.execution_id;
    j["status"] = engine::to_string(e.status);
    j["ms"] = e.ms;
    j["summary"] = e.summary;
    j["failures"] = json::array();
    if (e.record) {
      RunView view = make_view(*e.record);
      for (const ActionView* v : view.failed())
        j["failures"].push_back({{"stage", v->stage->name},
                                 {"action", v->action->name},
                                 {"region", v->action->region},
                                 {"error", v->action->error},
                                 {"error_code", v->action->error_code},
                                 {"fix", v->advice ? json(v->advice->fix) : json(nullptr)}});
      j["record"] = report_json(*e.record);
    }
    return j;
  }
};

}  // namespace

json event_to_json(const engine::Event& event) {
  return std::visit(ToJson{}, event);
}

void JsonLinesReporter::on_event(const engine::Event& event) {
  // dump() escapes control characters, so a log line can never break the one-object-per-line
  // framing; invalid UTF-8 from a build log is replaced rather than thrown.
  out_ << event_to_json(event).dump(-1, ' ', false, json::error_handler_t::replace) << "\n"
       << std::flush;
}

}  // namespace pipemu::report
