#pragma once
// Fakes of the engine's ports for scheduler tests: a clock tests advance by hand, seeded ids,
// scripted executors, an in-memory S3, and a reporter that keeps every event.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "engine/artifact_store.hpp"
#include "engine/events.hpp"
#include "engine/ports.hpp"
#include "model/pipeline.hpp"

namespace pipemu::test {

// Each now() returns the previous value + step, so every timestamp is distinct and predictable.
class StepClock final : public engine::Clock {
 public:
  explicit StepClock(engine::TimePoint start = 1'700'000'000'000, engine::TimePoint step = 10)
      : t_(start), step_(step) {}
  engine::TimePoint now() override { return t_.fetch_add(step_) + step_; }

 private:
  std::atomic<engine::TimePoint> t_;
  engine::TimePoint step_;
};

class RecordingReporter final : public engine::Reporter {
 public:
  void on_event(const engine::Event& e) override {
    std::lock_guard lock(mutex);
    events.push_back(e);
  }
  // "ActionStarted Build/Compile", "StageFinished Deploy Failed", ... in order.
  std::vector<std::string> lines() const;
  std::mutex mutex;
  std::vector<engine::Event> events;
};

// An executor whose behaviour per action name is a function; records the contexts it saw.
class ScriptedExecutor final : public engine::ActionExecutor {
 public:
  using Script = std::function<engine::ActionOutcome(const engine::ActionContext&)>;
  std::map<std::string, Script> scripts;  // by action name; default: succeed, outputs produced
  engine::ActionOutcome run(const engine::ActionContext& ctx) override;
  std::vector<std::string> seen() {
    std::lock_guard lock(mutex_);
    return seen_;
  }
  std::map<std::string, std::map<std::string, std::string>> configs;  // action -> resolved config

 private:
  std::mutex mutex_;
  std::vector<std::string> seen_;
};

class OneExecutor final : public engine::ExecutorSet {
 public:
  explicit OneExecutor(engine::ActionExecutor& e) : e_(e) {}
  engine::ActionExecutor* find(const model::ActionTypeId& t) override {
    return t.provider == "Unknown" ? nullptr : &e_;
  }

 private:
  engine::ActionExecutor& e_;
};

class MemoryS3 final : public engine::ObjectStore {
 public:
  std::map<std::string, std::string> bucket_regions;            // bucket -> region
  std::map<std::string, std::map<std::string, std::string>> objects;  // bucket -> key -> body
  std::optional<std::string> bucket_region(const std::string& b) override;
  Expected<Ok, std::string> put_object(const std::string& region, const std::string& b,
                                       const std::string& k, const std::string& body) override;
  Expected<std::string, std::string> get_object(const std::string& region, const std::string& b,
                                                const std::string& k) override;
  std::mutex mutex;
};

// Waits until `n` parties arrived or the timeout passed; returns whether all arrived.
class Rendezvous {
 public:
  explicit Rendezvous(int n) : n_(n) {}
  bool arrive_and_wait(std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));

 private:
  std::mutex m_;
  std::condition_variable cv_;
  int n_;
  int arrived_ = 0;
};

// Pipeline builder for tests.
model::Action make_action(const std::string& name, const std::string& category,
                          const std::string& provider, int run_order,
                          std::vector<std::string> inputs = {},
                          std::vector<std::string> outputs = {});
model::Pipeline make_pipeline(const std::string& name,
                              std::vector<std::pair<std::string, std::vector<model::Action>>> stages,
                              std::map<std::string, std::string> stores /* region -> bucket */);

}  // namespace pipemu::test
