#pragma once
// CloudFormation's errors as values: the AWS error code, the exact message clients see (awscli
// string-matches some of them, e.g. "does not exist" in `deploy`), and the HTTP status the query
// protocol answers with. Messages follow aws-semantics.md §4 verbatim.
#include <string>
#include <vector>

#include "fakes/core/aws_error.hpp"
#include "fakes/cloudformation/template/error.hpp"

namespace pipemu::cfn {

// The service answers with fakes::AwsError (shared by every fake). `ApiResult` is named apart
// from the template half's `cfn::Result` (whose error is a TemplateError).
using Error = fakes::AwsError;
template <class T>
using ApiResult = Expected<T, Error>;

// A template failure as the API reports it (code and message unchanged).
Error from_template(const TemplateError& e);

Error validation_error(std::string message);
// "Stack with id <name> does not exist" (awscli deploy matches this text).
Error stack_not_found(const std::string& name_or_id);
// "Stack [<name>] already exists".
Error stack_already_exists(const std::string& name);
// "Stack:<arn> is in <STATUS> state and can not be updated."
Error stack_not_updatable(const std::string& stack_id, const std::string& status);
Error no_updates();  // "No updates are to be performed."
// "Requires capabilities : [CAPABILITY_IAM]"
Error insufficient_capabilities(const std::vector<std::string>& missing);
Error change_set_not_found(const std::string& name);  // ChangeSetNotFound, 404
Error change_set_already_exists(const std::string& name);
// "ChangeSet [<arn>] cannot be executed in its current status of [<status>]"
Error invalid_change_set_status(const std::string& id, const std::string& status);
// "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: ..."
Error missing_parameter(const std::string& member);

// Messages used as stack / resource status reasons, not as API errors.
std::string export_already_exported(const std::string& name, const std::string& stack);
std::string export_not_found(const std::string& name);
std::string export_in_use_update(const std::string& name, const std::string& importer);
std::string export_in_use_delete(const std::string& name, const std::string& importer);
extern const char* const kEmptyChangeSetReason;

}  // namespace pipemu::cfn
