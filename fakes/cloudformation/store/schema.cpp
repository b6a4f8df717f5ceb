#include "fakes/cloudformation/store/schema.hpp"


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
      // 2: fewer pages written per call (each page a call dirties is one WAL frame at COMMIT).
      // - Templates move out of the stack row into a content-addressed table (SHA-256 of the
      //   text): status changes no longer rewrite them (with their overflow pages, for a real
      //   template), and deploying a template seen before writes no template at all.
      // - Stacks get an integer key, and events find their stack by it: a new stack's events
      //   then append at the end of their index instead of splitting pages at a random place
      //   (stack ARNs end in a random id). Events also lose AUTOINCREMENT: its sqlite_sequence
      //   row was one more page per insert, and events are never deleted singly.
      // - The by-name index holds `created` too: finding the live stack of a name (every call
      //   that names a stack) reads it in order instead of sorting.
      R"sql(
CREATE TABLE cfn_templates (sha256 BLOB PRIMARY KEY, body TEXT NOT NULL);
INSERT OR IGNORE INTO cfn_templates SELECT sha256(template_body), template_body FROM cfn_stacks;
INSERT OR IGNORE INTO cfn_templates
  SELECT sha256(processed_template), processed_template FROM cfn_stacks;
CREATE TABLE cfn_stacks_v2 (
  key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, status TEXT NOT NULL,
  status_reason TEXT NOT NULL, description TEXT NOT NULL, template_sha256 BLOB NOT NULL,
  processed_sha256 BLOB NOT NULL, parameters TEXT NOT NULL, capabilities TEXT NOT NULL,
  outputs TEXT NOT NULL, tags TEXT NOT NULL, notification_arns TEXT NOT NULL,
  role_arn TEXT NOT NULL, change_set_id TEXT NOT NULL, disable_rollback INTEGER NOT NULL,
  termination_protection INTEGER NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL,
  deleted INTEGER NOT NULL);
INSERT INTO cfn_stacks_v2 (id, name, status, status_reason, description, template_sha256,
  processed_sha256, parameters, capabilities, outputs, tags, notification_arns, role_arn,
  change_set_id, disable_rollback, termination_protection, created, updated, deleted)
  SELECT id, name, status, status_reason, description, sha256(template_body),
  sha256(processed_template), parameters, capabilities, outputs, tags, notification_arns,
  role_arn, change_set_id, disable_rollback, termination_protection, created, updated, deleted
  FROM cfn_stacks ORDER BY rowid;
DROP TABLE cfn_stacks;
ALTER TABLE cfn_stacks_v2 RENAME TO cfn_stacks;
CREATE INDEX cfn_stacks_by_name ON cfn_stacks(name, deleted, created);
CREATE TABLE cfn_events_v2 (
  seq INTEGER PRIMARY KEY, stack_key INTEGER NOT NULL, event_id TEXT NOT NULL,
  stack_id TEXT NOT NULL, stack_name TEXT NOT NULL, logical_id TEXT NOT NULL,
  physical_id TEXT NOT NULL, resource_type TEXT NOT NULL, status TEXT NOT NULL,
  status_reason TEXT NOT NULL, properties TEXT NOT NULL, timestamp INTEGER NOT NULL);
INSERT INTO cfn_events_v2 SELECT e.seq, s.key, e.event_id, e.stack_id, e.stack_name,
  e.logical_id, e.physical_id, e.resource_type, e.status, e.status_reason, e.properties,
  e.timestamp FROM cfn_events e JOIN cfn_stacks s ON s.id = e.stack_id;
DROP TABLE cfn_events;
ALTER TABLE cfn_events_v2 RENAME TO cfn_events;
CREATE INDEX cfn_events_by_stack ON cfn_events(stack_key, seq);
)sql",
  };
  return m;
}

}  // namespace pipemu::cfn::store
