#include "fakes/s3/service.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fmt/format.h>

#include <chrono>
#include <fstream>

#include "fakes/s3/blob_gc.hpp"
#include "fakes/s3/errors.hpp"
#include "fakes/s3/names.hpp"
#include "fakes/s3/range.hpp"
#include "fakes/s3/store.hpp"

namespace pipemu::s3 {

using fakes::AwsError;
using fakes::ChecksumAlgorithm;
using fakes::unexpected;

namespace {

constexpr const char* kDefaultContentType = "binary/octet-stream";

double now_seconds() {
  using namespace std::chrono;
  return static_cast<double>(
             duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()) /
         1000.0;
}

std::string hex(const unsigned char* p, std::size_t n) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    s += d[p[i] >> 4];
    s += d[p[i] & 15];
  }
  return s;
}

std::string quote(const std::string& etag) { return "\"" + etag + "\""; }
std::string unquote(std::string e) {
  if (e.size() >= 2 && e.front() == '"' && e.back() == '"') e = e.substr(1, e.size() - 2);
  return e;
}

ObjectInfo to_info(const ObjectRow& r) {
  return ObjectInfo{r.bucket,        r.key,  r.size,  quote(r.etag),        r.content_type,
                    r.metadata,      r.headers,       r.last_modified,       r.blob,
                    r.parts,         r.checksum_algorithm, r.checksum};
}

std::size_t digest_size(ChecksumAlgorithm a) {
  switch (a) {
    case ChecksumAlgorithm::Sha1: return 20;
    case ChecksumAlgorithm::Sha256: return 32;
    default: return 4;
  }
}

// Content-MD5 and the flexible checksum the client sent, against what the body hashed to.
std::optional<AwsError> verify_digests(const PutOptions& o, const fakes::BlobInfo& blob) {
  if (!o.content_md5.empty()) {
    auto raw = fakes::base64_decode(o.content_md5);
    if (!raw || raw->size() != 16) return invalid_digest();
    if (*raw != blob.md5_raw) return bad_digest();
  }
  if (o.checksum_algorithm && o.checksum_value) {
    std::string want = o.checksum_value();
    if (!want.empty()) {
      auto raw = fakes::base64_decode(want);
      if (!raw || raw->size() != digest_size(*o.checksum_algorithm))
        return invalid_checksum_value(fakes::checksum_header(*o.checksum_algorithm));
      if (*raw != blob.checksum) return bad_checksum(fakes::checksum_name(*o.checksum_algorithm));
    }
  }
  return std::nullopt;
}

AwsError internal(const std::string& what) {
  return fakes::aws_error("InternalError", "We encountered an internal error. Please try again. (" +
                                               what + ")",
                          500);
}

// Wraps a call: fault hook and database exceptions become AWS errors.
template <class F>
auto guarded(fakes::Registry& registry, const std::string& region, const std::string& operation,
             F&& body) -> decltype(body()) {
  if (auto fault = registry.faults().check(region, "s3", operation)) return unexpected(*fault);
  try {
    return body();
  } catch (const std::invalid_argument& e) {
    return unexpected(fakes::aws_error("InvalidArgument", e.what()));
  } catch (const fakes::DatabaseError& e) {
    return unexpected(internal(e.what()));
  }
}

}  // namespace

Service::Service(fakes::Registry& registry) : registry_(registry) {
  BucketStore::register_schema();
  ObjectStore::register_schema();
}

