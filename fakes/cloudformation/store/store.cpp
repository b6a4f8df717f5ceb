#include "fakes/cloudformation/store/store.hpp"

#include "fakes/cloudformation/store/codec.hpp"

namespace pipemu::cfn::store {

namespace {

using Q = fakes::Statement;

// Without a copy: every caller steps the statement while the bound strings are alive (named
// values, or temporaries of the same full expression as run()).
void bind_one(Q& q, int i, const std::string& v) { q.bind_ref(i, v); }
void bind_one(Q& q, int i, std::int64_t v) { q.bind(i, v); }
void bind_one(Q& q, int i, bool v) { q.bind(i, std::int64_t{v ? 1 : 0}); }

// Binds each argument to positions 1..N.
template <class... A>
Q& bind_all(Q& q, const A&... args) {
  int i = 0;
  (bind_one(q, ++i, args), ...);
  return q;
}

// A stack's row joined with its two templates, in read_stack's column order; or the row alone,
// with empty texts in the templates' places.
std::string stack_query(const char* templates, const char* joins) {
  return std::string("SELECT s.id, s.name, s.status, s.status_reason, s.description, ") +
         templates +
         ", s.parameters, s.capabilities, s.outputs, s.tags, s.notification_arns, s.role_arn, "
         "s.change_set_id, s.disable_rollback, s.termination_protection, s.created, s.updated, "
         "s.deleted, s.key FROM cfn_stacks s " +
         joins;
}
const std::string kSelectStack =
    stack_query("tb.body, tp.body",
                "JOIN cfn_templates tb ON tb.sha256 = s.template_sha256 "
                "JOIN cfn_templates tp ON tp.sha256 = s.processed_sha256");
const std::string kSelectStackAlone = stack_query("'', ''", "");

const std::string& select_stack(Store::Templates templates) {
  return templates == Store::Templates::Load ? kSelectStack : kSelectStackAlone;
}

// Empty objects and lists, the common case, need no parser.
Json parse_json(const std::string& text) {
  if (text == "{}") return Json::object();
  if (text == "[]") return Json::array();
  return Json::parse(text);
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
  r.properties = parse_json(q.text(6));
  r.attributes = parse_json(q.text(7));
  r.metadata = q.text(8);
  r.updated = q.integer(9);
  return r;
}

constexpr const char* kChangeSetCols =
    "id, name, stack_id, stack_name, type, status, execution_status, status_reason, description, "
    "template_body, parameters, capabilities, tags, notification_arns, role_arn, changes, created";

ChangeSet read_change_set(const Q& q, Store::Changes changes = Store::Changes::Read) {
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
  if (changes == Store::Changes::Read) c.changes = parse_json(q.text(15));
  c.created = q.integer(16);
  return c;
}

// The columns a status change leaves alone, as stored (lists in their encoded form).
struct RowText {
  std::string parameters, capabilities, outputs, tags, notification_arns;
};

// Those columns and the templates in one string (each part length-prefixed): equal images,
// equal rows. Compared exactly, not by hash: a collision would lose an update.
std::string row_image(const Stack& s, const RowText& t) {
  std::string out;
  for (const auto* part : {&s.template_body, &s.processed_template, &s.name, &s.description,
                           &t.parameters, &t.capabilities, &t.outputs, &t.tags,
                           &t.notification_arns, &s.role_arn, &s.change_set_id}) {
    out += std::to_string(part->size());
    out += ':';
    out += *part;
  }
  out += std::to_string(s.created);
  out += s.disable_rollback ? 'r' : '-';
  out += s.termination_protection ? 'p' : '-';
  return out;
}

// A row this call read or wrote before: found by key, no conflict to resolve.
void rewrite_stack(fakes::Database& db, const Stack& s, const RowText& t, std::int64_t key) {
  Q q(db,
      "UPDATE cfn_stacks SET status = ?, status_reason = ?, description = ?, "
      "template_sha256 = sha256(?), processed_sha256 = sha256(?), parameters = ?, "
      "capabilities = ?, outputs = ?, tags = ?, notification_arns = ?, role_arn = ?, "
      "change_set_id = ?, disable_rollback = ?, termination_protection = ?, updated = ? "
      "WHERE key = ?");
  bind_all(q, s.status, s.status_reason, s.description, s.template_body, s.processed_template,
           t.parameters, t.capabilities, t.outputs, t.tags, t.notification_arns, s.role_arn,
           s.change_set_id, s.disable_rollback, s.termination_protection, s.updated, key)
      .run();
}

// A row this call has not seen: new, or written by an earlier call (the id decides).
// Returns the row's key and `deleted`.
std::pair<std::int64_t, std::int64_t> insert_stack(fakes::Database& db, const Stack& s,
                                                   const RowText& t) {
  Q q(db,
      "INSERT INTO cfn_stacks (id, name, status, status_reason, description, "
      "template_sha256, processed_sha256, parameters, capabilities, outputs, tags, "
      "notification_arns, role_arn, change_set_id, disable_rollback, termination_protection, "
      "created, updated, deleted) VALUES (?, ?, ?, ?, ?, sha256(?), sha256(?), ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
      "status = excluded.status, status_reason = excluded.status_reason, "
      "description = excluded.description, template_sha256 = excluded.template_sha256, "
      "processed_sha256 = excluded.processed_sha256, parameters = excluded.parameters, "
      "capabilities = excluded.capabilities, outputs = excluded.outputs, tags = excluded.tags, "
      "notification_arns = excluded.notification_arns, role_arn = excluded.role_arn, "
      "change_set_id = excluded.change_set_id, disable_rollback = excluded.disable_rollback, "
      "termination_protection = excluded.termination_protection, updated = excluded.updated "
      "RETURNING key, deleted");
  bind_all(q, s.id, s.name, s.status, s.status_reason, s.description, s.template_body,
           s.processed_template, t.parameters, t.capabilities, t.outputs, t.tags,
           t.notification_arns, s.role_arn, s.change_set_id, s.disable_rollback,
           s.termination_protection, s.created, s.updated, s.deleted);
  if (!q.step()) throw fakes::DatabaseError("cfn_stacks upsert returned no row");
  std::pair<std::int64_t, std::int64_t> row{q.integer(0), q.integer(1)};
  q.run();
  return row;
}

// The templates alone, to know whether they must be stored.
bool same_templates(const std::string& image, const Stack& s) {
  std::string head = std::to_string(s.template_body.size()) + ':' + s.template_body +
                     std::to_string(s.processed_template.size()) + ':' + s.processed_template;
  return image.compare(0, head.size(), head) == 0;
}

std::string cols_sql(const char* verb, const char* table, const char* cols, int n) {
  std::string marks;
  for (int i = 0; i < n; ++i) marks += i ? ", ?" : "?";
  return std::string(verb) + " INTO " + table + " (" + cols + ") VALUES (" + marks + ")";
}

}  // namespace

Stack Store::read_stack(const Q& q, bool remember) const {
  Stack s;
  RowText t{q.text(7), q.text(8), q.text(9), q.text(10), q.text(11)};
  s.id = q.text(0);
  s.name = q.text(1);
  s.status = q.text(2);
  s.status_reason = q.text(3);
  s.description = q.text(4);
  s.template_body = q.text(5);
  s.processed_template = q.text(6);
  s.parameters = decode_parameters(t.parameters);
  s.capabilities = decode_strings(t.capabilities);
  s.outputs = decode_outputs(t.outputs);
  s.tags = decode_tags(t.tags);
  s.notification_arns = decode_strings(t.notification_arns);
  s.role_arn = q.text(12);
  s.change_set_id = q.text(13);
  s.disable_rollback = q.integer(14) != 0;
  s.termination_protection = q.integer(15) != 0;
  s.created = q.integer(16);
  s.updated = q.integer(17);
  s.deleted = q.integer(18);
  // The region is the database's, filled in by the service.
  if (remember) known_[s.id] = Known{q.integer(19), row_image(s, t), s.deleted};
  return s;
}

// A stack's row is written in the cheapest form that stores what changed. Within one call the
// usual change is the status alone (CREATE_IN_PROGRESS ... CREATE_COMPLETE): one UPDATE of three
// columns. Otherwise an upsert that leaves name, created and `deleted` (a column of the by-name
// index) alone; `deleted` is written once, when set. Templates are stored once per text.
void Store::put_stack(const Stack& s) {
  RowText t{encode(s.parameters), encode(s.capabilities), encode(s.outputs), encode(s.tags),
            encode(s.notification_arns)};
  auto image = row_image(s, t);
  auto it = known_.find(s.id);
  if (it != known_.end() && it->second.image == image) {
    Q q(db_, "UPDATE cfn_stacks SET status = ?, status_reason = ?, updated = ? WHERE key = ?");
    bind_all(q, s.status, s.status_reason, s.updated, it->second.key).run();
  } else {
    if (it == known_.end() || !same_templates(it->second.image, s))
      for (const auto* text : {&s.template_body, &s.processed_template}) {
        Q q(db_, "INSERT OR IGNORE INTO cfn_templates (sha256, body) VALUES (sha256(?1), ?1)");
        q.bind(1, *text).run();
      }
    if (it != known_.end()) {
      rewrite_stack(db_, s, t, it->second.key);
    } else {
      auto [key, deleted] = insert_stack(db_, s, t);
      it = known_.insert_or_assign(s.id, Known{key, {}, deleted}).first;
    }
    it->second.image = std::move(image);
  }
  if (s.deleted && it->second.deleted != s.deleted) {
    Q q(db_, "UPDATE cfn_stacks SET deleted = ? WHERE key = ?");
    bind_all(q, s.deleted, it->second.key).run();
    it->second.deleted = s.deleted;
  }
}

std::optional<Stack> Store::find_live_stack(const std::string& name, Templates templates) const {
  static const std::string sql[2] = {
      kSelectStack + " WHERE s.name = ? AND s.deleted = 0 ORDER BY s.created DESC",
      kSelectStackAlone + " WHERE s.name = ? AND s.deleted = 0 ORDER BY s.created DESC"};
  Q q(db_, sql[templates == Templates::Skip]);
  q.bind(1, name);
  if (!q.step()) return std::nullopt;
  return read_stack(q, templates == Templates::Load);
}

std::optional<Stack> Store::find_stack_by_id(const std::string& id, Templates templates) const {
  static const std::string sql[2] = {kSelectStack + " WHERE s.id = ?",
                                     kSelectStackAlone + " WHERE s.id = ?"};
  Q q(db_, sql[templates == Templates::Skip]);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_stack(q, templates == Templates::Load);
}

std::optional<std::string> Store::live_stack_id(const std::string& name) const {
  Q q(db_, "SELECT id FROM cfn_stacks WHERE name = ? AND deleted = 0 ORDER BY created DESC");
  q.bind(1, name);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

std::vector<Stack> Store::list_stacks(bool include_deleted, Templates templates) const {
  Q q(db_, select_stack(templates) + (include_deleted ? "" : " WHERE s.deleted = 0") +
               " ORDER BY s.created DESC, s.id");
  std::vector<Stack> out;
  while (q.step()) out.push_back(read_stack(q, false));  // listings are not written back
  return out;
}

void Store::put_resource(const Resource& r) {
  // An upsert keeps the row (and so its place in creation order, which deletion reverses).
  static const std::string sql =
      cols_sql("INSERT", "cfn_resources", kResourceCols, 10) +
      " ON CONFLICT (stack_id, logical_id) DO UPDATE SET physical_id = "
      "excluded.physical_id, type = excluded.type, status = excluded.status, "
      "status_reason = excluded.status_reason, properties = excluded.properties, "
      "attributes = excluded.attributes, metadata = excluded.metadata, "
      "updated = excluded.updated";
  Q q(db_, sql);
  bind_all(q, r.stack_id, r.logical_id, r.physical_id, r.type, r.status, r.status_reason,
                r.properties.dump(), r.attributes.dump(), r.metadata, r.updated).run();
}

void Store::delete_resource(const std::string& stack_id, const std::string& logical_id) {
  Q q(db_, "DELETE FROM cfn_resources WHERE stack_id = ? AND logical_id = ?");
  bind_all(q, stack_id, logical_id).run();
}

std::vector<Resource> Store::resources(const std::string& stack_id) const {
  static const std::string sql =
      std::string("SELECT ") + kResourceCols +
      " FROM cfn_resources WHERE stack_id = ? ORDER BY rowid";
  Q q(db_, sql);
  q.bind(1, stack_id);
  std::vector<Resource> out;
  while (q.step()) out.push_back(read_resource(q));
  return out;
}

std::optional<Resource> Store::find_resource(const std::string& stack_id,
                                             const std::string& logical_id) const {
  static const std::string sql =
      std::string("SELECT ") + kResourceCols +
      " FROM cfn_resources WHERE stack_id = ? AND logical_id = ?";
  Q q(db_, sql);
  bind_all(q, stack_id, logical_id);
  if (q.step()) return read_resource(q);
  return std::nullopt;
}

void Store::add_event(const Event& e) {
  // The stack's row is written before its first event (set_stack_status), so its key exists
  // (known to this call, or looked up); NOT NULL makes an event of an unwritten stack an error.
  auto it = known_.find(e.stack_id);
  Q q(db_, it != known_.end()
               ? "INSERT INTO cfn_events (stack_key, event_id, stack_id, stack_name, logical_id, "
                 "physical_id, resource_type, status, status_reason, properties, timestamp) "
                 "VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
               : "INSERT INTO cfn_events (stack_key, event_id, stack_id, stack_name, logical_id, "
                 "physical_id, resource_type, status, status_reason, properties, timestamp) "
                 "VALUES ((SELECT key FROM cfn_stacks WHERE id = ?2), ?1, ?2, ?3, ?4, ?5, ?6, "
                 "?7, ?8, ?9, ?10)");
  bind_all(q, e.event_id, e.stack_id, e.stack_name, e.logical_id, e.physical_id, e.resource_type,
           e.status, e.status_reason, e.properties, e.timestamp);
  if (it != known_.end()) q.bind(11, it->second.key);
  q.run();
}

std::vector<Event> Store::events(const std::string& stack_id) const {
  Q q(db_,
              "SELECT seq, event_id, stack_id, stack_name, logical_id, physical_id, resource_type, "
              "status, status_reason, properties, timestamp FROM cfn_events WHERE stack_key = "
              "(SELECT key FROM cfn_stacks WHERE id = ?) ORDER BY seq DESC");
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
  // Id, name and stack never change: the upsert leaves the change set's indexes alone.
  static const std::string sql =
      cols_sql("INSERT", "cfn_change_sets", kChangeSetCols, 17) +
      " ON CONFLICT (id) DO UPDATE SET type = excluded.type, status = excluded.status, "
      "execution_status = excluded.execution_status, "
      "status_reason = excluded.status_reason, description = excluded.description, "
      "template_body = excluded.template_body, parameters = excluded.parameters, "
      "capabilities = excluded.capabilities, tags = excluded.tags, "
      "notification_arns = excluded.notification_arns, role_arn = excluded.role_arn, "
      "changes = excluded.changes, created = excluded.created";
  Q q(db_, sql);
  bind_all(q, c.id, c.name, c.stack_id, c.stack_name, c.type, c.status, c.execution_status,
                c.status_reason, c.description, c.template_body, encode(c.parameters),
                encode(c.capabilities), encode(c.tags), encode(c.notification_arns), c.role_arn,
                c.changes.dump(), c.created).run();
}

std::optional<ChangeSet> Store::find_change_set_by_id(const std::string& id,
                                                     Changes changes) const {
  static const std::string sql =
      std::string("SELECT ") + kChangeSetCols + " FROM cfn_change_sets WHERE id = ?";
  Q q(db_, sql);
  q.bind(1, id);
  if (q.step()) return read_change_set(q, changes);
  return std::nullopt;
}

std::optional<ChangeSet> Store::find_change_set(const std::string& stack_id,
                                                const std::string& name, Changes changes) const {
  static const std::string sql =
      std::string("SELECT ") + kChangeSetCols +
      " FROM cfn_change_sets WHERE stack_id = ? AND name = ?";
  Q q(db_, sql);
  bind_all(q, stack_id, name);
  if (q.step()) return read_change_set(q, changes);
  return std::nullopt;
}

void Store::set_execution_status(const std::string& change_set_id, const std::string& status) {
  Q q(db_, "UPDATE cfn_change_sets SET execution_status = ? WHERE id = ?");
  bind_all(q, status, change_set_id).run();
}

std::vector<ChangeSet> Store::change_sets(const std::string& stack_id) const {
  static const std::string sql =
      std::string("SELECT ") + kChangeSetCols +
      " FROM cfn_change_sets WHERE stack_id = ? ORDER BY created, rowid";
  Q q(db_, sql);
  q.bind(1, stack_id);
  std::vector<ChangeSet> out;
  while (q.step()) out.push_back(read_change_set(q));
  return out;
}

void Store::delete_change_set(const std::string& id) {
  Q q(db_, "DELETE FROM cfn_change_sets WHERE id = ?");
  q.bind(1, id).run();
}

void Store::delete_change_sets_of(const std::string& stack_id, const std::string& keep) {
  Q q(db_, "DELETE FROM cfn_change_sets WHERE stack_id = ? AND id <> ?");
  bind_all(q, stack_id, keep).run();
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
