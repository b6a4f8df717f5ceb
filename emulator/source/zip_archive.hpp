#pragma once
// ZIP files as CodePipeline passes artifacts around, through libzip. Writing takes an explicit
// list (what goes in and under which name); reading refuses entries that would land outside
// the target directory ("zip slip").
#include <cstdint>
#include <string>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::source {

// Every entry pipemu writes carries this modification time (2000-01-01T00:00:00Z), and the same
// permission bits for the same file: the same inputs zip to the same bytes, so a re-run of an
// unchanged commit stores identical artifacts (and `aws cloudformation package`, which zips the
// extracted files with their times, uploads to the same content-addressed key).
inline constexpr std::int64_t kZipEntryTime = 946684800;

struct ZipEntry {
  std::string file;  // host path to read
  std::string name;  // path inside the archive, '/'-separated, relative
};

// Writes `entries` to `zip_path` (replacing it), in the given order. Keeps the files' permission
// bits; every entry's time is kZipEntryTime.
Expected<Ok, std::string> write_zip(const std::string& zip_path, const std::vector<ZipEntry>& entries);

// Every regular file under `dir` (recursively, symlinks to files followed when they stay inside
// `dir`), skipping any `.git` directory. Names are relative to `dir`, sorted.
Expected<std::vector<ZipEntry>, std::string> tree_entries(const std::string& dir);

// Extracts `zip_path` into `dir` (created if missing); files get the entries' permission bits and
// modification times, as an unzip does.
Expected<Ok, std::string> extract_zip(const std::string& zip_path, const std::string& dir);

// The names inside a zip, in archive order (tests and summaries).
Expected<std::vector<std::string>, std::string> zip_names(const std::string& zip_path);

}  // namespace pipemu::source