namespace {

// The bucket as seen from (account, region): NoSuchBucket, AccessDenied or PermanentRedirect.
Result<BucketRow> resolve(fakes::Registry& reg, const std::string& account,
                          const std::string& region, const std::string& bucket) {
  auto& g = reg.global();
  auto row = g.read([&] { return BucketStore(g).find(bucket); });
  if (!row) return unexpected(no_such_bucket(bucket));
  if (row->account != account) return unexpected(fakes::aws_error("AccessDenied", "Access Denied", 403));
  if (row->region != region) return unexpected(permanent_redirect(bucket, row->region));
  return *row;
}

// What a write stores besides the blob itself.
struct Stored {
  int parts = 0;
  std::string etag;  // "" = the blob's MD5
  std::string checksum_algorithm;
  std::string checksum;
};

Stored single_part(const PutOptions& o, const fakes::BlobInfo& blob) {
  Stored s;
  if (o.checksum_algorithm) {
    s.checksum_algorithm = fakes::checksum_name(*o.checksum_algorithm);
    s.checksum = fakes::base64_encode(blob.checksum);
  }
  return s;
}

// Commits the object row; the blob it replaces (if any) goes to `garbage`. Call with the
// registry's blob lock held shared.
Result<ObjectInfo> finish_put(fakes::Registry& reg, const BucketRow& b, const std::string& key,
                              const fakes::BlobInfo& blob, const PutOptions& o,
                              const Stored& stored, std::vector<std::string>& garbage) {
  int parts = stored.parts;
  const std::string& etag = stored.etag;
  ObjectRow row;
  row.bucket = b.name;
  row.key = key;
  row.blob = blob.sha256;
  row.body = blob.inline_body;
  row.size = blob.size;
  row.etag = etag.empty() ? blob.md5_hex : etag;
  row.content_type = o.content_type.empty() ? kDefaultContentType : o.content_type;
  row.metadata = o.metadata;
  row.headers = o.headers;
  row.last_modified = now_seconds();
  row.parts = parts;
  row.checksum_algorithm = stored.checksum_algorithm;
  row.checksum = stored.checksum;
  auto& db = reg.region(b.region);
  auto& g = reg.global();
  // The bucket may have been deleted while the body streamed in.
  if (!g.read([&] { return BucketStore(g).find(b.name); }))
    return unexpected(no_such_bucket(b.name));
  db.transaction([&] {
    ObjectStore store(db);
    // The old body's file goes unless the new row names that same file.
    if (auto old = store.find(b.name, key); old && !old->body && (row.body || old->blob != row.blob))
      garbage.push_back(old->blob);
    store.upsert(row);
  });
  return to_info(row);
}

// Where UploadPart and UploadPartCopy put a part: a part number S3 accepts and the open upload
// of that bucket and key.
struct PartTarget {
  BucketRow bucket;
  UploadRow upload;
};
Result<PartTarget> part_target(fakes::Registry& reg, const std::string& account,
                               const std::string& region, const std::string& bucket,
                               const std::string& key, const std::string& upload_id,
                               int part_number) {
  if (part_number < 1 || part_number > 10000)
    return unexpected(invalid_argument(
        "Part number must be an integer between 1 and 10000, inclusive", "partNumber",
        std::to_string(part_number)));
  auto b = resolve(reg, account, region, bucket);
  if (!b) return unexpected(b.error());
  auto& db = reg.region(b->region);
  auto up = db.transaction([&] { return ObjectStore(db).find_upload(upload_id); });
  if (!up || up->bucket != bucket || up->key != key) return unexpected(no_such_upload(upload_id));
  return PartTarget{*b, *up};
}

// Streams a request body into a writer (not yet visible as a blob).
std::optional<AwsError> receive_body(fakes::BlobWriter& w, const BodyReader& body) {
  bool wrote = true;
  bool ok = body([&](const char* data, std::size_t n) {
    wrote = w.write(data, n);
    return wrote;
  });
  if (!wrote) return internal("cannot write the body");
  if (!ok) return incomplete_body();
  return std::nullopt;
}

}  // namespace

Result<Bucket> Service::create_bucket(const std::string& account, const std::string& region,
                                      const std::string& bucket,
                                      const std::optional<std::string>& constraint) {
  return guarded(registry_, region, "CreateBucket", [&]() -> Result<Bucket> {
    if (!valid_bucket_name(bucket)) return unexpected(invalid_bucket_name(bucket));
    std::string c = constraint.value_or("");
    std::string target;
    if (region == fakes::kDefaultRegion) {
      if (c == fakes::kDefaultRegion) return unexpected(invalid_location_constraint(c));
      target = c.empty() ? region : (c == "EU" ? "eu-west-1" : c);
      if (!fakes::Registry::valid_region(target))
        return unexpected(invalid_location_constraint(c));
    } else {
      if (c != region) return unexpected(illegal_location_constraint(c));
      target = region;
    }
    registry_.region(target);  // open the region database first: never inside the global lock
    auto& g = registry_.global();
    return g.transaction([&]() -> Result<Bucket> {
      BucketStore store(g);
      if (auto existing = store.find(bucket)) {
        if (existing->account != account) return unexpected(already_exists(bucket));
        if (existing->region == fakes::kDefaultRegion && target == fakes::kDefaultRegion)
          return Bucket{existing->name, existing->region, existing->created};
        return unexpected(already_owned_by_you(bucket));
      }
      BucketRow row{bucket, account, target, now_seconds()};
      store.insert(row);
      return Bucket{row.name, row.region, row.created};
    });
  });
}

