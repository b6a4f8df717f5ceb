#pragma once
// The CloudFormation deploy action (Deploy/AWS/CloudFormation/1) in every ActionMode, over the
// CloudFormation fake's service API (aws-semantics.md §3.2). What CodePipeline does per mode:
//   CREATE_UPDATE       create, or update; "No updates are to be performed." is success
//   REPLACE_ON_FAILURE  like CREATE_UPDATE, but a stack in a failed state is deleted and recreated
//   DELETE_ONLY         delete (absent: success, nothing done)
//   CHANGE_SET_REPLACE  (re)create the named change set; an empty change set is success
//   CHANGE_SET_EXECUTE  execute it; an empty (FAILED, no changes) change set is a no-op success
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "deploy/parameters.hpp"
#include "fakes/cloudformation/service.hpp"

namespace pipemu::deploy {

struct CfnActionRequest {
  std::string account = "123456789012";
  std::string region;
  std::map<std::string, std::string> configuration;  // variables already resolved
  std::vector<InputArtifact> inputs;
  ArtifactReader read;                            // files inside input artifacts
  std::function<void(const std::string&)> log;    // stack events, one line each
};

struct CfnActionResult {
  bool ok = false;
  std::string error;       // AWS's message when !ok
  std::string error_code;  // JobFailed or ConfigurationError
  std::string summary;     // "Stack Foo: UPDATE_COMPLETE"
  std::string stack_name;
  std::string action_mode;
  std::optional<cfn::Stack> stack;                 // the stack afterwards (absent after delete)
  std::vector<cfn::Resource> resources;
  std::vector<cfn::Export> exports;                // this stack's exports
  std::optional<cfn::ChangeSet> change_set;        // CHANGE_SET_* modes, or the update's
  std::map<std::string, std::string> outputs;      // OutputKey -> OutputValue (output variables)
  std::string output_file_name;                    // OutputFileName, when set
  std::string output_file_json;                    // {"OutputKey": "OutputValue", ...}
};

CfnActionResult run_cloudformation_action(cfn::Service& cloudformation, const CfnActionRequest& request);

// The ActionModes the action runs, with what each does (the table the action checks against).
struct ActionModeInfo {
  const char* mode;
  const char* what;
};
const std::vector<ActionModeInfo>& cloudformation_action_modes();

// Statuses REPLACE_ON_FAILURE deletes and recreates.
bool is_failed_stack_status(const std::string& status);

}  // namespace pipemu::deploy
