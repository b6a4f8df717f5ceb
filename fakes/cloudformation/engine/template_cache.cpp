#include "fakes/cloudformation/engine/template_cache.hpp"

#include <list>
#include <mutex>
#include <utility>

namespace pipemu::cfn {

namespace {

// Enough for the templates of a few pipelines' stacks; bodies are at most 1 MiB (TemplateURL).
constexpr std::size_t kEntries = 16;

struct Cache {
  std::mutex mutex;
  std::list<std::pair<std::string, std::shared_ptr<const Template>>> recent;  // newest first
};

Cache& cache() {
  static Cache c;
  return c;
}

}  // namespace

Result<std::shared_ptr<const Template>> parsed_template(const std::string& body) {
  auto& c = cache();
  {
    std::lock_guard lock(c.mutex);
    for (auto it = c.recent.begin(); it != c.recent.end(); ++it)
      if (it->first == body) {
        c.recent.splice(c.recent.begin(), c.recent, it);
        return it->second;
      }
  }
  auto parsed = parse_template_text(body);  // outside the lock: parses may run side by side
  if (!parsed) return unexpected(parsed.error());
  auto tpl = std::make_shared<const Template>(std::move(*parsed));
  std::lock_guard lock(c.mutex);
  c.recent.emplace_front(body, tpl);
  if (c.recent.size() > kEntries) c.recent.pop_back();
  return tpl;
}

}  // namespace pipemu::cfn
