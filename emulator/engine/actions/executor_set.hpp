#pragma once
// The action types pipemu emulates, by (category, owner, provider).
#include <map>
#include <string>
#include <tuple>

#include "engine/ports.hpp"

namespace pipemu::engine {

class StandardExecutors final : public ExecutorSet {
 public:
  void add(std::string category, std::string owner, std::string provider, ActionExecutor* e) {
    table_[{std::move(category), std::move(owner), std::move(provider)}] = e;
  }
  ActionExecutor* find(const model::ActionTypeId& t) override {
    auto it = table_.find({t.category, t.owner, t.provider});
    return it == table_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::tuple<std::string, std::string, std::string>, ActionExecutor*> table_;
};

}  // namespace pipemu::engine