Result<std::string> Service::bucket_region(const std::string& bucket) {
  try {
    auto& g = registry_.global();
    auto row = g.transaction([&] { return BucketStore(g).find(bucket); });
    if (!row) return unexpected(no_such_bucket(bucket));
    return row->region;
  } catch (const fakes::DatabaseError& e) {
    return unexpected(internal(e.what()));
  }
}

Result<Bucket> Service::head_bucket(const std::string& account, const std::string& region,
                                    const std::string& bucket) {
  return guarded(registry_, region, "HeadBucket", [&]() -> Result<Bucket> {
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    return Bucket{b->name, b->region, b->created};
  });
}

Result<std::string> Service::get_bucket_location(const std::string& account,
                                                 const std::string& bucket) {
  auto r = bucket_region(bucket);
  if (!r) return r;
  auto& g = registry_.global();
  auto row = g.transaction([&] { return BucketStore(g).find(bucket); });
  if (row && row->account != account)
    return unexpected(fakes::aws_error("AccessDenied", "Access Denied", 403));
  return *r == fakes::kDefaultRegion ? std::string() : *r;
}

Result<std::vector<Bucket>> Service::list_buckets(const std::string& account) {
  return guarded(registry_, "*", "ListBuckets", [&]() -> Result<std::vector<Bucket>> {
    auto& g = registry_.global();
    auto rows = g.transaction([&] { return BucketStore(g).list(account); });
    std::vector<Bucket> out;
    for (auto& r : rows) out.push_back({r.name, r.region, r.created});
    return out;
  });
}

Result<fakes::Ok> Service::delete_bucket(const std::string& account, const std::string& region,
                                         const std::string& bucket) {
  return guarded(registry_, region, "DeleteBucket", [&]() -> Result<fakes::Ok> {
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    auto& db = registry_.region(b->region);
    auto& g = registry_.global();
    // Region lock first, then global: the same order as every writer, so no deadlock.
    std::vector<std::string> garbage;
    auto r = db.transaction([&]() -> Result<fakes::Ok> {
      ObjectStore objects(db);
      if (objects.any(bucket)) return unexpected(bucket_not_empty(bucket));
      garbage = objects.erase_bucket(bucket);
      g.transaction([&] { BucketStore(g).erase(bucket); });
      return fakes::Ok{};
    });
    collect(garbage);
    return r;
  });
}

Result<ObjectInfo> Service::put_object(const std::string& account, const std::string& region,
                                       const std::string& bucket, const std::string& key,
                                       const BodyReader& body, const PutOptions& options) {
  return guarded(registry_, region, "PutObject", [&]() -> Result<ObjectInfo> {
    if (auto e = check_key(key)) return unexpected(*e);
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    auto w = registry_.blobs().writer(options.checksum_algorithm);
    if (auto e = receive_body(w, body)) return unexpected(*e);
    std::vector<std::string> garbage;
    auto store = [&]() -> Result<ObjectInfo> {
      auto blob = w.commit(inline_limit_);
      if (!blob) return unexpected(blob.error());
      if (auto e = verify_digests(options, *blob)) {
        // refused bytes: collected unless shared (an inline body was never stored)
        if (!blob->inline_body) garbage.push_back(blob->sha256);
        return unexpected(*e);
      }
      return finish_put(registry_, *b, key, *blob, options, single_part(options, *blob),
                        garbage);
    };
    // A blob file is guarded from collection until its row commits; an inline body has none.
    auto out = w.fits_inline(inline_limit_) ? store() : [&] {
      auto gc = registry_.blob_guard(false);
      return store();
    }();
    collect(garbage);
    return out;
  });
}

