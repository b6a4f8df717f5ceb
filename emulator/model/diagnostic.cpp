#include "model/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace pipemu::model {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

Diagnostic Diagnostic::error(Mark m, std::string msg, std::string rule, std::string hint) {
  return {Severity::Error, std::move(m), std::move(msg), std::move(rule), std::move(hint)};
}
Diagnostic Diagnostic::warning(Mark m, std::string msg, std::string rule, std::string hint) {
  return {Severity::Warning, std::move(m), std::move(msg), std::move(rule), std::move(hint)};
}

std::string render(const Diagnostic& d, bool color) {
  const char* sev_color = d.severity == Severity::Error ? "\033[1;31m" : "\033[1;35m";
  std::string out;
  out += color ? fmt::format("\033[1m{}:\033[0m {}{}:\033[0m \033[1m{}\033[0m", d.mark.str(),
                             sev_color, to_string(d.severity), d.message)
               : fmt::format("{}: {}: {}", d.mark.str(), to_string(d.severity), d.message);
  if (!d.rule.empty()) out += fmt::format(" [{}]", d.rule);
  out += '\n';
  if (d.mark.known()) {
    std::string_view line = d.mark.source->line(d.mark.line);
    if (!line.empty()) {
      out += fmt::format("  {}\n", line);
      // Keep tabs so the caret lines up under the same column as the source line.
      std::string pad;
      for (int i = 0; i < d.mark.column - 1 && i < static_cast<int>(line.size()); ++i)
        pad += line[i] == '\t' ? '\t' : ' ';
      out += fmt::format("  {}{}\n", pad, color ? "\033[1;32m^\033[0m" : "^");
    }
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", d.hint);
  return out;
}

void Diagnostics::error(Mark m, std::string msg, std::string rule, std::string hint) {
  add(Diagnostic::error(std::move(m), std::move(msg), std::move(rule), std::move(hint)));
}
void Diagnostics::warning(Mark m, std::string msg, std::string rule, std::string hint) {
  add(Diagnostic::warning(std::move(m), std::move(msg), std::move(rule), std::move(hint)));
}
void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}
size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}
size_t Diagnostics::warning_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}
void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::make_tuple(a.mark.path(), a.mark.line, a.mark.column) <
           std::make_tuple(b.mark.path(), b.mark.line, b.mark.column);
  });
}

}  // namespace pipemu::model
