#include "fakes/cloudformation/store/schema.hpp"

#include <stdexcept>

#include "fakes/cloudformation/store/sql.hpp"

namespace pipemu::cfn::store {

const std::vector<std::string>& migrations() {
  static const std::vector<std::string> m = {
      R"sql(
CREATE TABLE cfn_stacks (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, status_reason TEXT NOT NULL,
  description TEXT NOT NULL, template_body TEXT NOT NULL, processed_template TEXT NOT NULL,
  parameters TEXT NOT NULL, capabilities TEXT NOT NULL, outputs TEXT NOT NULL, tags TEXT NOT NULL,
  notification_arns TEXT NOT NULL, role_arn TEXT NOT NULL, change_set_id TEXT NOT NULL,
  disable_rollback INTEGER NOT NULL, termination_protection INTEGER NOT NULL,
  created INTEGER NOT NULL, updated INTEGER NOT NULL, deleted INTEGER NOT NULL);
CREATE INDEX cfn_stacks_by_name ON cfn_stacks(name, deleted);
CREATE TABLE cfn_resources (
  stack_id TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT NOT NULL, type TEXT NOT NULL,
  status TEXT NOT NULL, status_reason TEXT NOT NULL, properties TEXT NOT NULL,
  attributes TEXT NOT NULL, metadata TEXT NOT NULL, updated INTEGER NOT NULL,
  PRIMARY KEY (stack_id, logical_id));
CREATE TABLE cfn_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, stack_id TEXT NOT NULL,
  stack_name TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT NOT NULL,
  resource_type TEXT NOT NULL, status TEXT NOT NULL, status_reason TEXT NOT NULL,
  properties TEXT NOT NULL, timestamp INTEGER NOT NULL);
CREATE INDEX cfn_events_by_stack ON cfn_events(stack_id, seq);
CREATE TABLE cfn_change_sets (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, stack_id TEXT NOT NULL, stack_name TEXT NOT NULL,
  type TEXT NOT NULL, status TEXT NOT NULL, execution_status TEXT NOT NULL,
  status_reason TEXT NOT NULL, description TEXT NOT NULL, template_body TEXT NOT NULL,
  parameters TEXT NOT NULL, capabilities TEXT NOT NULL, tags TEXT NOT NULL,
  notification_arns TEXT NOT NULL, role_arn TEXT NOT NULL, changes TEXT NOT NULL,
  created INTEGER NOT NULL);
CREATE INDEX cfn_change_sets_by_stack ON cfn_change_sets(stack_id, name);
CREATE TABLE cfn_exports (name TEXT PRIMARY KEY, value TEXT NOT NULL, stack_id TEXT NOT NULL);
CREATE TABLE cfn_imports (
  export_name TEXT NOT NULL, stack_id TEXT NOT NULL, stack_name TEXT NOT NULL,
  PRIMARY KEY (export_name, stack_id));
)sql",
  };
  return m;
}

void apply_schema(sqlite3* db) {
  sql::exec(db, "CREATE TABLE IF NOT EXISTS cfn_schema_version (version INTEGER NOT NULL)");
  std::int64_t version = 0;
  {
    sql::Stmt q(db, "SELECT version FROM cfn_schema_version");
    if (q.step()) version = q.integer(0);
    else sql::Stmt(db, "INSERT INTO cfn_schema_version VALUES (0)").run();
  }
  const auto& m = migrations();
  if (version > static_cast<std::int64_t>(m.size()))
    throw std::runtime_error("cloudformation state has schema version " + std::to_string(version) +
                             ", newer than this pipemu understands (" + std::to_string(m.size()) +
                             "); upgrade pipemu or use another --state directory");
  for (auto i = static_cast<size_t>(version); i < m.size(); ++i) {
    sql::Transaction tx(db);
    sql::exec(db, m[i]);
    sql::Stmt(db, "UPDATE cfn_schema_version SET version = ?").bind(1, std::int64_t(i + 1)).run();
    tx.commit();
  }
}

}  // namespace pipemu::cfn::store