Result<ObjectInfo> Service::put_object(const std::string& account, const std::string& region,
                                       const std::string& bucket, const std::string& key,
                                       const std::string& data, const PutOptions& options) {
  return put_object(account, region, bucket, key,
                    [&](const fakes::BodyChunk& sink) { return sink(data.data(), data.size()); },
                    options);
}

Result<ObjectInfo> Service::put_object_from_file(const std::string& account,
                                                 const std::string& region,
                                                 const std::string& bucket, const std::string& key,
                                                 const std::filesystem::path& file,
                                                 const PutOptions& options) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return unexpected(internal("cannot read " + file.string()));
  return put_object(account, region, bucket, key,
                    [&](const fakes::BodyChunk& sink) {
                      std::string buf(256 * 1024, '\0');
                      while (in) {
                        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
                        auto n = static_cast<std::size_t>(in.gcount());
                        if (n > 0 && !sink(buf.data(), n)) return false;
                      }
                      return in.eof();
                    },
                    options);
}

Result<ObjectInfo> Service::head_object(const std::string& account, const std::string& region,
                                        const std::string& bucket, const std::string& key) {
  return guarded(registry_, region, "HeadObject", [&]() -> Result<ObjectInfo> {
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    auto& db = registry_.region(b->region);
    auto row = db.read([&] { return ObjectStore(db).find(bucket, key); });
    if (!row) return unexpected(no_such_key(key));
    return to_info(*row);
  });
}

Result<ObjectBody> Service::get_object(const std::string& account, const std::string& region,
                                       const std::string& bucket, const std::string& key,
                                       const std::string& range) {
  return guarded(registry_, region, "GetObject", [&]() -> Result<ObjectBody> {
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    auto& db = registry_.region(b->region);
    auto row = db.read([&] { return ObjectStore(db).find(bucket, key); });
    if (!row) return unexpected(no_such_key(key));
    ObjectBody out;
    out.info = to_info(*row);
    if (row->body)
      out.data = std::move(row->body);
    else
      out.path = registry_.blobs().path(row->blob);
    out.length = row->size;
    if (!range.empty()) {
      if (auto r = parse_range(range, row->size)) {
        if (!r->satisfiable) return unexpected(invalid_range(range, row->size));
        out.partial = true;
        out.offset = r->first;
        out.length = r->length;
        out.content_range =
            fmt::format("bytes {}-{}/{}", r->first, r->first + r->length - 1, row->size);
      }
    }
    return out;
  });
}

Result<ObjectInfo> Service::get_object_to_file(const std::string& account,
                                               const std::string& region,
                                               const std::string& bucket, const std::string& key,
                                               const std::filesystem::path& destination) {
  auto body = get_object(account, region, bucket, key);
  if (!body) return unexpected(body.error());
  std::error_code ec;
  if (body->data) {
    std::ofstream out(destination, std::ios::binary | std::ios::trunc);
    out.write(body->data->data(), static_cast<std::streamsize>(body->data->size()));
    if (!out.flush()) ec = std::make_error_code(std::errc::io_error);
  } else {
    std::filesystem::copy_file(body->path, destination,
                               std::filesystem::copy_options::overwrite_existing, ec);
  }
  if (ec) return unexpected(internal("cannot write " + destination.string() + ": " + ec.message()));
  return body->info;
}

Result<std::string> Service::get_object_text(const std::string& account, const std::string& region,
                                             const std::string& bucket, const std::string& key) {
  auto body = get_object(account, region, bucket, key);
  if (!body) return unexpected(body.error());
  if (body->data) return std::move(*body->data);
  std::string out;
  if (!registry_.blobs().read(body->info.blob, out)) return unexpected(internal("blob missing"));
  return out;
}

Result<fakes::Ok> Service::delete_object(const std::string& account, const std::string& region,
                                         const std::string& bucket, const std::string& key) {
  return guarded(registry_, region, "DeleteObject", [&]() -> Result<fakes::Ok> {
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    auto& db = registry_.region(b->region);
    auto blob = db.transaction([&] { return ObjectStore(db).erase(bucket, key); });
    collect(blob ? std::vector<std::string>{*blob} : std::vector<std::string>{});
    return fakes::Ok{};
  });
}

