#pragma once
// Shared by the model tests: load a fixture or inline YAML, failing the test on a YAML error.
#include <catch2/catch.hpp>
#include <string>

#include "model/loader.hpp"

namespace pipemu::test {

inline model::Node yaml(const std::string& text, const std::string& path = "t.yaml") {
  auto r = model::load_text(path, text);
  if (!r) FAIL(model::render(r.error()));
  return *r;
}

inline model::Node fixture(const std::string& rel) {
  auto r = model::load_file(std::string(PIPEMU_SOURCE_DIR) + "/" + rel);
  if (!r) FAIL(model::render(r.error()));
  return *r;
}

}  // namespace pipemu::test
