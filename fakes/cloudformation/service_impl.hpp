#pragma once
// Internals shared by the service_*.cpp files: the per-call region transaction and lookups
// every operation needs. Not part of the public API.
#include <mutex>

#include "fakes/cloudformation/engine/env.hpp"
#include "fakes/cloudformation/engine/prepare.hpp"
#include "fakes/cloudformation/service.hpp"
#include "fakes/core/database.hpp"
#include "fakes/core/faults.hpp"

namespace pipemu::cfn {

struct Service::Impl {
  Impl(DatabaseFor d, AwsPorts& a, std::shared_ptr<ProviderRegistry> p, Clock c, std::uint64_t seed)
      : databases(std::move(d)), aws(a), providers(std::move(p)), clock(std::move(c)), ids(seed) {}

  DatabaseFor databases;
  AwsPorts& aws;
  std::shared_ptr<ProviderRegistry> providers;
  Clock clock;
  IdSource ids;
  fakes::Faults* faults = nullptr;  // the registry's fault rules, when wired (use_faults)

  // Runs `fn(env)` as one transaction on the caller's region database. The fault rules come
  // first and outside the transaction: every caller (the deploy actions in-process, the query
  // wire over HTTP) passes here, and a slowed call must not hold the region's write lock.
  template <class F>
  auto in_region(const Caller& c, const char* operation, F&& fn)
      -> decltype(fn(std::declval<Env&>())) {
    return run(c, operation, std::forward<F>(fn), true);
  }
  // The same for a call that only reads (Describe*, List*, GetTemplate: what the waiters poll):
  // a deferred transaction, one consistent snapshot that takes no write lock.
  template <class F>
  auto in_region_read(const Caller& c, const char* operation, F&& fn)
      -> decltype(fn(std::declval<Env&>())) {
    return run(c, operation, std::forward<F>(fn), false);
  }

 private:
  template <class F>
  auto run(const Caller& c, const char* operation, F&& fn, bool write)
      -> decltype(fn(std::declval<Env&>())) {
    if (faults)
      if (auto fault = faults->check(c.region, "cloudformation", operation))
        return unexpected(*fault);
    auto& db = databases(c.region);
    auto body = [&] {
      store::Store st(db);
      Env env{st, aws, *providers, ids, clock, c.region, c.account};
      return fn(env);
    };
    return write ? db.transaction(body) : db.read(body);
  }
};

// A stack by name (live only) or ARN (deleted ones too). Read-only views pass Templates::Skip.
std::optional<Stack> find_stack(Env& env, const std::string& name_or_id,
                                store::Store::Templates templates = store::Store::Templates::Load);
// The stack or "Stack with id X does not exist".
ApiResult<Stack> require_stack(Env& env, const std::string& name_or_id,
                               store::Store::Templates templates = store::Store::Templates::Load);

// The template text of a request: TemplateBody, TemplateURL (read from the S3 fake) or the
// stack's current template (UsePreviousTemplate).
ApiResult<std::string> template_source(Env& env, const StackInput& in, const Stack* current);

// Validates a stack or change-set name ([a-zA-Z][-a-zA-Z0-9]*, at most 128 characters).
std::optional<Error> check_name(const std::string& value, const std::string& member);

// Statuses in which UpdateStack / an UPDATE change set is accepted.
bool updatable(const std::string& status);

PrepareInput prepare_input(Env& env, const StackInput& in, const Stack& stack,
                           std::string body);

}  // namespace pipemu::cfn
