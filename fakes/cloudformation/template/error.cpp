#include "fakes/cloudformation/template/error.hpp"

namespace pipemu::cfn {

std::string TemplateError::describe() const {
  if (!mark.known()) return message;
  return message + " (" + mark.str() + ")";
}

}  // namespace pipemu::cfn
