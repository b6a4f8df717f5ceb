#pragma once
// The one error type of the template half of the CloudFormation fake. Every failure carries the
// AWS error code and AWS's exact message (callers put `message` on the wire unchanged), plus the
// source position when the failing node has one, for pipemu's own diagnostics.
#include <string>

#include "model/expected.hpp"
#include "model/source_text.hpp"

namespace pipemu::cfn {

struct TemplateError {
  std::string code = "ValidationError";  // AWS error code: ValidationError almost always
  std::string message;                   // AWS's wording, verbatim
  model::Mark mark;                      // where in the template; unknown for API input

  // "message (file:line:col)" when the position is known, else just the message.
  std::string describe() const;
};

template <class T>
using Result = Expected<T, TemplateError>;

// Shorthand used throughout: `return fail("Template format error: ...", node.mark());`
inline Unexpected<TemplateError> fail(std::string message, model::Mark mark = {}) {
  return unexpected(TemplateError{"ValidationError", std::move(message), std::move(mark)});
}

}  // namespace pipemu::cfn
