// Dynamic references `{{resolve:ssm:name[:version]}}` (and ssm-secure) inside strings, resolved
// through the caller's SSM callback at operation time. Secrets Manager has no fake here.
#include <fmt/format.h>

#include "fakes/cloudformation/template/eval_impl.hpp"

namespace pipemu::cfn {

Result<std::string> EvalImpl::dynamic_references(const std::string& s, const model::Mark& mark) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = s.find("{{resolve:", pos);
    if (open == std::string::npos) break;
    size_t close = s.find("}}", open);
    if (close == std::string::npos) break;
    out.append(s, pos, open - pos);
    std::string ref = s.substr(open + 10, close - open - 10);  // "ssm:name:version"
    size_t colon = ref.find(':');
    std::string service = ref.substr(0, colon);
    if (colon == std::string::npos || (service != "ssm" && service != "ssm-secure"))
      return fail(fmt::format("Template format error: dynamic reference {{{{resolve:{}}}}} is not supported by "
                              "pipemu (only ssm and ssm-secure are)", ref), mark);
    std::string name = ref.substr(colon + 1);
    std::optional<long long> version;
    // A trailing ":<digits>" is a version; names may contain ':' only in that position.
    if (size_t vc = name.rfind(':'); vc != std::string::npos && vc + 1 < name.size() &&
                                     name.find_first_not_of("0123456789", vc + 1) == std::string::npos) {
      version = std::stoll(name.substr(vc + 1));
      name = name.substr(0, vc);
    }
    std::optional<std::string> value;
    if (e_.ctx_.callbacks.ssm_get) value = e_.ctx_.callbacks.ssm_get(name, version);
    if (!value)
      return fail(fmt::format("Unable to fetch parameters [{}] from parameter store for this account.", name),
                  mark);
    out += *value;
    pos = close + 2;
  }
  out.append(s, pos, std::string::npos);
  return out;
}

}  // namespace pipemu::cfn
