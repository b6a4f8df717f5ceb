#include "fakes/s3/store.hpp"

#include <nlohmann/json.hpp>

namespace pipemu::s3 {

using fakes::Statement;
using Map = std::map<std::string, std::string>;

namespace {
std::string to_json(const Map& m) { return nlohmann::json(m).dump(); }
Map from_json(const std::string& s) {
  if (s.empty()) return {};
  return nlohmann::json::parse(s, nullptr, false).get<Map>();
}
}  // namespace

void BucketStore::register_schema() {
  fakes::register_schema("s3-buckets", fakes::SchemaScope::Global, {R"sql(
CREATE TABLE s3_buckets(name TEXT PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL,
                        created REAL NOT NULL);
)sql"});
}

std::optional<BucketRow> BucketStore::find(const std::string& name) {
  Statement s(db_, "SELECT name, account, region, created FROM s3_buckets WHERE name=?");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return BucketRow{s.text(0), s.text(1), s.text(2), s.real(3)};
}

std::vector<BucketRow> BucketStore::list(const std::string& account) {
  Statement s(db_, "SELECT name, account, region, created FROM s3_buckets WHERE account=? "
                   "ORDER BY name");
  s.bind(1, account);
  std::vector<BucketRow> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.real(3)});
  return out;
}

void BucketStore::insert(const BucketRow& r) {
  Statement s(db_, "INSERT INTO s3_buckets(name, account, region, created) VALUES(?,?,?,?)");
  s.bind(1, r.name).bind(2, r.account).bind(3, r.region).bind(4, r.created).run();
}

void BucketStore::erase(const std::string& name) {
  Statement s(db_, "DELETE FROM s3_buckets WHERE name=?");
  s.bind(1, name).run();
}

void ObjectStore::register_schema() {
  fakes::register_schema("s3", fakes::SchemaScope::Region, {R"sql(
CREATE TABLE s3_objects(bucket TEXT NOT NULL, key TEXT NOT NULL, blob TEXT NOT NULL,
  size INTEGER NOT NULL, etag TEXT NOT NULL, content_type TEXT NOT NULL, metadata TEXT NOT NULL,
  headers TEXT NOT NULL, last_modified REAL NOT NULL, parts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(bucket, key));
CREATE TABLE s3_uploads(upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL, key TEXT NOT NULL,
  content_type TEXT NOT NULL, metadata TEXT NOT NULL, headers TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE s3_parts(upload_id TEXT NOT NULL, number INTEGER NOT NULL, blob TEXT NOT NULL,
  size INTEGER NOT NULL, md5_hex TEXT NOT NULL, md5_raw BLOB NOT NULL,
  PRIMARY KEY(upload_id, number));
)sql",
                                                                 // 2: flexible checksums, blob
                                                                 // lookups (garbage collection)
                                                                 R"sql(
ALTER TABLE s3_objects ADD COLUMN checksum_algorithm TEXT NOT NULL DEFAULT '';
ALTER TABLE s3_objects ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
ALTER TABLE s3_uploads ADD COLUMN checksum_algorithm TEXT NOT NULL DEFAULT '';
ALTER TABLE s3_parts ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
CREATE INDEX s3_objects_blob ON s3_objects(blob);
CREATE INDEX s3_parts_blob ON s3_parts(blob);
)sql",
                                                                 // 3: small bodies inline
                                                                 R"sql(
ALTER TABLE s3_objects ADD COLUMN body BLOB;
)sql",
                                                                 // 4: only file bodies need
                                                                 // the blob lookup (collection)
                                                                 R"sql(
DROP INDEX s3_objects_blob;
CREATE INDEX s3_objects_file_blob ON s3_objects(blob) WHERE body IS NULL;
)sql"});
}

