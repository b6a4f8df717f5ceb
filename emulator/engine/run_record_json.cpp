#include "engine/run_record_json.hpp"

#include <ctime>

#include <fmt/format.h>

namespace pipemu::engine {

using nlohmann::json;

Status status_from_string(std::string_view s) {
  for (Status st : {Status::NotStarted, Status::InProgress, Status::Succeeded, Status::Failed,
                    Status::Stopped, Status::Abandoned})
    if (to_string(st) == s) return st;
  return Status::NotStarted;
}

std::string iso8601(TimePoint t) {
  if (t == 0) return "";
  std::time_t secs = static_cast<std::time_t>(t / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(t % 1000));
}

namespace {

void put_times(json& j, TimePoint started, TimePoint finished) {
  j["started"] = iso8601(started);
  j["finished"] = iso8601(finished);
  j["started_ms"] = started;
  j["finished_ms"] = finished;
  j["duration_ms"] = finished && started ? finished - started : 0;
}

template <class T>
T get_or(const json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  return it->get<T>();
}

std::string str(const json& j, const char* key) { return get_or<std::string>(j, key, ""); }

std::map<std::string, std::string> str_map(const json& j, const char* key) {
  std::map<std::string, std::string> out;
  if (auto it = j.find(key); it != j.end() && it->is_object())
    for (auto& [k, v] : it->items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
  return out;
}

std::vector<std::string> str_list(const json& j, const char* key) {
  std::vector<std::string> out;
  if (auto it = j.find(key); it != j.end() && it->is_array())
    for (auto& v : *it) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

const json& arr(const json& j, const char* key) {
  static const json empty = json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

}  // namespace

json to_json(const ActionRecord& a) {
  json j = {{"name", a.name},
            {"region", a.region},
            {"run_order", a.run_order},
            {"category", a.category},
            {"owner", a.owner},
            {"provider", a.provider},
            {"action_execution_id", a.action_execution_id},
            {"status", to_string(a.status)},
            {"error", a.error},
            {"error_code", a.error_code},
            {"summary", a.summary},
            {"log_tail", a.log_tail},
            {"input_artifacts", a.input_artifacts},
            {"output_artifacts", a.output_artifacts},
            {"namespace", a.namespace_name},
            {"output_variables", a.output_variables},
            {"role_arn", a.role_arn},
            {"configuration", a.configuration}};
  put_times(j, a.started, a.finished);
  return j;
}

json to_json(const StageRecord& s) {
  json j = {{"name", s.name}, {"status", to_string(s.status)}, {"actions", json::array()}};
  put_times(j, s.started, s.finished);
  for (const auto& a : s.actions) j["actions"].push_back(to_json(a));
  return j;
}

json to_json(const ArtifactRecord& a) {
  json j = {{"name", a.name},        {"produced_by", a.produced_by}, {"sha256", a.sha256},
            {"size", a.size},        {"files", json::array()},       {"locations", json::array()}};
  for (const auto& f : a.files) j["files"].push_back({{"path", f.path}, {"size", f.size}});
  for (const auto& l : a.locations)
    j["locations"].push_back({{"region", l.region}, {"bucket", l.bucket}, {"key", l.key}});
  return j;
}

json to_json(const StackRecord& s) {
  json j = {{"region", s.region},
            {"stack_name", s.stack_name},
            {"stack_id", s.stack_id},
            {"status", s.status},
            {"status_reason", s.status_reason},
            {"action_name", s.action_name},
            {"action_mode", s.action_mode},
            {"change_set_name", s.change_set_name},
            {"changes", json::array()},
            {"resources", json::array()},
            {"outputs", s.outputs},
            {"exports", s.exports},
            {"parameters", s.parameters}};
  for (const auto& c : s.changes)
    j["changes"].push_back({{"action", c.action},
                            {"logical_id", c.logical_id},
                            {"physical_id", c.physical_id},
                            {"type", c.type},
                            {"replacement", c.replacement}});
  for (const auto& r : s.resources)
    j["resources"].push_back({{"logical_id", r.logical_id},
                              {"physical_id", r.physical_id},
                              {"type", r.type},
                              {"status", r.status}});
  return j;
}

json to_json(const RunRecord& r) {
  json j = {{"schema_version", 1},
            {"execution_id", r.execution_id},
            {"pipeline_name", r.pipeline_name},
            {"pipeline_region", r.pipeline_region},
            {"template_path", r.template_path},
            {"status", to_string(r.status)},
            {"status_summary", r.status_summary},
            {"trigger",
             {{"type", r.trigger.type},
              {"detail", r.trigger.detail},
              {"repository", r.trigger.repository},
              {"branch", r.trigger.branch},
              {"commit", r.trigger.commit},
              {"commit_message", r.trigger.commit_message}}},
            {"stages", json::array()},
            {"artifacts", json::array()},
            {"stacks", json::array()},
            {"variables", r.variables}};
  put_times(j, r.started, r.finished);
  for (const auto& s : r.stages) j["stages"].push_back(to_json(s));
  for (const auto& a : r.artifacts) j["artifacts"].push_back(to_json(a));
  for (const auto& s : r.stacks) j["stacks"].push_back(to_json(s));
  return j;
}

RunRecord run_record_from_json(const json& j) {
  RunRecord r;
  r.execution_id = str(j, "execution_id");
  r.pipeline_name = str(j, "pipeline_name");
  r.pipeline_region = str(j, "pipeline_region");
  r.template_path = str(j, "template_path");
  r.status = status_from_string(str(j, "status"));
  r.status_summary = str(j, "status_summary");
  if (auto t = j.find("trigger"); t != j.end() && t->is_object()) {
    r.trigger.type = str(*t, "type");
    r.trigger.detail = str(*t, "detail");
    r.trigger.repository = str(*t, "repository");
    r.trigger.branch = str(*t, "branch");
    r.trigger.commit = str(*t, "commit");
    r.trigger.commit_message = str(*t, "commit_message");
  }
  r.started = get_or<TimePoint>(j, "started_ms", 0);
  r.finished = get_or<TimePoint>(j, "finished_ms", 0);
  for (const auto& sj : arr(j, "stages")) {
    StageRecord s;
    s.name = str(sj, "name");
    s.status = status_from_string(str(sj, "status"));
    s.started = get_or<TimePoint>(sj, "started_ms", 0);
    s.finished = get_or<TimePoint>(sj, "finished_ms", 0);
    for (const auto& aj : arr(sj, "actions")) {
      ActionRecord a;
      a.name = str(aj, "name");
      a.region = str(aj, "region");
      a.run_order = get_or<int>(aj, "run_order", 1);
      a.category = str(aj, "category");
      a.owner = str(aj, "owner");
      a.provider = str(aj, "provider");
      a.action_execution_id = str(aj, "action_execution_id");
      a.status = status_from_string(str(aj, "status"));
      a.started = get_or<TimePoint>(aj, "started_ms", 0);
      a.finished = get_or<TimePoint>(aj, "finished_ms", 0);
      a.error = str(aj, "error");
      a.error_code = str(aj, "error_code");
      a.summary = str(aj, "summary");
      a.log_tail = str_list(aj, "log_tail");
      a.input_artifacts = str_list(aj, "input_artifacts");
      a.output_artifacts = str_list(aj, "output_artifacts");
      a.namespace_name = str(aj, "namespace");
      a.output_variables = str_map(aj, "output_variables");
      a.role_arn = str(aj, "role_arn");
      a.configuration = str_map(aj, "configuration");
      s.actions.push_back(std::move(a));
    }
    r.stages.push_back(std::move(s));
  }
  for (const auto& aj : arr(j, "artifacts")) {
    ArtifactRecord a;
    a.name = str(aj, "name");
    a.produced_by = str(aj, "produced_by");
    a.sha256 = str(aj, "sha256");
    a.size = get_or<std::uint64_t>(aj, "size", 0);
    for (const auto& f : arr(aj, "files"))
      a.files.push_back({str(f, "path"), get_or<std::uint64_t>(f, "size", 0)});
    for (const auto& l : arr(aj, "locations"))
      a.locations.push_back({str(l, "region"), str(l, "bucket"), str(l, "key")});
    r.artifacts.push_back(std::move(a));
  }
  for (const auto& sj : arr(j, "stacks")) {
    StackRecord s;
    s.region = str(sj, "region");
    s.stack_name = str(sj, "stack_name");
    s.stack_id = str(sj, "stack_id");
    s.status = str(sj, "status");
    s.status_reason = str(sj, "status_reason");
    s.action_name = str(sj, "action_name");
    s.action_mode = str(sj, "action_mode");
    s.change_set_name = str(sj, "change_set_name");
    for (const auto& c : arr(sj, "changes"))
      s.changes.push_back({str(c, "action"), str(c, "logical_id"), str(c, "physical_id"),
                           str(c, "type"), str(c, "replacement")});
    for (const auto& res : arr(sj, "resources"))
      s.resources.push_back(
          {str(res, "logical_id"), str(res, "physical_id"), str(res, "type"), str(res, "status")});
    s.outputs = str_map(sj, "outputs");
    s.exports = str_map(sj, "exports");
    s.parameters = str_map(sj, "parameters");
    r.stacks.push_back(std::move(s));
  }
  r.variables = str_map(j, "variables");
  return r;
}

}  // namespace pipemu::engine
