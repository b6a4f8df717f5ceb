#include "fakes/cloudformation/store/store.hpp"

#include "fakes/cloudformation/store/codec.hpp"

namespace pipemu::cfn::store {

namespace {

using Q = fakes::Statement;

void bind_one(Q& q, int i, const std::string& v) { q.bind(i, v); }
void bind_one(Q& q, int i, std::int64_t v) { q.bind(i, v); }
void bind_one(Q& q, int i, bool v) { q.bind(i, std::int64_t{v ? 1 : 0}); }

// Binds each argument to positions 1..N.
template <class... A>
Q& bind_all(Q& q, const A&... args) {
  int i = 0;
  (bind_one(q, ++i, args), ...);
  return q;
}

constexpr const char* kStackCols =
    "id, name, status, status_reason, description, template_body, processed_template, "
    "parameters, capabilities, outputs, tags, notification_arns, role_arn, change_set_id, "
    "disable_rollback, termination_protection, created, updated, deleted";

Stack read_stack(const Q& q) {
  Stack s;
  s.id = q.text(0);
  s.name = q.text(1);
  s.status = q.text(2);
  s.status_reason = q.text(3);
  s.description = q.text(4);
  s.template_body = q.text(5);
  s.processed_template = q.text(6);
  s.parameters = decode_parameters(q.text(7));
  s.capabilities = decode_strings(q.text(8));
  s.outputs = decode_outputs(q.text(9));
  s.tags = decode_tags(q.text(10));
  s.notification_arns = decode_strings(q.text(11));
  s.role_arn = q.text(12);
  s.change_set_id = q.text(13);
  s.disable_rollback = q.integer(14) != 0;
  s.termination_protection = q.integer(15) != 0;
  s.created = q.integer(16);
  s.updated = q.integer(17);
  s.deleted = q.integer(18);
  // The region is the database's, filled in by the service.
  return s;
}

constexpr const char* kResourceCols =
    "stack_id, logical_id, physical_id, type, status, status_reason, properties, attributes, "
    "metadata, updated";

Resource read_resource(const Q& q) {
  Resource r;
  r.stack_id = q.text(0);
  r.logical_id = q.text(1);
  r.physical_id = q.text(2);
  r.type = q.text(3);
  r.status = q.text(4);
  r.status_reason = q.text(5);
  r.properties = Json::parse(q.text(6));
  r.attributes = Json::parse(q.text(7));
  r.metadata = q.text(8);
  r.updated = q.integer(9);
  return r;
}

constexpr const char* kChangeSetCols =
    "id, name, stack_id, stack_name, type, status, execution_status, status_reason, description, "
    "template_body, parameters, capabilities, tags, notification_arns, role_arn, changes, created";

ChangeSet read_change_set(const Q& q) {
  ChangeSet c;
  c.id = q.text(0);
  c.name = q.text(1);
  c.stack_id = q.text(2);
  c.stack_name = q.text(3);
  c.type = q.text(4);
  c.status = q.text(5);
  c.execution_status = q.text(6);
  c.status_reason = q.text(7);
  c.description = q.text(8);
  c.template_body = q.text(9);
  c.parameters = decode_parameters(q.text(10));
  c.capabilities = decode_strings(q.text(11));
  c.tags = decode_tags(q.text(12));
  c.notification_arns = decode_strings(q.text(13));
  c.role_arn = q.text(14);
  c.changes = Json::parse(q.text(15));
  c.created = q.integer(16);
  return c;
}

std::string cols_sql(const char* verb, const char* table, const char* cols, int n) {
  std::string marks;
  for (int i = 0; i < n; ++i) marks += i ? ", ?" : "?";
  return std::string(verb) + " INTO " + table + " (" + cols + ") VALUES (" + marks + ")";
}

}  // namespace

void Store::put_stack(const Stack& s) {
  Q q(db_, cols_sql("INSERT OR REPLACE", "cfn_stacks", kStackCols, 19));
  bind_all(q, s.id, s.name, s.status, s.status_reason, s.description, s.template_body,
                s.processed_template, encode(s.parameters), encode(s.capabilities),
                encode(s.outputs), encode(s.tags), encode(s.notification_arns), s.role_arn,
                s.change_set_id, s.disable_rollback, s.termination_protection, s.created,
                s.updated, s.deleted).run();
}

std::optional<Stack> Store::find_live_stack(const std::string& name) const {
  Q q(db_, std::string("SELECT ") + kStackCols +
                       " FROM cfn_stacks WHERE name = ? AND deleted = 0 ORDER BY created DESC");
  q.bind(1, name);
  if (q.step()) return read_stack(q);
  return std::nullopt;
}

std::optional<Stack> Store::find_stack_by_id(const std::string& id) const {
  Q q(db_, std::string("SELECT ") + kStackCols + " FROM cfn_stacks WHERE id = ?");
  q.bind(1, id);
  if (q.step()) return read_stack(q);
  return std::nullopt;
}

std::vector<Stack> Store::list_stacks(bool include_deleted) const {
  Q q(db_, std::string("SELECT ") + kStackCols + " FROM cfn_stacks" +
                       (include_deleted ? "" : " WHERE deleted = 0") + " ORDER BY created DESC, id");
  std::vector<Stack> out;
  while (q.step()) out.push_back(read_stack(q));
  return out;
}

void Store::put_resource(const Resource& r) {
  Q q(db_, cols_sql("INSERT OR REPLACE", "cfn_resources", kResourceCols, 10));
  bind_all(q, r.stack_id, r.logical_id, r.physical_id, r.type, r.status, r.status_reason,
                r.properties.dump(), r.attributes.dump(), r.metadata, r.updated).run();
}

void Store::delete_resource(const std::string& stack_id, const std::string& logical_id) {
  Q q(db_, "DELETE FROM cfn_resources WHERE stack_id = ? AND logical_id = ?");
  bind_all(q, stack_id, logical_id).run();
}

std::vector<Resource> Store::resources(const std::string& stack_id) const {
  Q q(db_, std::string("SELECT ") + kResourceCols +
                       " FROM cfn_resources WHERE stack_id = ? ORDER BY rowid");
  q.bind(1, stack_id);
  std::vector<Resource> out;
  while (q.step()) out.push_back(read_resource(q));
  return out;
}

std::optional<Resource> Store::find_resource(const std::string& stack_id,
                                             const std::string& logical_id) const {
  Q q(db_, std::string("SELECT ") + kResourceCols +
                       " FROM cfn_resources WHERE stack_id = ? AND logical_id = ?");
  bind_all(q, stack_id, logical_id);
  if (q.step()) return read_resource(q);
  return std::nullopt;
}

void Store::add_event(const Event& e) {
  Q q(db_,
      "INSERT INTO cfn_events (event_id, stack_id, stack_name, logical_id, physical_id, "
      "resource_type, status, status_reason, properties, timestamp) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_all(q, e.event_id, e.stack_id, e.stack_name, e.logical_id, e.physical_id, e.resource_type,
           e.status, e.status_reason, e.properties, e.timestamp)
      .run();
}

std::vector<Event> Store::events(const std::string& stack_id) const {
  Q q(db_,
              "SELECT seq, event_id, stack_id, stack_name, logical_id, physical_id, resource_type, "
              "status, status_reason, properties, timestamp FROM cfn_events WHERE stack_id = ? "
              "ORDER BY seq DESC");
  q.bind(1, stack_id);
  std::vector<Event> out;
  while (q.step()) {
    Event e;
    e.seq = q.integer(0);
    e.event_id = q.text(1);
    e.stack_id = q.text(2);
    e.stack_name = q.text(3);
    e.logical_id = q.text(4);
    e.physical_id = q.text(5);
    e.resource_type = q.text(6);
    e.status = q.text(7);
    e.status_reason = q.text(8);
    e.properties = q.text(9);
    e.timestamp = q.integer(10);
    out.push_back(std::move(e));
  }
  return out;
}

void Store::put_change_set(const ChangeSet& c) {
  Q q(db_, cols_sql("INSERT OR REPLACE", "cfn_change_sets", kChangeSetCols, 17));
  bind_all(q, c.id, c.name, c.stack_id, c.stack_name, c.type, c.status, c.execution_status,
                c.status_reason, c.description, c.template_body, encode(c.parameters),
                encode(c.capabilities), encode(c.tags), encode(c.notification_arns), c.role_arn,
                c.changes.dump(), c.created).run();
}

std::optional<ChangeSet> Store::find_change_set_by_id(const std::string& id) const {
  Q q(db_, std::string("SELECT ") + kChangeSetCols + " FROM cfn_change_sets WHERE id = ?");
  q.bind(1, id);
  if (q.step()) return read_change_set(q);
  return std::nullopt;
}

std::optional<ChangeSet> Store::find_change_set(const std::string& stack_id,
                                                const std::string& name) const {
  Q q(db_, std::string("SELECT ") + kChangeSetCols +
                       " FROM cfn_change_sets WHERE stack_id = ? AND name = ?");
  bind_all(q, stack_id, name);
  if (q.step()) return read_change_set(q);
  return std::nullopt;
}

std::vector<ChangeSet> Store::change_sets(const std::string& stack_id) const {
  Q q(db_, std::string("SELECT ") + kChangeSetCols +
                       " FROM cfn_change_sets WHERE stack_id = ? ORDER BY created, rowid");
  q.bind(1, stack_id);
  std::vector<ChangeSet> out;
  while (q.step()) out.push_back(read_change_set(q));
  return out;
}

void Store::delete_change_set(const std::string& id) {
  Q q(db_, "DELETE FROM cfn_change_sets WHERE id = ?");
  q.bind(1, id).run();
}

void Store::put_export(const Export& e) {
  Q q(db_, "INSERT OR REPLACE INTO cfn_exports (name, value, stack_id) VALUES (?, ?, ?)");
  bind_all(q, e.name, e.value, e.stack_id).run();
}

void Store::delete_export(const std::string& name) {
  Q q(db_, "DELETE FROM cfn_exports WHERE name = ?");
  q.bind(1, name).run();
}

std::optional<Export> Store::find_export(const std::string& name) const {
  Q q(db_, "SELECT name, value, stack_id FROM cfn_exports WHERE name = ?");
  q.bind(1, name);
  if (q.step()) return Export{q.text(0), q.text(1), q.text(2)};
  return std::nullopt;
}

std::vector<Export> Store::exports() const {
  Q q(db_, "SELECT name, value, stack_id FROM cfn_exports ORDER BY name");
  std::vector<Export> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2)});
  return out;
}

std::vector<Export> Store::exports_of(const std::string& stack_id) const {
  Q q(db_, "SELECT name, value, stack_id FROM cfn_exports WHERE stack_id = ? ORDER BY name");
  q.bind(1, stack_id);
  std::vector<Export> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2)});
  return out;
}

void Store::set_imports(const std::string& stack_id, const std::string& stack_name,
                        const std::vector<std::string>& export_names) {
  {
    Q q(db_, "DELETE FROM cfn_imports WHERE stack_id = ?");
    q.bind(1, stack_id).run();
  }
  for (const auto& n : export_names) {
    Q q(db_,
        "INSERT OR IGNORE INTO cfn_imports (export_name, stack_id, stack_name) VALUES (?, ?, ?)");
    bind_all(q, n, stack_id, stack_name).run();
  }
}

std::vector<Import> Store::importers(const std::string& export_name) const {
  Q q(db_,
              "SELECT export_name, stack_id, stack_name FROM cfn_imports WHERE export_name = ? "
              "ORDER BY stack_name");
  q.bind(1, export_name);
  std::vector<Import> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2)});
  return out;
}

}  // namespace pipemu::cfn::store
