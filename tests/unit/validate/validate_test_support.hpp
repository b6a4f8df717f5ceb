#pragma once
// Helpers for the validate tests: run the checks on inline text or a fixture and get the
// rendered diagnostics back as one string, the way a user sees them.
#include <fstream>
#include <sstream>
#include <string>

#include "model/validate/validate.hpp"

namespace pipemu::test {

inline std::string read_source(const std::string& rel) {
  std::ifstream in(std::string(PIPEMU_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string rendered(const model::validate::Result& r) {
  std::string out;
  for (const auto& d : r.diagnostics.items()) out += model::render(d);
  return out;
}

inline std::string first_line(const model::validate::Result& r) {
  std::string all = rendered(r);
  return all.substr(0, all.find('\n'));
}

// Only "line:col rule" of every diagnostic: for rule tests that do not pin the wording.
inline std::vector<std::string> rules(const model::validate::Result& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics.items())
    out.push_back(std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + " " + d.rule);
  return out;
}

inline model::validate::Result check(const std::string& yaml,
                                     const std::string& region = "eu-west-1") {
  return model::validate::validate_text("t.yaml", yaml, {region});
}

}  // namespace pipemu::test
