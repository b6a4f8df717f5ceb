#pragma once
// A loaded file's path and text, shared by every node and diagnostic that points into it,
// so a diagnostic can print the offending source line long after parsing.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pipemu::model {

class SourceText {
 public:
  SourceText(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // 1-based line number; empty when out of range.
  std::string_view line(int line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

using SourceRef = std::shared_ptr<const SourceText>;

// A position in a source file, 1-based as humans and compilers print them.
// yaml-cpp counts from 0; the loader converts once.
struct Mark {
  SourceRef source;
  int line = 0;  // 0 = unknown
  int column = 0;

  bool known() const { return source && line > 0; }
  std::string path() const { return source ? source->path() : std::string(); }
  std::string str() const;  // "file:line:col" (or just "file")
};

}  // namespace pipemu::model
