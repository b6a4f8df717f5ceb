#pragma once
// Collects a build's output artifact (the buildspec's `artifacts` or one secondary artifact)
// from the source directory on the host, after POST_BUILD, and zips it.
// Rules (aws-semantics.md §1.4): `files` globs relative to `base-directory` (itself relative to
// the source dir, possibly a `dir*` glob), `exclude-paths`, `discard-paths: yes` flattens. A
// pattern that matches nothing logs "Skipping invalid file path <p>"; when nothing matched at
// all the upload fails with "no matching artifact paths found". A pattern or symlink leading
// outside the source directory is an error, and nothing is read from there.
#include <string>
#include <utility>
#include <vector>

#include "model/buildspec.hpp"
#include "model/expected.hpp"
#include "source/zip_archive.hpp"

namespace pipemu::build {

struct Collected {
  std::vector<source::ZipEntry> entries;
};

// Errors are the phase-context messages (CLIENT_ERROR). `log` gets the lines to show in the
// UPLOAD_ARTIFACTS phase ("Skipping invalid file path ..."), also when collection fails.
// `outside_links`: symlinks the build left that point outside the source directory but are not
// in `src_dir` (copy mode never recreates them on this machine), as (path relative to src_dir,
// target); a pattern selecting one fails as if the link were there.
Expected<Collected, std::string> collect_artifacts(
    const std::string& src_dir, const model::ArtifactSpec& spec, std::vector<std::string>& log,
    const std::vector<std::pair<std::string, std::string>>& outside_links = {});

}  // namespace pipemu::build
