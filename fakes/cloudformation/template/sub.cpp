#include "fakes/cloudformation/template/sub.hpp"

#include "model/text.hpp"

namespace pipemu::cfn {

std::vector<SubPart> parse_sub(std::string_view s) {
  std::vector<SubPart> parts;
  std::string literal;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      size_t close = s.find('}', i + 2);
      if (close == std::string_view::npos) {
        literal.append(s.substr(i));
        break;
      }
      std::string_view inner = s.substr(i + 2, close - i - 2);
      if (!inner.empty() && inner[0] == '!') {
        // ${!Literal} is written out as ${Literal}.
        literal += "${";
        literal.append(inner.substr(1));
        literal += "}";
      } else {
        if (!literal.empty()) parts.push_back({false, std::move(literal)});
        literal.clear();
        parts.push_back({true, text::trim(inner)});
      }
      i = close + 1;
    } else {
      literal += s[i++];
    }
  }
  if (!literal.empty()) parts.push_back({false, std::move(literal)});
  return parts;
}

}  // namespace pipemu::cfn
