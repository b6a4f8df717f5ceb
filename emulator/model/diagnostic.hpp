#pragma once
// Compiler-style diagnostics: `file:line:col: error: message [rule]`, the source line, a caret,
// and an optional hint. Tests compare the rendered text exactly, so the format is a contract.
#include <string>
#include <vector>

#include "model/source_text.hpp"

namespace pipemu::model {

enum class Severity { Error, Warning, Note };
const char* to_string(Severity s);

struct Diagnostic {
  Severity severity = Severity::Error;
  Mark mark;
  std::string message;
  std::string rule;  // stable id, e.g. "yaml-syntax", "ref-undefined"
  std::string hint;  // suggestion; empty when there is none

  static Diagnostic error(Mark m, std::string msg, std::string rule, std::string hint = {});
  static Diagnostic warning(Mark m, std::string msg, std::string rule, std::string hint = {});
};

// Renders one diagnostic; `color` adds ANSI colours for terminals.
std::string render(const Diagnostic& d, bool color = false);

// A growing list of findings, with counts by severity.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(Mark m, std::string msg, std::string rule, std::string hint = {});
  void warning(Mark m, std::string msg, std::string rule, std::string hint = {});
  void append(const Diagnostics& other);
  const std::vector<Diagnostic>& items() const { return items_; }
  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  // Orders by file, line, column so output reads top to bottom.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace pipemu::model
