#pragma once
// docs/reference/aws-coverage.md, generated from the code's own tables: the SSM and
// CloudFormation wire dispatch tables, the resource catalogue and the provider registry, the
// evaluator's intrinsic-function table, the pseudo parameters and the buildspec key table. Only
// the per-row notes on how faithful an entry is are written by hand (aws_coverage.cpp), and a
// note for a name the code no longer has is an error, so the table cannot drift. Regenerate:
// `pipemu coverage > docs/reference/aws-coverage.md`.
#include <string>
#include <vector>

namespace pipemu::cli {

std::string aws_coverage_markdown();

// Notes naming an entry the generated lists do not contain (stale notes); empty when in sync.
std::vector<std::string> aws_coverage_stale_notes();

}  // namespace pipemu::cli