Result<DeleteResult> Service::delete_objects(const std::string& account, const std::string& region,
                                             const std::string& bucket,
                                             const std::vector<std::string>& keys) {
  return guarded(registry_, region, "DeleteObjects", [&]() -> Result<DeleteResult> {
    if (keys.size() > 1000) return unexpected(malformed_xml());
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    auto& db = registry_.region(b->region);
    DeleteResult out;
    std::vector<std::string> garbage;
    db.transaction([&] {
      ObjectStore store(db);
      for (const auto& k : keys) {
        if (auto e = check_key(k)) {
          out.errors.emplace_back(k, *e);
          continue;
        }
        if (auto blob = store.erase(bucket, k)) garbage.push_back(*blob);
        out.deleted.push_back(k);
      }
    });
    collect(garbage);
    return out;
  });
}

Result<ObjectInfo> Service::copy_object(const std::string& account, const std::string& region,
                                        const std::string& source_bucket,
                                        const std::string& source_key, const std::string& bucket,
                                        const std::string& key, bool replace_metadata,
                                        const PutOptions& options) {
  return guarded(registry_, region, "CopyObject", [&]() -> Result<ObjectInfo> {
    if (auto e = check_key(key)) return unexpected(*e);
    auto dst = resolve(registry_, account, region, bucket);
    if (!dst) return unexpected(dst.error());
    // The source may be in another region: copies read across regions, as on AWS.
    auto src_region = bucket_region(source_bucket);
    if (!src_region) return unexpected(src_region.error());
    auto src = resolve(registry_, account, *src_region, source_bucket);
    if (!src) return unexpected(src.error());
    auto& sdb = registry_.region(src->region);
    std::vector<std::string> garbage;
    // Shared blob lock from reading the source row until the copy's row commits: the source's
    // blob cannot be collected in between, even if the source is deleted concurrently.
    auto out = [&]() -> Result<ObjectInfo> {
      auto gc = registry_.blob_guard(false);
      auto row = sdb.transaction([&] { return ObjectStore(sdb).find(source_bucket, source_key); });
      if (!row) return unexpected(no_such_key(source_key));
      if (source_bucket == bucket && source_key == key && !replace_metadata)
        return unexpected(copy_to_itself());
      // Content-addressed: the copy shares the source's blob, no bytes move (an inline body is
      // copied into the new row).
      fakes::BlobInfo blob{row->blob, row->etag, "", row->size, "", row->body};
      PutOptions o = options;
      if (!replace_metadata) {
        o.content_type = row->content_type;
        o.metadata = row->metadata;
        o.headers = row->headers;
      }
      Stored stored{row->parts, row->etag, row->checksum_algorithm, row->checksum};
      return finish_put(registry_, *dst, key, blob, o, stored, garbage);
    }();
    collect(garbage);
    return out;
  });
}

Result<ListResult> Service::list_objects(const std::string& account, const std::string& region,
                                         const std::string& bucket, const ListRequest& in) {
  return guarded(registry_, region, "ListObjectsV2", [&]() -> Result<ListResult> {
    if (in.max_keys < 0)
      return unexpected(invalid_argument("Argument maxKeys must be an integer between 0 and "
                                         "2147483647",
                                         "maxKeys", std::to_string(in.max_keys)));
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    int max_keys = std::min(in.max_keys, 1000);
    std::string after = in.start_after;
    if (!in.continuation_token.empty()) {
      // The token is the hex of the last key or common prefix returned.
      std::string t;
      const auto& h = in.continuation_token;
      if (h.size() % 2 != 0 || h.find_first_not_of("0123456789abcdef") != std::string::npos)
        return unexpected(invalid_argument("The continuation token provided is incorrect",
                                           "continuation-token", h));
      for (std::size_t i = 0; i < h.size(); i += 2)
        t += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
      after = std::max(after, t);
    }
    auto& db = registry_.region(b->region);
    ListResult out;
    if (max_keys == 0) return out;
    std::string last;
    db.read([&] {
      ObjectStore store(db);
      int count = 0;
      std::string cursor = after;
      // Skip everything under a common prefix the previous page ended on.
      if (!in.delimiter.empty() && cursor.size() >= in.delimiter.size() &&
          cursor.compare(cursor.size() - in.delimiter.size(), in.delimiter.size(), in.delimiter) ==
              0 &&
          cursor.rfind(in.prefix, 0) == 0)
        cursor += "\xff\xff\xff\xff";
      while (true) {
        auto rows = store.scan(bucket, in.prefix, cursor, 1000);
        if (rows.empty()) return;
        for (const auto& r : rows) {
          cursor = r.key;
          std::string cp;
          if (!in.delimiter.empty()) {
            auto pos = r.key.find(in.delimiter, in.prefix.size());
            if (pos != std::string::npos) cp = r.key.substr(0, pos + in.delimiter.size());
          }
          if (!cp.empty() && !out.common_prefixes.empty() && out.common_prefixes.back() == cp)
            continue;
          if (count == max_keys) {
            out.truncated = true;
            return;
          }
          ++count;
          if (!cp.empty()) {
            out.common_prefixes.push_back(cp);
            last = cp;
          } else {
            out.contents.push_back(to_info(r));
            last = r.key;
          }
        }
      }
    });
    if (out.truncated) out.next_continuation_token = hex(
        reinterpret_cast<const unsigned char*>(last.data()), last.size());
    return out;
  });
}

