#pragma once
// report.json: the engine's RunRecord JSON (engine/run_record_json.hpp) plus what the report
// adds for readers: "regions", and per action "description" (what it does, in words) and
// "advice" ({id, meaning, fix} for a failed action whose AWS error pipemu knows, else null).
// Schema: docs/reference/report-schema.md and docs/reference/report.schema.json.
#include <nlohmann/json.hpp>

#include "engine/run_record.hpp"

namespace pipemu::report {

inline constexpr const char* kReportSchemaId = "https://pipemu.dev/schemas/report.schema.json";

nlohmann::json report_json(const engine::RunRecord& run);

}  // namespace pipemu::report
