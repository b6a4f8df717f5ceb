#pragma once
// A thin RAII layer over sqlite3 statements for the CloudFormation store: prepare, bind by
// position, step, read columns. SQL errors are programming errors here (the schema is ours), so
// they throw std::runtime_error naming the statement.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace pipemu::cfn::sql {

class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int index, std::string_view text);
  Stmt& bind(int index, std::int64_t value);
  Stmt& bind_null(int index);
  // Binds each argument to positions 1..N.
  template <class... A>
  Stmt& bind_all(const A&... args) {
    int i = 0;
    (bind_one(++i, args), ...);
    return *this;
  }

  bool step();  // true while a row is available
  void run();   // steps to completion

  std::string text(int col) const;
  std::int64_t integer(int col) const;
  bool is_null(int col) const;

 private:
  void bind_one(int i, const std::string& s) { bind(i, std::string_view(s)); }
  void bind_one(int i, const char* s) { bind(i, std::string_view(s)); }
  void bind_one(int i, std::string_view s) { bind(i, s); }
  void bind_one(int i, std::int64_t v) { bind(i, v); }
  void bind_one(int i, int v) { bind(i, static_cast<std::int64_t>(v)); }
  void bind_one(int i, bool v) { bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

void exec(sqlite3* db, std::string_view sql);

// BEGIN IMMEDIATE .. COMMIT, rolled back by the destructor unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db);
  ~Transaction();
  void commit();

 private:
  sqlite3* db_;
  bool done_ = false;
};

}  // namespace pipemu::cfn::sql