Result<std::string> Service::create_multipart_upload(const std::string& account,
                                                     const std::string& region,
                                                     const std::string& bucket,
                                                     const std::string& key,
                                                     const PutOptions& options) {
  return guarded(registry_, region, "CreateMultipartUpload", [&]() -> Result<std::string> {
    if (auto e = check_key(key)) return unexpected(*e);
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    unsigned char rnd[24];
    RAND_bytes(rnd, sizeof rnd);
    UploadRow u{hex(rnd, sizeof rnd),
                bucket,
                key,
                options.content_type.empty() ? kDefaultContentType : options.content_type,
                options.metadata,
                options.headers,
                now_seconds(),
                options.checksum_algorithm ? fakes::checksum_name(*options.checksum_algorithm)
                                           : std::string()};
    auto& db = registry_.region(b->region);
    db.transaction([&] { ObjectStore(db).insert_upload(u); });
    return u.upload_id;
  });
}

Result<Service::PartResult> Service::upload_part(const std::string& account,
                                                 const std::string& region,
                                                 const std::string& bucket, const std::string& key,
                                                 const std::string& upload_id, int part_number,
                                                 const BodyReader& body,
                                                 const PutOptions& options) {
  return guarded(registry_, region, "UploadPart", [&]() -> Result<PartResult> {
    auto target = part_target(registry_, account, region, bucket, key, upload_id, part_number);
    if (!target) return unexpected(target.error());
    auto* b = &target->bucket;
    auto* up = &target->upload;
    // The upload's algorithm (CreateMultipartUpload) rules; a part may also name its own.
    PutOptions o = options;
    if (auto a = fakes::parse_checksum_algorithm(up->checksum_algorithm)) {
      if (o.checksum_algorithm && *o.checksum_algorithm != *a) o.checksum_value = nullptr;
      o.checksum_algorithm = a;
    }
    auto w = registry_.blobs().writer(o.checksum_algorithm);
    if (auto e = receive_body(w, body)) return unexpected(*e);
    return store_part(*b, upload_id, part_number, w, o);
  });
}

Result<Service::PartResult> Service::store_part(const BucketRow& b, const std::string& upload_id,
                                                int part_number, fakes::BlobWriter& w,
                                                const PutOptions& o) {
  auto& db = registry_.region(b.region);
  std::vector<std::string> garbage;
  auto out = [&]() -> Result<PartResult> {
    auto gc = registry_.blob_guard(false);
    auto blob = w.commit();
    if (!blob) return unexpected(blob.error());
    if (auto e = verify_digests(o, *blob)) {
      garbage.push_back(blob->sha256);
      return unexpected(*e);
    }
    Stored st = single_part(o, *blob);
    return db.transaction([&]() -> Result<PartResult> {
      ObjectStore store(db);
      if (!store.find_upload(upload_id)) {
        garbage.push_back(blob->sha256);
        return unexpected(no_such_upload(upload_id));
      }
      auto old = store.upsert_part(upload_id, PartRow{part_number, blob->sha256, blob->size,
                                                      blob->md5_hex, blob->md5_raw, st.checksum});
      if (!old.empty() && old != blob->sha256) garbage.push_back(old);
      return PartResult{quote(blob->md5_hex), st.checksum_algorithm, st.checksum, now_seconds()};
    });
  }();
  collect(garbage);
  return out;
}

