// `pipemu history`: the runs recorded in <state>/history.db, newest first.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/history/history.hpp"
#include "engine/run_record_json.hpp"

namespace pipemu::cli {

std::function<int()> setup_history(CLI::App& app) {
  auto state = std::make_shared<std::string>(".pipemu/state");
  auto limit = std::make_shared<int>(20);
  app.add_option("--state", *state, "State directory");
  app.add_option("-n,--limit", *limit, "How many runs");
  return [state, limit] {
    auto h = engine::History::open(*state);
    if (!h) return std::cerr << "pipemu history: " << h.error() << "\n", 1;
    auto rows = (*h)->list(*limit);
    if (rows.empty()) {
      std::cout << "No runs recorded in " << *state << "\n";
      return 0;
    }
    std::cout << fmt::format("{:<36}  {:<24}  {:<10}  {:>8}  {:<12}  {}\n", "EXECUTION", "STARTED", "STATUS",
                             "SECONDS", "COMMIT", "PIPELINE");
    for (const auto& r : rows) {
      double secs = r.finished && r.started ? (r.finished - r.started) / 1000.0 : 0.0;
      std::cout << fmt::format("{:<36}  {:<24}  {:<10}  {:>8.1f}  {:<12}  {} ({})\n", r.execution_id,
                               engine::iso8601(r.started), engine::to_string(r.status), secs,
                               r.commit.substr(0, 12), r.pipeline_name, r.pipeline_region);
      if (r.status == engine::Status::Failed && !r.summary.empty())
        std::cout << "    " << r.summary.substr(0, 300) << "\n";
    }
    return 0;
  };
}

}  // namespace pipemu::cli
