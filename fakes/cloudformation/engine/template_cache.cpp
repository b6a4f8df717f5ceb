#include "fakes/cloudformation/engine/template_cache.hpp"

namespace pipemu::cfn {

Result<std::shared_ptr<const Template>> parsed_template(const std::string& body) {
  // Enough for the templates of a few pipelines' stacks; bodies are at most 1 MiB (TemplateURL).
  static RecentByText<Template> recent(16);
  if (auto hit = recent.find(body)) return hit;
  auto parsed = parse_template_text(body);  // outside the lock: parses may run side by side
  if (!parsed) return unexpected(parsed.error());
  auto tpl = std::make_shared<const Template>(std::move(*parsed));
  recent.put(body, tpl);
  return tpl;
}

}  // namespace pipemu::cfn
