#include "fakes/cloudformation/store/sql.hpp"

#include <stdexcept>

namespace pipemu::cfn::sql {

namespace {
[[noreturn]] void fail(sqlite3* db, const std::string& sql) {
  throw std::runtime_error("cloudformation store: " + std::string(sqlite3_errmsg(db)) + " in: " +
                           sql);
}
}  // namespace

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
  if (sqlite3_prepare_v2(db_, sql_.c_str(), static_cast<int>(sql_.size()), &stmt_, nullptr) !=
      SQLITE_OK)
    fail(db_, sql_);
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, sql_);
  return *this;
}

Stmt& Stmt::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, sql_);
  return *this;
}

Stmt& Stmt::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, sql_);
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, sql_);
}

void Stmt::run() {
  while (step()) {
  }
}

std::string Stmt::text(int col) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::int64_t Stmt::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

void exec(sqlite3* db, std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "error";
    sqlite3_free(err);
    throw std::runtime_error("cloudformation store: " + msg + " in: " + s);
  }
}

Transaction::Transaction(sqlite3* db) : db_(db) { exec(db_, "SAVEPOINT cfn_op"); }

Transaction::~Transaction() {
  if (!done_) {
    sqlite3_exec(db_, "ROLLBACK TO cfn_op; RELEASE cfn_op", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  exec(db_, "RELEASE cfn_op");
  done_ = true;
}

}  // namespace pipemu::cfn::sql
