#include "cli/interrupt.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "build/live_objects.hpp"

namespace pipemu::cli {
namespace {

std::atomic<int> interrupted_by{0};  // the signal, once one arrived
std::atomic<bool> cleaned_up{false};

void end_by(int sig) {
  ::signal(sig, SIG_DFL);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, sig);
  pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
  ::raise(sig);
  ::_exit(128 + sig);
}

// The killed build makes the command fail and return from main while the cleanup may still be
// running: exit waits for it, then ends the process by the signal, not by the command's status.
void end_after_cleanup() {
  int sig = interrupted_by.load();
  if (sig == 0) return;
  while (!cleaned_up.load()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  end_by(sig);
}

}  // namespace

bool interrupted() { return interrupted_by.load() != 0; }

void clean_up_builds_on_interrupt(const char* command) {
  static bool installed = false;  // the command table runs one command per process
  if (installed) return;
  installed = true;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::atexit(end_after_cleanup);
  std::thread([set, name = std::string(command)] {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return;
    interrupted_by = sig;
    // From here a second signal takes the default action (ends the process) in this thread.
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    auto& live = build::LiveObjects::process();
    std::string what;
    for (const auto& key : live.keys()) what += (what.empty() ? "" : ", ") + key;
    if (!what.empty())
      std::cerr << "\npipemu " << name << ": interrupted: removing " << what << " before exiting"
                << std::endl;
    live.undo_all();
    cleaned_up = true;
    end_by(sig);
  }).detach();
}

}  // namespace pipemu::cli
