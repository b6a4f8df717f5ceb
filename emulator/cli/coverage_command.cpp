#include <iostream>

#include "cli/aws_coverage.hpp"
#include "cli/commands.hpp"

namespace pipemu::cli {

// `pipemu coverage`: what of AWS pipemu emulates, as Markdown (docs/reference/aws-coverage.md).
std::function<int()> setup_coverage(CLI::App&) {
  return [] {
    std::cout << aws_coverage_markdown();
    return int(kOk);
  };
}

}  // namespace pipemu::cli
