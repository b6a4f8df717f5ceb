// Lookups over the knowledge tables: the most specific action row, the first matching error row,
// and the small template language the rows are written in.
#include "report/knowledge.hpp"

#include <regex>

namespace pipemu::report {

namespace {

// 3 points for a matching mode, 2 for provider, 1 for category; -1 when a set field differs.
int specificity(const ActionKnowledge& k, std::string_view category, std::string_view provider,
                std::string_view mode) {
  int score = 0;
  if (!k.category.empty()) {
    if (k.category != category) return -1;
    score += 1;
  }
  if (!k.provider.empty()) {
    if (k.provider != provider) return -1;
    score += 2;
  }
  if (!k.mode.empty()) {
    if (k.mode != mode) return -1;
    score += 3;
  }
  return score;
}

}  // namespace

std::string fill_template(std::string_view text, const Vars& vars,
                          std::span<const std::string> captures) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '$' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
      std::size_t n = static_cast<std::size_t>(text[i + 1] - '0');
      if (n < captures.size()) out += captures[n];
      ++i;
      continue;
    }
    if (c == '{') {
      std::size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view inner = text.substr(i + 1, close - i - 1);
        std::string_view name = inner, fallback;
        bool has_fallback = false;
        if (auto bar = inner.find('|'); bar != std::string_view::npos) {
          name = inner.substr(0, bar);
          fallback = inner.substr(bar + 1);
          has_fallback = true;
        }
        auto it = vars.find(name);
        if (it != vars.end() && !it->second.empty())
          out += it->second;
        else if (has_fallback)
          out += fallback;
        else
          out += "<" + std::string(name) + ">";  // visible, so a missing variable is noticed
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::string describe_action(std::string_view category, std::string_view provider,
                            std::string_view mode, const Vars& vars) {
  const ActionKnowledge* best = nullptr;
  int best_score = -1;
  for (const auto& k : action_knowledge()) {
    int s = specificity(k, category, provider, mode);
    if (s > best_score) best = &k, best_score = s;
  }
  Vars all = vars;
  all.emplace("category", std::string(category));
  all.emplace("provider", std::string(provider));
  return best ? fill_template(best->does, all) : std::string();
}

std::optional<Advice> advise(std::string_view code, std::string_view message, const Vars& vars) {
  if (message.empty() && code.empty()) return std::nullopt;
  std::string msg(message);
  for (const auto& k : error_knowledge()) {
    if (!k.code.empty() && k.code != code) continue;
    std::vector<std::string> captures;
    if (!k.pattern.empty()) {
      std::smatch m;
      std::regex re{std::string(k.pattern)};
      if (!std::regex_search(msg, m, re)) continue;
      for (const auto& sub : m) captures.push_back(sub.str());
    } else if (k.code.empty()) {
      continue;  // a row with neither code nor pattern would match everything
    }
    return Advice{std::string(k.id), fill_template(k.meaning, vars, captures),
                  fill_template(k.fix, vars, captures)};
  }
  return std::nullopt;
}

}  // namespace pipemu::report
