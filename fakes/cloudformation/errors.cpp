#include "fakes/cloudformation/errors.hpp"

namespace pipemu::cfn {

Error validation_error(std::string message) {
  return fakes::aws_error("ValidationError", std::move(message));
}

Error from_template(const TemplateError& e) { return fakes::aws_error(e.code, e.message); }

Error stack_not_found(const std::string& name_or_id) {
  return validation_error("Stack with id " + name_or_id + " does not exist");
}

Error stack_already_exists(const std::string& name) {
  return fakes::aws_error("AlreadyExistsException", "Stack [" + name + "] already exists");
}

Error stack_not_updatable(const std::string& stack_id, const std::string& status) {
  return validation_error("Stack:" + stack_id + " is in " + status +
                          " state and can not be updated.");
}

Error no_updates() { return validation_error("No updates are to be performed."); }

Error insufficient_capabilities(const std::vector<std::string>& missing) {
  std::string list;
  for (const auto& c : missing) list += (list.empty() ? "" : ", ") + c;
  return fakes::aws_error("InsufficientCapabilitiesException", "Requires capabilities : [" + list + "]");
}

Error change_set_not_found(const std::string& name) {
  return fakes::aws_error("ChangeSetNotFound", "ChangeSet [" + name + "] does not exist", 404);
}

Error change_set_already_exists(const std::string& name) {
  return fakes::aws_error("AlreadyExistsException", "ChangeSet [" + name + "] already exists");
}

Error invalid_change_set_status(const std::string& id, const std::string& status) {
  return fakes::aws_error(
      "InvalidChangeSetStatus",
      "ChangeSet [" + id + "] cannot be executed in its current status of [" + status + "]");
}

Error missing_parameter(const std::string& member) {
  return validation_error("1 validation error detected: Value null at '" + member +
                          "' failed to satisfy constraint: Member must not be null");
}

std::string export_already_exported(const std::string& name, const std::string& stack) {
  return "Export with name " + name + " is already exported by stack " + stack;
}
std::string export_not_found(const std::string& name) { return "No export named " + name + " found."; }
std::string export_in_use_update(const std::string& name, const std::string& importer) {
  return "Export " + name + " cannot be updated as it is in use by " + importer;
}
std::string export_in_use_delete(const std::string& name, const std::string& importer) {
  return "Export " + name + " cannot be deleted as it is in use by " + importer;
}

const char* const kEmptyChangeSetReason =
    "The submitted information didn't contain changes. Submit different information to create a "
    "change set.";

}  // namespace pipemu::cfn