Result<Service::PartResult> Service::upload_part_copy(const std::string& account,
                                                      const std::string& region,
                                                      const std::string& bucket,
                                                      const std::string& key,
                                                      const std::string& upload_id,
                                                      int part_number, const CopySource& source) {
  return guarded(registry_, region, "UploadPartCopy", [&]() -> Result<PartResult> {
    auto target = part_target(registry_, account, region, bucket, key, upload_id, part_number);
    if (!target) return unexpected(target.error());
    auto* b = &target->bucket;
    auto* up = &target->upload;
    // The source may live in another region, as for CopyObject.
    auto src_region = bucket_region(source.bucket);
    if (!src_region) return unexpected(src_region.error());
    auto src = resolve(registry_, account, *src_region, source.bucket);
    if (!src) return unexpected(src.error());
    PutOptions o;
    o.checksum_algorithm = fakes::parse_checksum_algorithm(up->checksum_algorithm);
    auto w = registry_.blobs().writer(o.checksum_algorithm);
    {
      // Hold the blob lock shared while the source's bytes are read: it cannot be collected.
      auto gc = registry_.blob_guard(false);
      auto& sdb = registry_.region(src->region);
      auto row = sdb.read([&] { return ObjectStore(sdb).find(source.bucket, source.key); });
      if (!row) return unexpected(no_such_key(source.key));
      std::uint64_t first = 0, length = row->size;
      if (!source.range.empty()) {
        // Unlike GET's Range, the copy range must be a complete "bytes=first-last".
        const std::string& r = source.range;
        auto dash = r.find('-');
        if (r.rfind("bytes=", 0) != 0 || dash == std::string::npos || dash == 6 ||
            dash + 1 == r.size() ||
            r.find_first_not_of("0123456789", 6) != dash ||
            r.find_first_not_of("0123456789", dash + 1) != std::string::npos ||
            dash - 6 > 18 || r.size() - dash - 1 > 18)
          return unexpected(invalid_copy_range());
        first = std::stoull(r.substr(6, dash - 6));
        std::uint64_t last = std::stoull(r.substr(dash + 1));
        if (last < first) return unexpected(invalid_copy_range());
        if (last >= row->size) return unexpected(copy_range_unsatisfiable(r, row->size));
        length = last - first + 1;
      }
      if (row->body) {
        if (!w.write(row->body->data() + first, static_cast<std::size_t>(length)))
          return unexpected(internal("cannot write the part"));
        length = 0;
      }
      std::ifstream in;
      if (length > 0) {
        in.open(registry_.blobs().path(row->blob), std::ios::binary);
        if (!in) return unexpected(internal("object body missing"));
        in.seekg(static_cast<std::streamoff>(first));
      }
      std::string buf(fakes::BlobWriter::kChunk, '\0');
      while (length > 0) {
        auto n = static_cast<std::streamsize>(std::min<std::uint64_t>(length, buf.size()));
        in.read(buf.data(), n);
        if (in.gcount() != n) return unexpected(internal("object body truncated"));
        if (!w.write(buf.data(), static_cast<std::size_t>(n)))
          return unexpected(internal("cannot write the part"));
        length -= static_cast<std::uint64_t>(n);
      }
    }
    return store_part(*b, upload_id, part_number, w, o);
  });
}

