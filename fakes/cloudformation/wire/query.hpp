#pragma once
// The query protocol's request shape: flat form fields with list members spelled
// `Name.member.N` and structures `Name.member.N.Field` (aws-semantics §9).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakes/cloudformation/service.hpp"

namespace pipemu::cfn::wire {

class QueryArgs {
 public:
  explicit QueryArgs(std::multimap<std::string, std::string> fields) : f_(std::move(fields)) {}

  std::string get(const std::string& name) const;  // "" when absent
  std::optional<std::string> opt(const std::string& name) const;
  std::optional<bool> flag(const std::string& name) const;  // "true"/"false"
  // Name.member.1, Name.member.2, ... in index order.
  std::vector<std::string> list(const std::string& name) const;
  // Name.member.N.<field> maps, in index order.
  std::vector<std::map<std::string, std::string>> structs(const std::string& name) const;

  std::vector<ParameterInput> parameters() const;
  std::vector<Tag> tags() const;
  // The template fields shared by CreateStack/UpdateStack/CreateChangeSet/ValidateTemplate.
  void fill(StackInput& in) const;

 private:
  std::multimap<std::string, std::string> f_;
};

}  // namespace pipemu::cfn::wire