namespace {
const char* kObjectColumns =
    "bucket, key, blob, size, etag, content_type, metadata, headers, last_modified, parts, "
    "checksum_algorithm, checksum";
ObjectRow read_object(const Statement& s) {
  ObjectRow r;
  r.bucket = s.text(0);
  r.key = s.text(1);
  r.blob = s.text(2);
  r.size = static_cast<std::uint64_t>(s.integer(3));
  r.etag = s.text(4);
  r.content_type = s.text(5);
  r.metadata = from_json(s.text(6));
  r.headers = from_json(s.text(7));
  r.last_modified = s.real(8);
  r.parts = static_cast<int>(s.integer(9));
  r.checksum_algorithm = s.text(10);
  r.checksum = s.text(11);
  return r;
}
}  // namespace

std::optional<ObjectRow> ObjectStore::find(const std::string& bucket, const std::string& key) {
  Statement s(db_, std::string("SELECT ") + kObjectColumns +
                       ", body FROM s3_objects WHERE bucket=? AND key=?");
  s.bind(1, bucket).bind(2, key);
  if (!s.step()) return std::nullopt;
  ObjectRow r = read_object(s);
  if (!s.is_null(12)) r.body = s.text(12);
  return r;
}

void ObjectStore::upsert(const ObjectRow& r) {
  // An upsert, not INSERT OR REPLACE: an overwrite updates the row in place (same rowid, key
  // index untouched) instead of a delete plus an insert elsewhere, so a commit writes fewer pages.
  Statement s(db_, std::string("INSERT INTO s3_objects(") + kObjectColumns +
                       ", body) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(bucket, key) DO "
                       "UPDATE SET blob=excluded.blob, size=excluded.size, etag=excluded.etag, "
                       "content_type=excluded.content_type, metadata=excluded.metadata, "
                       "headers=excluded.headers, last_modified=excluded.last_modified, "
                       "parts=excluded.parts, checksum_algorithm=excluded.checksum_algorithm, "
                       "checksum=excluded.checksum, body=excluded.body");
  s.bind(1, r.bucket).bind(2, r.key).bind(3, r.blob).bind(4, static_cast<std::int64_t>(r.size));
  s.bind(5, r.etag).bind(6, r.content_type).bind(7, to_json(r.metadata)).bind(8, to_json(r.headers));
  s.bind(9, r.last_modified).bind(10, r.parts).bind(11, r.checksum_algorithm).bind(12, r.checksum);
  if (r.body)
    s.bind_blob(13, *r.body);
  else
    s.bind_null(13);
  s.run();
}

std::optional<std::string> ObjectStore::erase(const std::string& bucket, const std::string& key) {
  // typeof(), not "body IS NULL": SQLite 3.40 answers 0 for "IS NULL" in a DELETE's RETURNING.
  Statement s(db_, "DELETE FROM s3_objects WHERE bucket=? AND key=? RETURNING blob, typeof(body)");
  s.bind(1, bucket).bind(2, key);
  std::optional<std::string> blob;
  while (s.step())
    if (s.text(1) == "null") blob = s.text(0);
  return blob;
}

bool ObjectStore::any(const std::string& bucket) {
  Statement s(db_, "SELECT 1 FROM s3_objects WHERE bucket=? LIMIT 1");
  s.bind(1, bucket);
  return s.step();
}

std::vector<ObjectRow> ObjectStore::scan(const std::string& bucket, const std::string& prefix,
                                         const std::string& after, int limit) {
  // substr() compares bytes: no LIKE wildcards or case folding on keys.
  Statement s(db_, std::string("SELECT ") + kObjectColumns +
                       " FROM s3_objects WHERE bucket=?1 AND substr(key, 1, length(?2))=?2 AND "
                       "key > ?3 ORDER BY key LIMIT ?4");
  s.bind(1, bucket).bind(2, prefix).bind(3, after).bind(4, limit);
  std::vector<ObjectRow> out;
  while (s.step()) out.push_back(read_object(s));
  return out;
}