Result<ObjectInfo> Service::complete_multipart_upload(const std::string& account,
                                                      const std::string& region,
                                                      const std::string& bucket,
                                                      const std::string& key,
                                                      const std::string& upload_id,
                                                      const std::vector<CompletedPart>& parts) {
  return guarded(registry_, region, "CompleteMultipartUpload", [&]() -> Result<ObjectInfo> {
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    auto& db = registry_.region(b->region);
    auto up = db.transaction([&] { return ObjectStore(db).find_upload(upload_id); });
    if (!up || up->bucket != bucket || up->key != key) return unexpected(no_such_upload(upload_id));
    if (parts.empty()) return unexpected(malformed_xml());
    auto stored_parts = db.transaction([&] { return ObjectStore(db).parts(upload_id); });
    std::map<int, PartRow> by_number;
    for (auto& p : stored_parts) by_number[p.number] = p;
    std::vector<const PartRow*> chosen;
    int previous = 0;
    for (const auto& p : parts) {
      if (p.number <= previous) return unexpected(invalid_part_order());
      previous = p.number;
      auto it = by_number.find(p.number);
      if (it == by_number.end() || it->second.md5_hex != unquote(p.etag))
        return unexpected(invalid_part().with("UploadId", upload_id)
                              .with("PartNumber", std::to_string(p.number))
                              .with("ETag", p.etag));
      chosen.push_back(&it->second);
    }
    for (std::size_t i = 0; i + 1 < chosen.size(); ++i)
      if (chosen[i]->size < min_part_size_)
        return unexpected(entity_too_small(chosen[i]->size, min_part_size_));
    // Concatenate the parts into one blob (streamed) and compute the multipart ETag.
    auto w = registry_.blobs().writer();
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    EVP_DigestInit_ex(md, EVP_md5(), nullptr);
    std::string buf(1 << 20, '\0');
    bool ok = w.ok();
    for (const auto* p : chosen) {
      EVP_DigestUpdate(md, p->md5_raw.data(), p->md5_raw.size());
      std::ifstream in(registry_.blobs().path(p->blob), std::ios::binary);
      if (!in) ok = false;
      while (ok && in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        auto n = static_cast<std::size_t>(in.gcount());
        if (n > 0) ok = w.write(buf.data(), n);
      }
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned dn = 0;
    EVP_DigestFinal_ex(md, digest, &dn);
    EVP_MD_CTX_free(md);
    if (!ok) return unexpected(internal("cannot assemble the parts"));
    std::string etag = fmt::format("{}-{}", hex(digest, dn), chosen.size());
    PutOptions o;
    o.content_type = up->content_type;
    o.metadata = up->metadata;
    o.headers = up->headers;
    Stored stored{static_cast<int>(chosen.size()), etag, "", ""};
    if (auto a = fakes::parse_checksum_algorithm(up->checksum_algorithm)) {
      // COMPOSITE: the algorithm over the parts' raw checksums, then "-N", as S3 reports it.
      fakes::Checksum c(*a);
      for (const auto* p : chosen) {
        auto raw = fakes::base64_decode(p->checksum).value_or("");
        c.update(raw.data(), raw.size());
      }
      stored.checksum_algorithm = fakes::checksum_name(*a);
      stored.checksum = fmt::format("{}-{}", fakes::base64_encode(c.finish()), chosen.size());
    }
    std::vector<std::string> garbage;
    auto info = [&]() -> Result<ObjectInfo> {
      auto gc = registry_.blob_guard(false);
      auto blob = w.commit(inline_limit_);
      if (!blob) return unexpected(blob.error());
      auto r = finish_put(registry_, *b, key, *blob, o, stored, garbage);
      if (r) {
        for (const auto& p : stored_parts) garbage.push_back(p.blob);
        db.transaction([&] { ObjectStore(db).erase_upload(upload_id); });
      }
      return r;
    }();
    collect(garbage);
    return info;
  });
}

Result<fakes::Ok> Service::abort_multipart_upload(const std::string& account,
                                                  const std::string& region,
                                                  const std::string& bucket,
                                                  const std::string& key,
                                                  const std::string& upload_id) {
  return guarded(registry_, region, "AbortMultipartUpload", [&]() -> Result<fakes::Ok> {
    auto b = resolve(registry_, account, region, bucket);
    if (!b) return unexpected(b.error());
    auto& db = registry_.region(b->region);
    std::vector<std::string> garbage;
    auto r = db.transaction([&]() -> Result<fakes::Ok> {
      ObjectStore store(db);
      auto up = store.find_upload(upload_id);
      if (!up || up->bucket != bucket || up->key != key) return unexpected(no_such_upload(upload_id));
      for (const auto& p : store.parts(upload_id)) garbage.push_back(p.blob);
      store.erase_upload(upload_id);
      return fakes::Ok{};
    });
    collect(garbage);
    return r;
  });
}

void Service::collect(const std::vector<std::string>& candidates) {
  registry_.queue_garbage(candidates);
  auto due = registry_.take_garbage(gc_delay_);
  if (!due.empty()) remove_unreferenced(registry_, std::move(due));
}

}  // namespace pipemu::s3
