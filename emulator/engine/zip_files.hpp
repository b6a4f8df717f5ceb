#pragma once
// The few zip operations artifacts need (libzip): list entries, read one entry, write a zip from
// named contents, extract. Artifacts are zips in S3, as in CodePipeline.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/run_record.hpp"
#include "model/expected.hpp"

namespace pipemu::engine {

Expected<std::vector<ArtifactFile>, std::string> list_zip(const std::string& zip_path);
// The entry's bytes; an error naming the path when the zip has no such entry.
Expected<std::string, std::string> read_zip_entry(const std::string& zip_path,
                                                  const std::string& entry);
Expected<Ok, std::string> write_zip(const std::string& zip_path,
                                    const std::map<std::string, std::string>& entries);
Expected<Ok, std::string> extract_zip(const std::string& zip_path, const std::string& dir);

std::string sha256_hex(const std::string& bytes);
Expected<std::string, std::string> read_file(const std::string& path);
Expected<Ok, std::string> write_file(const std::string& path, const std::string& bytes);

}  // namespace pipemu::engine
