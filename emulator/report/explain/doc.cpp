#include "report/explain/doc.hpp"

namespace pipemu::report::explain {

void Doc::block() {
  if (!out_.empty()) out_ += "\n";
  in_list_ = false;
}

void Doc::heading(int level, const std::string& text) {
  block();
  if (md_) {
    out_ += std::string(static_cast<size_t>(level), '#') + " " + text + "\n";
  } else if (level <= 2) {
    // Underlines read as headings in any terminal, with no colour support needed.
    out_ += text + "\n" + std::string(text.size(), level == 1 ? '=' : '-') + "\n";
  } else {
    out_ += text + ":\n";
  }
}

void Doc::para(const std::string& text) {
  block();
  out_ += text + "\n";
}

void Doc::bullet(const std::string& text, int depth) {
  if (!in_list_) block();
  in_list_ = true;
  out_ += std::string(static_cast<size_t>(depth) * 2, ' ') + "- " + text + "\n";
}

}  // namespace pipemu::report::explain
