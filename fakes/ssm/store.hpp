#pragma once
// SSM Parameter Store tables (one region database; account is a key column). SQL only: no AWS
// rules here. Every parameter version is a row; the latest version is the highest one.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fakes/core/database.hpp"

namespace pipemu::ssm {

struct ParameterRow {
  std::string name;
  std::int64_t version = 0;
  std::string type;
  std::string value;
  std::string description;
  std::string key_id;
  std::string allowed_pattern;
  std::string tier;
  std::string data_type;
  double modified = 0;  // epoch seconds
  std::vector<std::string> labels;
};

class Store {
 public:
  // Registers the ssm schema (idempotent).
  static void register_schema();

  explicit Store(fakes::Database& db) : db_(db) {}

  std::optional<ParameterRow> latest(const std::string& account, const std::string& name);
  std::optional<ParameterRow> version(const std::string& account, const std::string& name,
                                      std::int64_t version);
  std::optional<std::int64_t> version_of_label(const std::string& account,
                                               const std::string& name, const std::string& label);
  std::vector<ParameterRow> history(const std::string& account, const std::string& name);
  // The latest version of every parameter whose name starts with prefix, in name order, names >
  // after, one at a time until visit returns false: a page reads only the rows it needs. The
  // prefix bounds an index range, so other paths are never read. Labels only when asked.
  void each_latest(const std::string& account, const std::string& prefix, const std::string& after,
                   bool with_labels, const std::function<bool(ParameterRow&)>& visit);
  std::int64_t version_count(const std::string& account, const std::string& name);
  std::optional<std::int64_t> oldest_version(const std::string& account, const std::string& name);

  void insert(const std::string& account, const ParameterRow& row);
  void delete_version(const std::string& account, const std::string& name, std::int64_t version);
  bool erase(const std::string& account, const std::string& name);  // false if absent
  void set_label(const std::string& account, const std::string& name, const std::string& label,
                 std::int64_t version);
  void set_tag(const std::string& account, const std::string& name, const std::string& key,
               const std::string& value);

 private:
  std::vector<std::string> labels(const std::string& account, const std::string& name,
                                  std::int64_t version);
  fakes::Database& db_;
};

}  // namespace pipemu::ssm
