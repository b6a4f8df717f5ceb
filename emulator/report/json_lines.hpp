#pragma once
// `--json`: one JSON object per event, one per line, for scripts and CI annotations. Every line
// has "event" (the event type's name) and "time" (ISO-8601 UTC, "" when unset) plus the
// event's fields in snake_case; ExecutionFinished also carries "failures" and the full "record"
// (the report.json object). Documented in docs/reference/report-schema.md.
#include <nlohmann/json.hpp>
#include <ostream>

#include "engine/events.hpp"

namespace pipemu::report {

nlohmann::json event_to_json(const engine::Event& event);

class JsonLinesReporter final : public engine::Reporter {
 public:
  explicit JsonLinesReporter(std::ostream& out) : out_(out) {}
  void on_event(const engine::Event& event) override;

 private:
  std::ostream& out_;
};

}  // namespace pipemu::report
