#pragma once
// The state of every fake: one SQLite database per region (<state>/regions/<region>.db), one
// global database (<state>/global.db, e.g. S3's bucket -> region namespace), the blob store
// (<state>/blobs) and the fault rules. Accounts are a key column inside each database. Databases
// open on first use. In-memory mode (no state dir) keeps SQLite in memory and blobs in a private
// temp directory removed on destruction; tests use it.
//
// Thread-safe: databases serialise their own transactions; the maps here are guarded.
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

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
    // fsync blobs (and their directory) before they become visible: durable against power loss,
    // not only against a killed process (docs/fakes.md "Durability"; `serve --fsync`).
    bool durable_blobs = false;
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
  // Every region with a database: open in this process or present on disk.
  std::vector<std::string> region_names();

  // Blob garbage collection (the S3 fake decides what references a blob). Writers hold a shared
  // blob guard from the moment a blob is stored or found until the row naming it has committed;
  // the collector holds an exclusive one while it checks references and deletes, so a blob a
  // writer is about to reference is never removed under it. The guard is an flock on
  // <blobs>/.gc-lock taken through a descriptor of its own, so it also holds between processes
  // sharing a state directory (`pipemu serve` next to `pipemu run`) and between two Registry
  // objects of one process.
  class BlobGuard {
   public:
    BlobGuard(const std::filesystem::path& lock_file, bool exclusive);
    ~BlobGuard();
    BlobGuard(const BlobGuard&) = delete;
    BlobGuard& operator=(const BlobGuard&) = delete;

   private:
    int fd_ = -1;
  };
  BlobGuard blob_guard(bool exclusive) const;
  // Blobs that may have lost their last reference (an overwrite, a delete, a finished upload).
  void queue_garbage(const std::vector<std::string>& blobs);
  // Once the oldest candidate was queued at least `delay` ago, takes every candidate at least
  // delay/2 old (collections come in batches, not one per write); a zero delay takes all. The
  // delay lets a GetObject that read the old row a moment earlier still open the old body.
  std::vector<std::string> take_garbage(std::chrono::milliseconds delay);
  std::filesystem::path state_dir() const;

 private:
  Options options_;
  std::filesystem::path root_;  // state dir or private temp dir
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Database>> regions_;
  std::unique_ptr<Database> global_;
  std::unique_ptr<BlobStore> blobs_;
  Faults faults_;
  std::mutex garbage_mutex_;
  std::vector<std::pair<std::chrono::steady_clock::time_point, std::string>> garbage_;
};

}  // namespace pipemu::fakes
