#pragma once
// JSON form of a RunRecord: the schema report.json documents and the run history stores.
// Times are written both as epoch ms ("started_ms") and ISO-8601 UTC ("started").
#include <nlohmann/json.hpp>

#include "engine/run_record.hpp"

namespace pipemu::engine {

std::string iso8601(TimePoint t);  // "2026-11-27T09:42:27.123Z"; "" for 0

nlohmann::json to_json(const RunRecord& r);
nlohmann::json to_json(const StageRecord& s);
nlohmann::json to_json(const ActionRecord& a);
nlohmann::json to_json(const ArtifactRecord& a);
nlohmann::json to_json(const StackRecord& s);

// Reads what to_json wrote; missing fields keep their defaults (older history rows).
RunRecord run_record_from_json(const nlohmann::json& j);

}  // namespace pipemu::engine
