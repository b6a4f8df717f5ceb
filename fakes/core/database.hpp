#pragma once
// One SQLite database file (or in-memory database) behind a mutex, with prepared statements and
// transactions. WAL mode; every API call runs as one transaction (Database::transaction), so a
// killed server leaves the file consistent. The store layer of each fake is the only SQL user.
//
// Schema: each component (e.g. "ssm", "s3", "cloudformation") registers its own ordered list of
// migrations with register_schema(); the table schema_versions(component, version) records how far
// each has been applied, so components evolve independently. PRAGMA user_version is the file
// format version of this layout; a file written by a newer pipemu is refused with a clear message.
//
// Every connection has an SQL function sha256(text|blob) -> 32-byte blob, for content-addressed
// rows (templates). File databases checkpoint their WAL beside the writers (checkpointer.hpp).
#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace pipemu::fakes {

// Which database a component's tables live in.
enum class SchemaScope { Region, Global };

// Registers (or replaces) the migrations of one component; call before the Registry opens
// databases (e.g. from the service's constructor). Migration i brings the component to version i+1.
void register_schema(const std::string& component, SchemaScope scope,
                     std::vector<std::string> migrations);

class Database;

// A prepared statement; bind with 1-based indexes, step() returns true while rows come.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& v);
  // Binds without a copy: `v` must stay alive until the statement's last step (binding copied
  // every value, a quarter of an insert's cost).
  Statement& bind_ref(int i, std::string_view v);
  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, double v);
  Statement& bind_null(int i);
  Statement& bind_blob(int i, const std::string& v);
  bool step();   // throws DatabaseError on failure
  void run() { while (step()) {} }
  std::string text(int col) const;
  std::int64_t integer(int col) const;
  double real(int col) const;
  bool is_null(int col) const;

 private:
  Database& db_;
  std::vector<sqlite3_stmt*>* free_ = nullptr;  // the cache's slot for this SQL text
  sqlite3_stmt* stmt_ = nullptr;
};

// SQLite failures are exceptional (disk full, corrupt file): thrown, turned into InternalError at
// the wire edge.
struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Database {
 public:
  static constexpr int kFormatVersion = 1;

  // path empty = in-memory. Throws DatabaseError (newer file, unreadable file).
  Database(const std::string& path, SchemaScope scope);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs fn inside BEGIN IMMEDIATE ... COMMIT under the database mutex; rolls back if fn throws.
  // Nested calls on the same thread join the outer transaction.
  template <class F>
  auto transaction(F&& fn) -> decltype(fn()) {
    return run(std::forward<F>(fn), "BEGIN IMMEDIATE");
  }
  // A read-only call: a deferred transaction (one consistent snapshot, no write lock).
  template <class F>
  auto read(F&& fn) -> decltype(fn()) {
    return run(std::forward<F>(fn), "BEGIN");
  }

  void exec(const std::string& sql);
  std::int64_t changes() const;
  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }
  // Brings every registered component of this scope up to date (also called on open).
  void migrate();
  // Migrates again if a component registered a schema since the last migrate() (cheap check).
  void ensure_migrated();
  // Deletes every row of every table but schema_versions (POST /_pipemu/reset).
  void clear();

 private:
  friend class Statement;
  template <class F>
  auto run(F&& fn, const char* begin) -> decltype(fn()) {
    std::lock_guard lock(mutex_);  // recursive: only the owning thread can be nested here
    if (depth_ > 0) {
      Depth d(depth_);
      return fn();
    }
    Depth d(depth_);
    Guard g(*this, begin);
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      g.commit();
    } else {
      auto r = fn();
      g.commit();
      return r;
    }
  }
  // Prepared statements are cached per SQL text: preparing costs more than most queries here.
  // The slot is stable: entries are never erased while the database is open.
  sqlite3_stmt* acquire(std::string_view sql, std::vector<sqlite3_stmt*>*& slot);
  void release(std::vector<sqlite3_stmt*>* slot, sqlite3_stmt* stmt);

  // BEGIN/COMMIT come from the statement cache too: sqlite3_exec compiled them on every call.
  struct Guard {
    Guard(Database& d, const char* begin);
    ~Guard();
    void commit();
    Database& db;
    bool done = false;
  };
  struct Depth {
    explicit Depth(int& d) : depth(d) { ++depth; }
    ~Depth() { --depth; }
    int& depth;
  };

  sqlite3* db_ = nullptr;
  std::unique_ptr<class Checkpointer> checkpointer_;  // file databases only
  std::string path_;
  SchemaScope scope_;
  std::recursive_mutex mutex_;
  int depth_ = 0;
  std::mutex cache_mutex_;
  struct SqlHash {
    using is_transparent = void;  // lookups by string_view: no std::string built per call
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>, SqlHash, std::equal_to<>> cache_;
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace pipemu::fakes
