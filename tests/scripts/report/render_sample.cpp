// Writes the reports of the hand-built sample runs (tests/unit/report/report_samples.hpp) into
// DIR/succeeded and DIR/failed, for the script tests that check them with a real browser and
// xmllint. Usage: report_render_sample DIR
#include <iostream>

#include "report/report_dir.hpp"
#include "report_samples.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: report_render_sample DIR\n";
    return 2;
  }
  std::filesystem::path dir = argv[1];
  for (auto [name, run] : {std::pair{"succeeded", pipemu::test::sample_success()},
                           std::pair{"failed", pipemu::test::sample_failure()}}) {
    auto r = pipemu::report::write_reports(run, dir / name);
    if (!r) {
      std::cerr << "report_render_sample: " << r.error() << "\n";
      return 1;
    }
  }
  return 0;
}