std::vector<std::string> ObjectStore::erase_bucket(const std::string& bucket) {
  std::vector<std::string> blobs;
  {
    Statement q(db_, "SELECT blob FROM s3_parts WHERE upload_id IN (SELECT upload_id FROM "
                     "s3_uploads WHERE bucket=?)");
    q.bind(1, bucket);
    while (q.step()) blobs.push_back(q.text(0));
  }
  Statement p(db_, "DELETE FROM s3_parts WHERE upload_id IN (SELECT upload_id FROM s3_uploads "
                   "WHERE bucket=?)");
  p.bind(1, bucket).run();
  Statement u(db_, "DELETE FROM s3_uploads WHERE bucket=?");
  u.bind(1, bucket).run();
  return blobs;
}

bool ObjectStore::references(const std::string& blob) {
  Statement s(db_, "SELECT 1 WHERE EXISTS(SELECT 1 FROM s3_objects WHERE blob=?1 AND body IS NULL) OR "
                   "EXISTS(SELECT 1 FROM s3_parts WHERE blob=?1)");
  s.bind(1, blob);
  return s.step();
}

void ObjectStore::insert_upload(const UploadRow& r) {
  Statement s(db_, "INSERT INTO s3_uploads(upload_id, bucket, key, content_type, metadata, "
                   "headers, created, checksum_algorithm) VALUES(?,?,?,?,?,?,?,?)");
  s.bind(1, r.upload_id).bind(2, r.bucket).bind(3, r.key).bind(4, r.content_type);
  s.bind(5, to_json(r.metadata)).bind(6, to_json(r.headers)).bind(7, r.created);
  s.bind(8, r.checksum_algorithm).run();
}

std::optional<UploadRow> ObjectStore::find_upload(const std::string& upload_id) {
  Statement s(db_, "SELECT upload_id, bucket, key, content_type, metadata, headers, created, "
                   "checksum_algorithm FROM s3_uploads WHERE upload_id=?");
  s.bind(1, upload_id);
  if (!s.step()) return std::nullopt;
  return UploadRow{s.text(0),           s.text(1),   s.text(2),
                   s.text(3),           from_json(s.text(4)), from_json(s.text(5)),
                   s.real(6),           s.text(7)};
}

std::vector<UploadRow> ObjectStore::uploads(const std::string& bucket) {
  Statement s(db_, "SELECT upload_id, bucket, key, content_type, metadata, headers, created FROM "
                   "s3_uploads WHERE bucket=? ORDER BY key, created");
  s.bind(1, bucket);
  std::vector<UploadRow> out;
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), from_json(s.text(4)),
                   from_json(s.text(5)), s.real(6), ""});
  return out;
}

void ObjectStore::erase_upload(const std::string& upload_id) {
  Statement p(db_, "DELETE FROM s3_parts WHERE upload_id=?");
  p.bind(1, upload_id).run();
  Statement u(db_, "DELETE FROM s3_uploads WHERE upload_id=?");
  u.bind(1, upload_id).run();
}

std::string ObjectStore::upsert_part(const std::string& upload_id, const PartRow& p) {
  std::string old;
  {
    Statement q(db_, "SELECT blob FROM s3_parts WHERE upload_id=? AND number=?");
    q.bind(1, upload_id).bind(2, p.number);
    if (q.step()) old = q.text(0);
  }
  Statement s(db_, "INSERT OR REPLACE INTO s3_parts(upload_id, number, blob, size, md5_hex, "
                   "md5_raw, checksum) VALUES(?,?,?,?,?,?,?)");
  s.bind(1, upload_id).bind(2, p.number).bind(3, p.blob).bind(4, static_cast<std::int64_t>(p.size));
  s.bind(5, p.md5_hex).bind_blob(6, p.md5_raw).bind(7, p.checksum).run();
  return old;
}

std::vector<PartRow> ObjectStore::parts(const std::string& upload_id) {
  Statement s(db_, "SELECT number, blob, size, md5_hex, md5_raw, checksum FROM s3_parts WHERE "
                   "upload_id=? ORDER BY number");
  s.bind(1, upload_id);
  std::vector<PartRow> out;
  while (s.step())
    out.push_back({static_cast<int>(s.integer(0)), s.text(1),
                   static_cast<std::uint64_t>(s.integer(2)), s.text(3), s.text(4), s.text(5)});
  return out;
}

}  // namespace pipemu::s3
