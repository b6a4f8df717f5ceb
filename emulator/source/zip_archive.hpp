#pragma once
// ZIP files as CodePipeline passes artifacts around, through libzip. Writing takes an explicit
// list (what goes in and under which name); reading refuses entries that would land outside
// the target directory ("zip slip").
#include <string>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::source {

struct ZipEntry {
  std::string file;  // host path to read
  std::string name;  // path inside the archive, '/'-separated, relative
};

// Writes `entries` to `zip_path` (replacing it). Keeps the files' permission bits.
Expected<Ok, std::string> write_zip(const std::string& zip_path, const std::vector<ZipEntry>& entries);

// Every regular file under `dir` (recursively, symlinks to files followed when they stay inside
// `dir`), skipping any `.git` directory. Names are relative to `dir`, sorted.
Expected<std::vector<ZipEntry>, std::string> tree_entries(const std::string& dir);

// Extracts `zip_path` into `dir` (created if missing).
Expected<Ok, std::string> extract_zip(const std::string& zip_path, const std::string& dir);

// The names inside a zip, in archive order (tests and summaries).
Expected<std::vector<std::string>, std::string> zip_names(const std::string& zip_path);

}  // namespace pipemu::source
