#include "fakes/s3/xml.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <ctime>
#include <sstream>

namespace pipemu::s3::xml {

namespace {

constexpr const char* kNs = "http://s3.amazonaws.com/doc/2006-03-01/";

pugi::xml_node root(pugi::xml_document& doc, const char* name, bool ns = true) {
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto r = doc.append_child(name);
  if (ns) r.append_attribute("xmlns") = kNs;
  return r;
}

void add(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).text().set(value.c_str());
}

std::string dump(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

std::string enc(const std::string& s, bool url) { return url ? fakes::url_encode(s, true) : s; }

void add_contents(pugi::xml_node r, const ListResult& res, bool url) {
  for (const auto& o : res.contents) {
    auto c = r.append_child("Contents");
    add(c, "Key", enc(o.key, url));
    add(c, "LastModified", iso8601(o.last_modified));
    add(c, "ETag", o.etag);
    add(c, "Size", std::to_string(o.size));
    add(c, "StorageClass", "STANDARD");
    if (!o.checksum_algorithm.empty()) {
      add(c, "ChecksumAlgorithm", o.checksum_algorithm);
      add(c, "ChecksumType", o.parts > 0 ? "COMPOSITE" : "FULL_OBJECT");
    }
  }
  for (const auto& p : res.common_prefixes) add(r.append_child("CommonPrefixes"), "Prefix", enc(p, url));
}

}  // namespace

std::string iso8601(double t) {
  auto secs = static_cast<std::time_t>(t);
  int ms = static_cast<int>((t - static_cast<double>(secs)) * 1000.0);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return fmt::format("{}.{:03d}Z", buf, ms < 0 ? 0 : ms);
}

std::string rfc1123(double t) {
  auto secs = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::string error(const fakes::AwsError& e, const std::string& request_id) {
  pugi::xml_document doc;
  auto r = root(doc, "Error", false);
  add(r, "Code", e.code);
  add(r, "Message", e.message);
  for (const auto& [k, v] : e.fields) add(r, k.c_str(), v);
  add(r, "RequestId", request_id);
  add(r, "HostId", request_id);
  return dump(doc);
}

std::string list_buckets(const std::vector<Bucket>& buckets, const std::string& account) {
  pugi::xml_document doc;
  auto r = root(doc, "ListAllMyBucketsResult");
  auto owner = r.append_child("Owner");
  add(owner, "ID", account);
  add(owner, "DisplayName", "pipemu");
  auto list = r.append_child("Buckets");
  for (const auto& b : buckets) {
    auto n = list.append_child("Bucket");
    add(n, "Name", b.name);
    add(n, "CreationDate", iso8601(b.created));
    add(n, "BucketRegion", b.region);
  }
  return dump(doc);
}

std::string location(const std::string& constraint) {
  pugi::xml_document doc;
  auto r = root(doc, "LocationConstraint");
  if (!constraint.empty()) r.text().set(constraint.c_str());
  return dump(doc);
}

std::string list_objects_v2(const std::string& bucket, const ListRequest& q, const ListResult& res,
                            bool url) {
  pugi::xml_document doc;
  auto r = root(doc, "ListBucketResult");
  add(r, "Name", bucket);
  add(r, "Prefix", enc(q.prefix, url));
  if (!q.delimiter.empty()) add(r, "Delimiter", enc(q.delimiter, url));
  add(r, "MaxKeys", std::to_string(q.max_keys));
  if (url) add(r, "EncodingType", "url");
  add(r, "KeyCount", std::to_string(res.contents.size() + res.common_prefixes.size()));
  add(r, "IsTruncated", res.truncated ? "true" : "false");
  if (!q.continuation_token.empty()) add(r, "ContinuationToken", q.continuation_token);
  if (!res.next_continuation_token.empty())
    add(r, "NextContinuationToken", res.next_continuation_token);
  if (!q.start_after.empty()) add(r, "StartAfter", enc(q.start_after, url));
  add_contents(r, res, url);
  return dump(doc);
}

std::string list_objects_v1(const std::string& bucket, const ListRequest& q,
                            const std::string& marker, const ListResult& res, bool url) {
  pugi::xml_document doc;
  auto r = root(doc, "ListBucketResult");
  add(r, "Name", bucket);
  add(r, "Prefix", enc(q.prefix, url));
  add(r, "Marker", enc(marker, url));
  if (!q.delimiter.empty()) add(r, "Delimiter", enc(q.delimiter, url));
  add(r, "MaxKeys", std::to_string(q.max_keys));
  if (url) add(r, "EncodingType", "url");
  add(r, "IsTruncated", res.truncated ? "true" : "false");
  if (res.truncated) {
    std::string last = res.contents.empty() ? "" : res.contents.back().key;
    if (!res.common_prefixes.empty() && res.common_prefixes.back() > last)
      last = res.common_prefixes.back();
    add(r, "NextMarker", enc(last, url));
  }
  add_contents(r, res, url);
  return dump(doc);
}

std::string copy_result(const ObjectInfo& info) {
  pugi::xml_document doc;
  auto r = root(doc, "CopyObjectResult");
  add(r, "LastModified", iso8601(info.last_modified));
  add(r, "ETag", info.etag);
  if (!info.checksum_algorithm.empty() && !info.checksum.empty()) {
    std::string element = "Checksum" + info.checksum_algorithm;
    add(r, element.c_str(), info.checksum);
    add(r, "ChecksumType", info.parts > 0 ? "COMPOSITE" : "FULL_OBJECT");
  }
  return dump(doc);
}

std::string copy_part_result(const std::string& etag, double last_modified,
                             const std::string& checksum_algorithm, const std::string& checksum) {
  pugi::xml_document doc;
  auto r = root(doc, "CopyPartResult");
  add(r, "LastModified", iso8601(last_modified));
  add(r, "ETag", etag);
  std::string element = "Checksum" + checksum_algorithm;
  if (!checksum_algorithm.empty() && !checksum.empty()) add(r, element.c_str(), checksum);
  return dump(doc);
}

std::string initiate_multipart(const std::string& bucket, const std::string& key,
                               const std::string& upload_id) {
  pugi::xml_document doc;
  auto r = root(doc, "InitiateMultipartUploadResult");
  add(r, "Bucket", bucket);
  add(r, "Key", key);
  add(r, "UploadId", upload_id);
  return dump(doc);
}

std::string complete_multipart(const std::string& location, const ObjectInfo& info) {
  pugi::xml_document doc;
  auto r = root(doc, "CompleteMultipartUploadResult");
  add(r, "Location", location);
  add(r, "Bucket", info.bucket);
  add(r, "Key", info.key);
  add(r, "ETag", info.etag);
  if (!info.checksum_algorithm.empty() && !info.checksum.empty()) {
    std::string element = "Checksum" + info.checksum_algorithm;
    add(r, element.c_str(), info.checksum);
    add(r, "ChecksumType", "COMPOSITE");
  }
  return dump(doc);
}

std::string delete_result(const DeleteResult& res, bool quiet) {
  pugi::xml_document doc;
  auto r = root(doc, "DeleteResult");
  if (!quiet)
    for (const auto& k : res.deleted) add(r.append_child("Deleted"), "Key", k);
  for (const auto& [k, e] : res.errors) {
    auto n = r.append_child("Error");
    add(n, "Key", k);
    add(n, "Code", e.code);
    add(n, "Message", e.message);
  }
  return dump(doc);
}

namespace {
// Parses and returns the root element when it has the expected name (namespace-agnostic).
bool parse(pugi::xml_document& doc, const std::string& body, const char* name,
           pugi::xml_node& out) {
  if (!doc.load_buffer(body.data(), body.size())) return false;
  out = doc.document_element();
  std::string n = out.name();
  auto colon = n.find(':');
  if (colon != std::string::npos) n = n.substr(colon + 1);
  return n == name;
}
}  // namespace

std::optional<std::optional<std::string>> location_constraint(const std::string& body) {
  // Careful: optional<optional<T>> built from an empty optional<T> would itself be empty.
  const std::optional<std::optional<std::string>> none(std::in_place);
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return none;  // no constraint
  pugi::xml_document doc;
  pugi::xml_node r;
  if (!parse(doc, body, "CreateBucketConfiguration", r)) return std::nullopt;
  auto c = r.child("LocationConstraint");
  if (!c || std::string(c.text().as_string()).empty()) return none;
  return std::optional<std::optional<std::string>>(std::in_place, c.text().as_string());
}

std::optional<std::vector<CompletedPart>> completed_parts(const std::string& body) {
  pugi::xml_document doc;
  pugi::xml_node r;
  if (!parse(doc, body, "CompleteMultipartUpload", r)) return std::nullopt;
  std::vector<CompletedPart> out;
  for (auto p : r.children("Part")) {
    auto num = p.child("PartNumber");
    if (!num) return std::nullopt;
    std::string n = num.text().as_string();
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    out.push_back({std::stoi(n), p.child("ETag").text().as_string()});
  }
  return out;
}

std::optional<DeleteRequest> delete_request(const std::string& body) {
  pugi::xml_document doc;
  pugi::xml_node r;
  if (!parse(doc, body, "Delete", r)) return std::nullopt;
  DeleteRequest out;
  out.quiet = std::string(r.child("Quiet").text().as_string()) == "true";
  for (auto o : r.children("Object")) {
    if (!o.child("Key")) return std::nullopt;
    out.keys.push_back(o.child("Key").text().as_string());
  }
  if (out.keys.empty()) return std::nullopt;
  return out;
}

}  // namespace pipemu::s3::xml
