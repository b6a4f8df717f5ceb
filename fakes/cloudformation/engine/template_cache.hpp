#pragma once
// Values computed from template texts, from small caches of the texts seen last. Parsing a body
// (YAML or JSON, with marks for errors) was the largest single cost of CreateStack,
// CreateChangeSet and ExecuteChangeSet, and the same text comes back again and again: a change
// set is prepared at creation and again at execution, a pipeline's deploy action submits the same
// template on every run, and every operation on a stack reads its stored processed template.
// Each value is a pure function of the text, so a hit hands out the same immutable value.
// Texts that do not parse are not kept (they are parsed again, and cheap to report).
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

// The newest `capacity` (text, value) pairs. A lookup compares whole texts: far cheaper than
// the parse it saves, and a hit is certain to be the same text.
template <class T>
class RecentByText {
 public:
  explicit RecentByText(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const T> find(const std::string& text) {
    std::lock_guard lock(mutex_);
    for (auto it = recent_.begin(); it != recent_.end(); ++it)
      if (it->first == text) {
        recent_.splice(recent_.begin(), recent_, it);
        return it->second;
      }
    return nullptr;
  }

  void put(const std::string& text, std::shared_ptr<const T> value) {
    std::lock_guard lock(mutex_);
    recent_.emplace_front(text, std::move(value));
    if (recent_.size() > capacity_) recent_.pop_back();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const T>>> recent_;  // newest first
};

// A submitted body (YAML or JSON), parsed.
Result<std::shared_ptr<const Template>> parsed_template(const std::string& body);

}  // namespace pipemu::cfn
