#pragma once
// What one stack operation works with in one region: the store (inside the caller's
// transaction), the other fakes, the providers, ids and the clock. Passed by reference, never
// global.
#include <string>

#include "fakes/cloudformation/ports.hpp"
#include "fakes/cloudformation/providers/provider.hpp"
#include "fakes/cloudformation/store/store.hpp"

namespace pipemu::cfn {

struct Env {
  store::Store& store;
  AwsPorts& aws;
  const ProviderRegistry& providers;
  IdSource& ids;
  const Clock& clock;
  std::string region;
  std::string account;
};

inline constexpr const char* kStackType = "AWS::CloudFormation::Stack";

// Appends an event for the stack itself (logical id = stack name, physical id = stack ARN).
void stack_event(Env& env, const Stack& stack, const std::string& status,
                 const std::string& reason = {});
// Appends an event for one resource of the stack.
void resource_event(Env& env, const Stack& stack, const std::string& logical_id,
                    const std::string& physical_id, const std::string& type,
                    const std::string& status, const std::string& reason = {},
                    const std::string& properties = {});
// Sets the stack's status (and reason), saves it and records the matching stack event.
void set_stack_status(Env& env, Stack& stack, const std::string& status,
                      const std::string& reason = {});

}  // namespace pipemu::cfn
