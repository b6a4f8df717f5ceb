#pragma once
// A tiny document writer for `pipemu explain`: headings, paragraphs and bullets rendered either
// for a terminal (underlined headings, plain text) or as Markdown. The explainer writes content
// once and the format is a rendering choice, so the two outputs never drift apart.
#include <string>

namespace pipemu::report::explain {

class Doc {
 public:
  explicit Doc(bool markdown) : md_(markdown) {}
  void heading(int level, const std::string& text);
  void para(const std::string& text);
  void bullet(const std::string& text, int depth = 0);
  // A name the reader may type (bucket, stack, path): back-quoted in Markdown, bare in text.
  std::string code(const std::string& s) const { return md_ ? "`" + s + "`" : s; }
  const std::string& str() const { return out_; }

 private:
  void block();  // separates a new block from the previous one with one blank line
  bool md_;
  bool in_list_ = false;
  std::string out_;
};

}  // namespace pipemu::report::explain
