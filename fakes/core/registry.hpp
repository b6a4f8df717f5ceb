#pragma once
// The state of every fake: one SQLite database per region (<state>/regions/<region>.db), one
// global database (<state>/global.db, e.g. S3's bucket -> region namespace), the blob store
// (<state>/blobs) and the fault rules. Accounts are a key column inside each database. Databases
// open on first use. In-memory mode (no state dir) keeps SQLite in memory and blobs in a private
// temp directory removed on destruction; tests use it.
//
// Thread-safe: databases serialise their own transactions; the maps here are guarded.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "fakes/core/blob_store.hpp"
#include "fakes/core/database.hpp"
#include "fakes/core/faults.hpp"

namespace pipemu::fakes {

inline constexpr const char* kDefaultAccount = "123456789012";
inline constexpr const char* kDefaultRegion = "us-east-1";

class Registry {
 public:
  struct Options {
    std::optional<std::filesystem::path> state_dir;  // nullopt: in-memory
    bool durable_blobs = true;                       // fsync blobs before they become visible
  };
  explicit Registry(Options options);
  // In-memory registry (tests).
  Registry() : Registry(Options{}) {}
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Lower-case letters, digits and '-', 1-32 chars: the region also names a file.
  static bool valid_region(const std::string& region);

  // Throws std::invalid_argument for an invalid region name, DatabaseError for a bad file.
  Database& region(const std::string& region);
  Database& global();
  const BlobStore& blobs() const { return *blobs_; }
  Faults& faults() { return faults_; }

  // Deletes every row of every region (including ones not yet opened in this process), the
  // global database and every blob; schema versions stay.
  void reset();
  bool in_memory() const { return !options_.state_dir.has_value(); }
  std::filesystem::path state_dir() const;

 private:
  Options options_;
  std::filesystem::path root_;  // state dir or private temp dir
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Database>> regions_;
  std::unique_ptr<Database> global_;
  std::unique_ptr<BlobStore> blobs_;
  Faults faults_;
};

}  // namespace pipemu::fakes
