#pragma once
// docs/reference/cli.md, generated from the command table and each command's CLI11 options, so
// the reference cannot drift from the binary. Regenerate: `pipemu help --markdown > docs/reference/cli.md`.
#include <string>

namespace pipemu::cli {

std::string cli_reference_markdown();

}  // namespace pipemu::cli
