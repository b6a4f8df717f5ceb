#pragma once
// report.html: one self-contained page (inline CSS and JS, a Content-Security-Policy that forbids
// every network fetch) showing the run: a header with the outcome, the failures first with AWS's
// message, what it means and the usual fix, a timeline by region and RunOrder (one bar per action,
// placed by its start and end), the stage/action graph with the artifact flow (inline SVG), every
// action expandable to what it did in words, its inputs and outputs and its log tail, the
// artifacts with their hashes and regional copies, and each region's stack results.
#include <string>
#include <string_view>

#include "engine/run_record.hpp"

namespace pipemu::report {

std::string html_report(const engine::RunRecord& run);

// Escapes & < > " ' for text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace pipemu::report
