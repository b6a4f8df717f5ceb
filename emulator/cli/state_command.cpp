// `pipemu state [--region R]`: what the fakes hold in a region — stacks with status and outputs,
// exports, SSM parameters, buckets (S3's namespace is global; shown with their regions).
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/actions/local_aws.hpp"

namespace pipemu::cli {

std::function<int()> setup_state(CLI::App& app) {
  auto state = std::make_shared<std::string>(".pipemu/state");
  auto regions = std::make_shared<std::vector<std::string>>();
  app.add_option("--state", *state, "State directory");
  app.add_option("--region", *regions, "Region (repeatable; default: every region with state)");
  return [state, regions] {
    if (!std::filesystem::exists(*state))
      return std::cerr << fmt::format("pipemu state: {} does not exist\n", *state), 1;
    std::vector<std::string> list = *regions;
    if (list.empty()) {
      std::error_code ec;
      for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(*state) / "regions", ec))
        if (e.path().extension() == ".db") list.push_back(e.path().stem().string());
      std::sort(list.begin(), list.end());
    }
    engine::LocalAws aws{std::filesystem::path(*state)};
    const std::string& acct = aws.account();
    for (const auto& r : list) {
      std::cout << fmt::format("Region {}\n", r);
      cfn::Caller c{acct, r};
      if (auto stacks = aws.cloudformation().describe_stacks(c)) {
        std::cout << "  Stacks:\n";
        for (const auto& s : *stacks) {
          std::cout << fmt::format("    {}  {}\n", s.name, s.status);
          for (const auto& o : s.outputs) std::cout << fmt::format("      output {} = {}\n", o.key, o.value);
        }
      }
      if (auto ex = aws.cloudformation().list_exports(c)) {
        std::cout << "  Exports:\n";
        for (const auto& e : *ex) std::cout << fmt::format("    {} = {}\n", e.name, e.value);
      }
      ssm::GetByPathRequest req;
      req.path = "/";
      req.recursive = true;
      req.with_decryption = false;
      req.max_results = 10;
      std::cout << "  Parameters:\n";
      for (int page = 0; page < 100; ++page) {
        auto p = aws.ssm().get_parameters_by_path(acct, r, req);
        if (!p) break;
        for (const auto& prm : p->parameters) std::cout << fmt::format("    {} = {}\n", prm.name, prm.value);
        if (p->next_token.empty()) break;
        req.next_token = p->next_token;
      }
    }
    if (auto buckets = aws.s3().list_buckets(acct)) {
      std::cout << "Buckets:\n";
      for (const auto& b : *buckets)
        if (regions->empty() || std::find(regions->begin(), regions->end(), b.region) != regions->end())
          std::cout << fmt::format("  {}  ({})\n", b.name, b.region);
    }
    return 0;
  };
}

}  // namespace pipemu::cli
