#pragma once
// Moves WAL checkpoints off the request path. SQLite's automatic checkpoint runs inside the
// COMMIT that crosses its threshold, so one caller in every ~1000 written pages waited for the
// copy back into the database file (and its fsync). Here the commit only signals; a thread with
// its own connection to the same file runs a PASSIVE checkpoint (it never blocks writers or
// readers), so the WAL stays bounded without any call paying for it. Under a write burst the
// thread cannot finish a checkpoint between commits (and SQLite restarts the WAL only after one
// that copied every frame), so past twice the threshold the committing writer checkpoints
// itself, as SQLite would have, first waiting for a running background checkpoint (else its
// own would only answer "busy" and the writer go on growing the WAL): the WAL stays bounded.
#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace pipemu::fakes {

class Checkpointer {
 public:
  // Takes over `db`'s WAL hook (replacing the automatic checkpoint). `path` is db's file.
  Checkpointer(sqlite3* db, std::string path);
  ~Checkpointer();  // stops the thread; a last checkpoint happens when SQLite closes the file
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // SQLite's default threshold for its automatic checkpoint, kept.
  static constexpr int kPages = 1000;
  static constexpr int kInlinePages = 2 * kPages;

 private:
  static int on_commit(void* self, sqlite3*, const char*, int wal_pages);
  void loop();

  std::string path_;
  std::mutex checkpointing_;  // held by whoever runs a checkpoint
  std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace pipemu::fakes
