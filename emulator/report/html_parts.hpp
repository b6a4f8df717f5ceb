#pragma once
// Internal to report.html: the page's parts, each rendered from the run's view.
#include <string>

#include "report/view.hpp"

namespace pipemu::report::html {

const char* style();   // the page's CSS
const char* script();  // the page's JS (open an action when its bar or node is clicked)

std::string header(const RunView& v);
std::string failures(const RunView& v);
std::string timeline(const RunView& v);
std::string graph(const RunView& v);
std::string actions(const RunView& v);
std::string artifacts(const RunView& v);
std::string stacks(const RunView& v);

// Shared bits.
std::string status_class(engine::Status s);                             // "st-succeeded", ...
std::string status_glyph(engine::Status s);                             // ✔ ✘ …
std::string region_class(const RunView& v, const std::string& region);  // "rg-0".."rg-7"
std::string short_hash(const std::string& sha256);                      // first 12 hex digits

}  // namespace pipemu::report::html
