#include "fakes/core/database.hpp"

#include "fakes/core/checkpointer.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <map>

namespace pipemu::fakes {

namespace {

struct ComponentSchema {
  SchemaScope scope;
  std::vector<std::string> migrations;
};

std::mutex& schema_mutex() {
  static std::mutex m;
  return m;
}
std::atomic<std::uint64_t> g_generation{1};
std::map<std::string, ComponentSchema>& schemas() {
  static std::map<std::string, ComponentSchema> s;
  return s;
}

// sha256(text or blob) -> 32-byte blob, for content-addressed rows (NULL stays NULL).
void sql_sha256(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  const void* data = sqlite3_value_blob(argv[0]);
  auto size = static_cast<size_t>(sqlite3_value_bytes(argv[0]));
  // Fetched once: OpenSSL 3's one-shot SHA256() looks the algorithm up on every call, which
  // cost ten times the hashing of a template.
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!md || !EVP_Digest(data, size, digest, &n, md, nullptr))
    return sqlite3_result_error(ctx, "sha256 failed", -1);
  sqlite3_result_blob(ctx, digest, static_cast<int>(n), SQLITE_TRANSIENT);
}

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw DatabaseError(fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

void register_schema(const std::string& component, SchemaScope scope,
                     std::vector<std::string> migrations) {
  std::lock_guard lock(schema_mutex());
  schemas()[component] = ComponentSchema{scope, std::move(migrations)};
  ++g_generation;
}

Statement::Statement(Database& db, std::string_view sql)
    : db_(db), stmt_(db.acquire(sql, free_)) {}
Statement::~Statement() { db_.release(free_, stmt_); }

sqlite3_stmt* Database::acquire(std::string_view sql, std::vector<sqlite3_stmt*>*& slot) {
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(std::string(sql), std::vector<sqlite3_stmt*>{}).first;
    slot = &it->second;
    if (!slot->empty()) {
      sqlite3_stmt* s = slot->back();
      slot->pop_back();
      return s;
    }
  }
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &s, nullptr) != SQLITE_OK)
    fail(db_, "prepare '" + std::string(sql) + "'");
  return s;
}

void Database::release(std::vector<sqlite3_stmt*>* slot, sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  std::lock_guard lock(cache_mutex_);
  if (slot->size() < 4) {
    slot->push_back(stmt);
  } else {
    sqlite3_finalize(stmt);
  }
}

Statement& Statement::bind(int i, const std::string& v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_ref(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}
Statement& Statement::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}
Statement& Statement::bind_blob(int i, const std::string& v) {
  sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_.handle(), "step");
}
std::string Statement::text(int col) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_blob(stmt_, col));
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(p, static_cast<size_t>(n)) : std::string();
}
std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Database::Database(const std::string& path, SchemaScope scope)
    : path_(path.empty() ? ":memory:" : path), scope_(scope) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DatabaseError(fmt::format("cannot open state database {}: {}", path_, msg));
  }
  sqlite3_busy_timeout(db_, 5000);
  sqlite3_create_function_v2(db_, "sha256", 1,
                             SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                             &sql_sha256, nullptr, nullptr, nullptr);
  try {
    int version = 0;
    {
      Statement s(*this, "PRAGMA user_version");
      if (s.step()) version = static_cast<int>(s.integer(0));
    }
    if (version > kFormatVersion)
      throw DatabaseError(fmt::format(
          "state database {} has format version {}, newer than this pipemu understands ({}); "
          "upgrade pipemu or point --state at another directory",
          path_, version, kFormatVersion));
    if (!path.empty()) exec("PRAGMA journal_mode=WAL");
    // NORMAL in WAL mode: a commit survives a killed process; only an OS crash can lose the last
    // transactions, never corrupt the file.
    exec("PRAGMA synchronous=NORMAL");
    if (!path.empty()) checkpointer_ = std::make_unique<Checkpointer>(db_, path_);
    exec("CREATE TABLE IF NOT EXISTS schema_versions(component TEXT PRIMARY KEY, version INTEGER)");
    exec(fmt::format("PRAGMA user_version={}", kFormatVersion));
    migrate();
  } catch (...) {
    checkpointer_.reset();
    for (auto& [sql, stmts] : cache_)
      for (auto* s : stmts) sqlite3_finalize(s);
    sqlite3_close(db_);
    throw;
  }
}

Database::~Database() {
  checkpointer_.reset();
  for (auto& [sql, stmts] : cache_)
    for (auto* s : stmts) sqlite3_finalize(s);
  sqlite3_close(db_);
}

void Database::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw DatabaseError(fmt::format("{}: {}", path_, msg));
  }
}

std::int64_t Database::changes() const { return sqlite3_changes(db_); }

void Database::ensure_migrated() {
  if (generation_.load() != g_generation.load()) migrate();
}

void Database::migrate() {
  std::map<std::string, ComponentSchema> wanted;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(schema_mutex());
    generation = g_generation.load();
    for (const auto& [name, s] : schemas())
      if (s.scope == scope_) wanted.emplace(name, s);
  }
  transaction([&] {
    for (const auto& [name, s] : wanted) {
      int have = 0;
      {
        Statement q(*this, "SELECT version FROM schema_versions WHERE component=?");
        q.bind(1, name);
        if (q.step()) have = static_cast<int>(q.integer(0));
      }
      int known = static_cast<int>(s.migrations.size());
      if (have > known)
        throw DatabaseError(fmt::format(
            "state database {}: component '{}' is at schema version {}, newer than this pipemu "
            "understands ({}); upgrade pipemu or point --state at another directory",
            path_, name, have, known));
      for (int i = have; i < known; ++i) exec(s.migrations[static_cast<size_t>(i)]);
      if (known > have) {
        Statement u(*this, "INSERT OR REPLACE INTO schema_versions(component, version) VALUES(?,?)");
        u.bind(1, name).bind(2, known).run();
      }
    }
  });
  generation_ = generation;
}

void Database::clear() {
  transaction([&] {
    std::vector<std::string> tables;
    Statement q(*this,
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name <> 'schema_versions'");
    while (q.step()) tables.push_back(q.text(0));
    for (const auto& t : tables) exec(fmt::format("DELETE FROM \"{}\"", t));
  });
}

Database::Guard::Guard(Database& d, const char* begin) : db(d) { Statement(db, begin).run(); }
Database::Guard::~Guard() {
  if (!done) sqlite3_exec(db.db_, "ROLLBACK", nullptr, nullptr, nullptr);
}
void Database::Guard::commit() {
  Statement(db, "COMMIT").run();
  done = true;
}

}  // namespace pipemu::fakes
