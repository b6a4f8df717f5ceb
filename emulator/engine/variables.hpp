#pragma once
// Action namespaces and `#{Namespace.Variable}` resolution (aws-semantics.md §2.5). Variables
// become visible when the producing action succeeds; a consumer resolves its configuration just
// before it starts. `codepipeline.PipelineExecutionId` is reserved and always present.
#include <map>
#include <mutex>
#include <string>

#include "model/expected.hpp"

namespace pipemu::engine {

class Variables {
 public:
  explicit Variables(std::string execution_id);

  void publish(const std::string& namespace_name, const std::map<std::string, std::string>& values);

  // Replaces every #{ns.key}; an unknown namespace or key is an error naming it. Text without
  // `#{` is returned unchanged.
  Expected<std::string, std::string> resolve(const std::string& text) const;

  // "Namespace.Variable" -> value, for the run record.
  std::map<std::string, std::string> flat() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::map<std::string, std::string>> values_;
};

}  // namespace pipemu::engine
