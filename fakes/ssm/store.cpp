#include "fakes/ssm/store.hpp"

namespace pipemu::ssm {

using fakes::Statement;

void Store::register_schema() {
  fakes::register_schema(
      "ssm", fakes::SchemaScope::Region,
      {R"sql(
CREATE TABLE ssm_versions(
  account TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
  type TEXT NOT NULL, value TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
  key_id TEXT NOT NULL DEFAULT '', allowed_pattern TEXT NOT NULL DEFAULT '',
  tier TEXT NOT NULL, data_type TEXT NOT NULL, modified REAL NOT NULL,
  PRIMARY KEY(account, name, version));
CREATE TABLE ssm_labels(
  account TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL, version INTEGER NOT NULL,
  PRIMARY KEY(account, name, label));
CREATE TABLE ssm_tags(
  account TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(account, name, key));
)sql"});
}

namespace {
const char* kColumns =
    "name, version, type, value, description, key_id, allowed_pattern, tier, data_type, modified";

ParameterRow read_row(const Statement& s) {
  ParameterRow r;
  r.name = s.text(0);
  r.version = s.integer(1);
  r.type = s.text(2);
  r.value = s.text(3);
  r.description = s.text(4);
  r.key_id = s.text(5);
  r.allowed_pattern = s.text(6);
  r.tier = s.text(7);
  r.data_type = s.text(8);
  r.modified = s.real(9);
  return r;
}
}  // namespace

std::vector<std::string> Store::labels(const std::string& account, const std::string& name,
                                       std::int64_t version) {
  Statement s(db_, "SELECT label FROM ssm_labels WHERE account=? AND name=? AND version=? "
                   "ORDER BY label");
  s.bind(1, account).bind(2, name).bind(3, version);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::optional<ParameterRow> Store::latest(const std::string& account, const std::string& name) {
  Statement s(db_, std::string("SELECT ") + kColumns +
                       " FROM ssm_versions WHERE account=? AND name=? ORDER BY version DESC LIMIT 1");
  s.bind(1, account).bind(2, name);
  if (!s.step()) return std::nullopt;
  auto r = read_row(s);
  r.labels = labels(account, name, r.version);
  return r;
}

std::optional<ParameterRow> Store::version(const std::string& account, const std::string& name,
                                           std::int64_t version) {
  Statement s(db_, std::string("SELECT ") + kColumns +
                       " FROM ssm_versions WHERE account=? AND name=? AND version=?");
  s.bind(1, account).bind(2, name).bind(3, version);
  if (!s.step()) return std::nullopt;
  auto r = read_row(s);
  r.labels = labels(account, name, r.version);
  return r;
}

std::optional<std::int64_t> Store::version_of_label(const std::string& account,
                                                    const std::string& name,
                                                    const std::string& label) {
  Statement s(db_, "SELECT version FROM ssm_labels WHERE account=? AND name=? AND label=?");
  s.bind(1, account).bind(2, name).bind(3, label);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

std::vector<ParameterRow> Store::history(const std::string& account, const std::string& name) {
  Statement s(db_, std::string("SELECT ") + kColumns +
                       " FROM ssm_versions WHERE account=? AND name=? ORDER BY version");
  s.bind(1, account).bind(2, name);
  std::vector<ParameterRow> out;
  while (s.step()) out.push_back(read_row(s));
  for (auto& r : out) r.labels = labels(account, name, r.version);
  return out;
}

void Store::each_latest(const std::string& account, const std::string& prefix,
                        const std::string& after, bool with_labels,
                        const std::function<bool(ParameterRow&)>& visit) {
  // Names starting with prefix are exactly [prefix, prefix with its last byte + 1): a range of
  // the (account, name, version) key, compared as bytes (no LIKE wildcards or case folding).
  // Rows come in batches of kBatch names, each at its latest version (an index seek per name);
  // a page of 10 is one statement.
  constexpr int kBatch = 16;
  std::string upper = prefix;
  while (!upper.empty() && static_cast<unsigned char>(upper.back()) == 0xFF) upper.pop_back();
  if (!upper.empty()) upper.back() = static_cast<char>(static_cast<unsigned char>(upper.back()) + 1);
  // One lower bound per statement (SQLite seeks on one): ">= prefix" first, then "> last name".
  auto sql = [&](bool inclusive) {
    return std::string("SELECT ") + kColumns + " FROM ssm_versions v WHERE account=?1 AND name " +
           (inclusive ? ">=" : ">") + " ?2" + (upper.empty() ? "" : " AND name < ?3") +
           " AND version=(SELECT MAX(version) FROM ssm_versions w WHERE w.account=?1 AND "
           "w.name=v.name) ORDER BY name LIMIT ?4";
  };
  bool inclusive = after < prefix;
  std::string cursor = inclusive ? prefix : after;
  while (true) {
    std::vector<ParameterRow> batch;
    {
      Statement s(db_, sql(inclusive));
      s.bind(1, account).bind(2, cursor).bind(4, kBatch);
      if (!upper.empty()) s.bind(3, upper);
      while (s.step()) batch.push_back(read_row(s));
    }
    for (auto& r : batch) {
      if (with_labels) r.labels = labels(account, r.name, r.version);
      if (!visit(r)) return;
    }
    if (static_cast<int>(batch.size()) < kBatch) return;
    cursor = batch.back().name;
    inclusive = false;
  }
}

std::int64_t Store::version_count(const std::string& account, const std::string& name) {
  Statement s(db_, "SELECT COUNT(*) FROM ssm_versions WHERE account=? AND name=?");
  s.bind(1, account).bind(2, name);
  s.step();
  return s.integer(0);
}

std::optional<std::int64_t> Store::oldest_version(const std::string& account,
                                                  const std::string& name) {
  Statement s(db_, "SELECT MIN(version) FROM ssm_versions WHERE account=? AND name=?");
  s.bind(1, account).bind(2, name);
  if (!s.step() || s.is_null(0)) return std::nullopt;
  return s.integer(0);
}

void Store::insert(const std::string& account, const ParameterRow& r) {
  Statement s(db_,
              "INSERT INTO ssm_versions(account, name, version, type, value, description, key_id,"
              " allowed_pattern, tier, data_type, modified) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, account).bind(2, r.name).bind(3, r.version).bind(4, r.type).bind(5, r.value);
  s.bind(6, r.description).bind(7, r.key_id).bind(8, r.allowed_pattern).bind(9, r.tier);
  s.bind(10, r.data_type).bind(11, r.modified).run();
}

void Store::delete_version(const std::string& account, const std::string& name,
                           std::int64_t version) {
  Statement s(db_, "DELETE FROM ssm_versions WHERE account=? AND name=? AND version=?");
  s.bind(1, account).bind(2, name).bind(3, version).run();
  Statement l(db_, "DELETE FROM ssm_labels WHERE account=? AND name=? AND version=?");
  l.bind(1, account).bind(2, name).bind(3, version).run();
}

bool Store::erase(const std::string& account, const std::string& name) {
  Statement s(db_, "DELETE FROM ssm_versions WHERE account=? AND name=?");
  s.bind(1, account).bind(2, name).run();
  bool existed = db_.changes() > 0;
  for (const char* table : {"ssm_labels", "ssm_tags"}) {
    Statement t(db_, std::string("DELETE FROM ") + table + " WHERE account=? AND name=?");
    t.bind(1, account).bind(2, name).run();
  }
  return existed;
}

void Store::set_label(const std::string& account, const std::string& name,
                      const std::string& label, std::int64_t version) {
  Statement s(db_, "INSERT OR REPLACE INTO ssm_labels(account, name, label, version) "
                   "VALUES(?,?,?,?)");
  s.bind(1, account).bind(2, name).bind(3, label).bind(4, version).run();
}

void Store::set_tag(const std::string& account, const std::string& name, const std::string& key,
                    const std::string& value) {
  Statement s(db_, "INSERT OR REPLACE INTO ssm_tags(account, name, key, value) VALUES(?,?,?,?)");
  s.bind(1, account).bind(2, name).bind(3, key).bind(4, value).run();
}

}  // namespace pipemu::ssm
