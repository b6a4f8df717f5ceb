#include "fakes/cloudformation/engine/exports.hpp"

#include "fakes/cloudformation/errors.hpp"

namespace pipemu::cfn {

namespace {

std::string stack_name_of(Env& env, const std::string& stack_id) {
  auto s = env.store.find_stack_by_id(stack_id);
  return s ? s->name : stack_id;
}

// Importers other than the stack itself.
std::vector<Import> other_importers(Env& env, const std::string& name, const Stack& stack) {
  std::vector<Import> out;
  for (auto& i : env.store.importers(name))
    if (i.stack_id != stack.id) out.push_back(std::move(i));
  return out;
}

}  // namespace

std::string export_conflict(Env& env, const Stack& stack,
                            const std::vector<EvaluatedOutput>& outputs) {
  for (const auto& o : outputs) {
    if (!o.export_name) continue;
    auto existing = env.store.find_export(*o.export_name);
    if (existing && existing->stack_id != stack.id)
      return export_already_exported(*o.export_name, stack_name_of(env, existing->stack_id));
  }
  for (const auto& e : env.store.exports_of(stack.id)) {
    auto users = other_importers(env, e.name, stack);
    if (users.empty()) continue;
    const EvaluatedOutput* now = nullptr;
    for (const auto& o : outputs)
      if (o.export_name && *o.export_name == e.name) now = &o;
    if (!now || now->value != e.value) return export_in_use_update(e.name, users.front().stack_name);
  }
  return {};
}

void publish_outputs(Env& env, Stack& stack, const std::vector<EvaluatedOutput>& outputs,
                     const std::set<std::string>& imports) {
  for (const auto& e : env.store.exports_of(stack.id)) env.store.delete_export(e.name);
  stack.outputs.clear();
  for (const auto& o : outputs) {
    stack.outputs.push_back({o.logical_id, o.value, o.description, o.export_name.value_or("")});
    if (o.export_name) env.store.put_export({*o.export_name, o.value, stack.id});
  }
  env.store.set_imports(stack.id, stack.name, {imports.begin(), imports.end()});
}

std::string export_delete_blocker(Env& env, const Stack& stack) {
  for (const auto& e : env.store.exports_of(stack.id)) {
    auto users = other_importers(env, e.name, stack);
    if (!users.empty()) return export_in_use_delete(e.name, users.front().stack_name);
  }
  return {};
}

void withdraw_exports(Env& env, const Stack& stack) {
  for (const auto& e : env.store.exports_of(stack.id)) env.store.delete_export(e.name);
  env.store.set_imports(stack.id, stack.name, {});
}

}  // namespace pipemu::cfn
