#pragma once
// `pipemu validate`: every static check on a CloudFormation template holding a CodePipeline,
// its CodeBuild project and webhook, and optionally the buildspec the build runs. Returns the
// findings sorted by position; printing and exit codes belong to the CLI.
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace pipemu::model::validate {

struct Options {
  // The pipeline's own region. Empty: the region of the first ArtifactStores entry (the CLI
  // fills this from --region, then AWS_REGION / AWS_DEFAULT_REGION).
  std::string region;
  std::string region_source = "--region";  // how the caller chose `region`, for the summary
};

struct PipelineSummary {
  std::string logical_id;
  std::string name;
  std::string region;         // the region the checks assumed ("" when unknown)
  std::string region_source;  // "--region", "first ArtifactStores entry", ...
  size_t stages = 0;
  size_t actions = 0;
  std::vector<std::string> regions;  // every region an action runs in, pipeline region first
};

struct Result {
  Diagnostics diagnostics;
  bool template_loaded = false;
  size_t resources = 0;
  std::vector<PipelineSummary> pipelines;
  bool buildspec_checked = false;
  std::string buildspec_project;  // logical id of the project it was checked against, if any
};

// `buildspec_text` is the buildspec's content (nullopt: no buildspec given); `buildspec_path`
// labels it and is matched against the CodeBuild project's Source.BuildSpec.
Result validate_text(const std::string& template_path, std::string template_text,
                     const Options& options, const std::string& buildspec_path = {},
                     std::optional<std::string> buildspec_text = std::nullopt);

// Reads the files; an unreadable file is an `io` error diagnostic.
Result validate_files(const std::string& template_path, const std::string& buildspec_path,
                      const Options& options);

// "1 error, 2 warnings".
std::string summary_line(const Diagnostics& d);

}  // namespace pipemu::model::validate
