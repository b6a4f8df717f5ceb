#include "fakes/core/checkpointer.hpp"

namespace pipemu::fakes {

Checkpointer::Checkpointer(sqlite3* db, std::string path) : path_(std::move(path)) {
  sqlite3_wal_hook(db, &Checkpointer::on_commit, this);
  thread_ = std::thread([this] { loop(); });
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

int Checkpointer::on_commit(void* self, sqlite3* db, const char*, int wal_pages) {
  auto* c = static_cast<Checkpointer*>(self);
  if (wal_pages >= kInlinePages) {
    std::lock_guard running(c->checkpointing_);
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (wal_pages >= kPages) {
    {
      std::lock_guard lock(c->mutex_);
      c->due_ = true;
    }
    c->wake_.notify_one();
  }
  return SQLITE_OK;
}

void Checkpointer::loop() {
  sqlite3* conn = nullptr;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return due_ || stop_; });
      if (stop_) break;
      due_ = false;
    }
    if (!conn) {
      if (sqlite3_open_v2(path_.c_str(), &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                          nullptr) != SQLITE_OK) {
        sqlite3_close(conn);  // the next signal tries again; the WAL only grows meanwhile
        conn = nullptr;
        continue;
      }
      sqlite3_busy_timeout(conn, 5000);
      sqlite3_exec(conn, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    }
    // PASSIVE: copies what no reader still needs; a busy answer just means "later".
    std::lock_guard running(checkpointing_);
    sqlite3_wal_checkpoint_v2(conn, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  sqlite3_close(conn);
}

}  // namespace pipemu::fakes
