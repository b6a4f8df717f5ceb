#include "fakes/s3/wire.hpp"

#include <fmt/format.h>
#include <openssl/rand.h>

#include <atomic>

#include "fakes/s3/aws_chunked.hpp"
#include "fakes/s3/errors.hpp"
#include "fakes/s3/operations.hpp"
#include "fakes/s3/xml.hpp"

namespace pipemu::s3 {

using fakes::AwsError;
using fakes::HttpRequest;
using fakes::HttpResponse;

namespace {

constexpr std::size_t kMaxXmlBody = 2 * 1024 * 1024;

std::string request_id() {
  static std::atomic<unsigned long long> n{0};
  return fmt::format("PIPEMU{:010X}", ++n);
}

HttpResponse error_response(const HttpRequest& rq, const AwsError& e) {
  HttpResponse r;
  r.status = e.status;
  for (const auto& [k, v] : e.headers) r.set_header(k, v);
  if (rq.method != "HEAD") {  // HEAD errors carry no body: clients see only the status
    r.content_type = "application/xml";
    r.body = xml::error(e, request_id());
  }
  return r;
}

HttpResponse xml_response(std::string body, int status = 200) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/xml";
  r.body = std::move(body);
  return r;
}

// The whole (small) body: XML documents. Decodes aws-chunked too.
std::optional<std::string> read_small(HttpRequest& rq) {
  if (!rq.read_body) return rq.body;
  std::string out;
  bool chunked = is_aws_chunked(rq);
  AwsChunkedDecoder dec;
  auto append = [&](const char* d, std::size_t n) {
    if (out.size() + n > kMaxXmlBody) return false;
    out.append(d, n);
    return true;
  };
  bool ok = rq.read_body([&](const char* d, std::size_t n) {
    return chunked ? dec.feed(d, n, append) : append(d, n);
  });
  if (!ok) return std::nullopt;
  return out;
}

// The streamed body for PutObject/UploadPart, aws-chunked decoded when needed; an aws-chunked
// body's trailer lines ("name:value\n") land in *trailers once it has been read.
BodyReader body_reader(HttpRequest& rq, std::shared_ptr<std::string> trailers = nullptr) {
  return [&rq, trailers](const fakes::BodyChunk& sink) -> bool {
    if (!rq.read_body) return rq.body.empty() || sink(rq.body.data(), rq.body.size());
    if (!is_aws_chunked(rq)) return rq.read_body(sink);
    auto dec = std::make_shared<AwsChunkedDecoder>();
    bool ok = rq.read_body([&](const char* d, std::size_t n) { return dec->feed(d, n, sink); });
    if (trailers) *trailers = dec->trailers();
    return ok && dec->finished();
  };
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  auto a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

// The flexible checksum a request asks for: the algorithm from x-amz-checksum-<alg> (value in
// the header), x-amz-trailer (value in the aws-chunked trailer, known after the body), or
// x-amz-sdk-checksum-algorithm / x-amz-checksum-algorithm (compute and store only).
// An algorithm pipemu cannot compute is an error naming it, never silently unchecked.
std::optional<AwsError> checksum_options(const HttpRequest& rq, PutOptions& o,
                                         const std::shared_ptr<std::string>& trailers) {
  std::string named;
  for (const auto& [k, v] : rq.headers) {
    std::string l = lower(k);
    if (l.rfind("x-amz-checksum-", 0) == 0 && l != "x-amz-checksum-algorithm" &&
        l != "x-amz-checksum-mode" && l != "x-amz-checksum-type") {
      named = l.substr(15);
      std::string value = v;
      o.checksum_value = [value] { return value; };
    }
  }
  std::string trailer = lower(trim(rq.header("x-amz-trailer")));
  if (named.empty() && trailer.rfind("x-amz-checksum-", 0) == 0) {
    named = trailer.substr(15);
    o.checksum_value = [trailers, trailer]() -> std::string {
      if (!trailers) return "";
      std::size_t pos = 0;
      while (pos < trailers->size()) {
        auto end = trailers->find('\n', pos);
        if (end == std::string::npos) end = trailers->size();
        std::string line = trailers->substr(pos, end - pos);
        auto colon = line.find(':');
        if (colon != std::string::npos && lower(trim(line.substr(0, colon))) == trailer)
          return trim(line.substr(colon + 1));
        pos = end + 1;
      }
      return "";
    };
  }
  if (named.empty()) named = rq.header("x-amz-sdk-checksum-algorithm");
  if (named.empty()) named = rq.header("x-amz-checksum-algorithm");
  if (named.empty()) return std::nullopt;
  o.checksum_algorithm = fakes::parse_checksum_algorithm(named);
  if (!o.checksum_algorithm)
    return invalid_argument("Checksum algorithm provided is unsupported. Please try again with "
                            "any of the valid types: [CRC32, CRC32C, SHA1, SHA256]",
                            "x-amz-checksum-algorithm", named);
  return std::nullopt;
}

void checksum_headers(HttpResponse& r, const std::string& algorithm, const std::string& value) {
  auto a = fakes::parse_checksum_algorithm(algorithm);
  if (!a || value.empty()) return;
  r.set_header(fakes::checksum_header(*a), value);
}

PutOptions put_options(const HttpRequest& rq) {
  PutOptions o;
  o.content_type = rq.header("Content-Type");
  o.content_md5 = rq.header("Content-MD5");
  for (const auto& [k, v] : rq.headers) {
    std::string lower = k;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.rfind("x-amz-meta-", 0) == 0) o.metadata[lower.substr(11)] = v;

  }
  for (const char* h : {"Content-Encoding", "Content-Disposition", "Content-Language",
                        "Cache-Control", "Expires"}) {
    std::string v = rq.header(h);
    // aws-chunked is a transfer detail, not the object's encoding.
    if (std::string(h) == "Content-Encoding") {
      std::string kept;
      for (auto part : {v}) {
        std::size_t pos = 0;
        while (pos <= part.size()) {
          auto comma = part.find(',', pos);
          if (comma == std::string::npos) comma = part.size();
          std::string item = part.substr(pos, comma - pos);
          item.erase(0, item.find_first_not_of(' '));
          if (!item.empty() && item != "aws-chunked") kept += (kept.empty() ? "" : ",") + item;
          pos = comma + 1;
        }
      }
      v = kept;
    }
    if (!v.empty()) o.headers[h] = v;
  }
  return o;
}

void object_headers(HttpResponse& r, const ObjectInfo& o) {
  r.set_header("ETag", o.etag);
  r.set_header("Last-Modified", xml::rfc1123(o.last_modified));
  r.set_header("Accept-Ranges", "bytes");
  r.content_type = o.content_type;
  for (const auto& [k, v] : o.metadata) r.set_header("x-amz-meta-" + k, v);
  for (const auto& [k, v] : o.headers) r.set_header(k, v);
  if (o.parts > 0) r.set_header("x-amz-mp-parts-count", std::to_string(o.parts));
}

std::optional<int> int_param(const HttpRequest& rq, const std::string& name) {
  std::string v = rq.param(name);
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoi(v);
}

// x-amz-copy-source: "[/]bucket/key[?versionId=...]", URL-encoded.
Result<std::pair<std::string, std::string>> copy_source(const HttpRequest& rq) {
  std::string raw = rq.header("x-amz-copy-source");
  std::string src = fakes::url_decode(raw.substr(0, raw.find('?')), false);
  if (!src.empty() && src[0] == '/') src = src.substr(1);
  auto slash = src.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == src.size())
    return fakes::unexpected(invalid_argument("Copy Source must mention the source bucket and "
                                              "key: sourcebucket/sourcekey",
                                              "x-amz-copy-source", raw));
  return std::make_pair(src.substr(0, slash), src.substr(slash + 1));
}

// GET/PUT/DELETE/POST on a subresource we do not implement: name the operation.
AwsError unsupported(const HttpRequest& rq, bool object) {
  static const char* subresources[] = {"acl",       "tagging",  "versioning", "policy",
                                       "cors",      "lifecycle", "encryption", "website",
                                       "logging",   "notification", "replication", "uploads",
                                       "versions",  "retention", "legal-hold", "attributes",
                                       "object-lock", "ownershipControls", "publicAccessBlock",
                                       "accelerate", "requestPayment", "restore", "select"};
  std::string sub;
  for (const char* s : subresources)
    if (rq.has_param(s)) sub = s;
  std::string verb = rq.method == "GET"      ? "Get"
                     : rq.method == "PUT"    ? "Put"
                     : rq.method == "DELETE" ? "Delete"
                                             : rq.method == "HEAD" ? "Head" : "Post";
  std::string what = sub.empty() ? rq.method + " " + rq.path
                                  : verb + (object ? "Object" : "Bucket") +
                                        static_cast<char>(std::toupper(sub[0])) + sub.substr(1);
  return not_implemented(what);
}

}  // namespace

Target target_of(const HttpRequest& rq) {
  std::string host = rq.header("Host");
  host = host.substr(0, host.find(':'));
  std::string path = rq.path.empty() ? "/" : rq.path;
  std::string vhost_bucket;
  // bucket.s3.amazonaws.com, bucket.s3.<region>.amazonaws.com, bucket.s3-<region>..., bucket.localhost
  for (const char* marker : {".s3.", ".s3-"}) {
    auto p = host.find(marker);
    if (p != std::string::npos && p > 0) {
      vhost_bucket = host.substr(0, p);
      break;
    }
  }
  if (vhost_bucket.empty() && host.size() > 10 &&
      host.compare(host.size() - 10, 10, ".localhost") == 0)
    vhost_bucket = host.substr(0, host.size() - 10);
  if (!vhost_bucket.empty()) return {vhost_bucket, path.size() > 1 ? path.substr(1) : ""};
  std::string rest = path.substr(1);
  auto slash = rest.find('/');
  if (slash == std::string::npos) return {rest, ""};
  return {rest.substr(0, slash), rest.substr(slash + 1)};
}

HttpResponse Wire::handle(HttpRequest& rq) {
  const std::string& A = rq.account;
  const std::string& R = rq.region;
  Target t = target_of(rq);
  auto fail = [&](const AwsError& e) { return error_response(rq, e); };
  const OperationInfo* op = classify(rq, t);
  if (!op) return fail(unsupported(rq, !t.key.empty()));
  const std::string& b = t.bucket;
  const std::string& k = t.key;

  // One case per row of the operation table (operations.cpp); no default, so the compiler
  // names a row without a case.
  switch (op->operation) {
    case Operation::ListBuckets: {
      auto list = service_.list_buckets(A);
      if (!list) return fail(list.error());
      return xml_response(xml::list_buckets(*list, A));
    }
    case Operation::CreateBucket: {
      auto body = read_small(rq);
      if (!body) return fail(malformed_xml());
      auto constraint = xml::location_constraint(*body);
      if (!constraint) return fail(malformed_xml());
      auto r = service_.create_bucket(A, R, b, *constraint);
      if (!r) return fail(r.error());
      HttpResponse ok;
      ok.set_header("Location", "/" + b);
      return ok;
    }
    case Operation::HeadBucket: {
      auto r = service_.head_bucket(A, R, b);
      if (!r) return fail(r.error());
      HttpResponse ok;
      ok.set_header("x-amz-bucket-region", r->region);
      return ok;
    }
    case Operation::GetBucketLocation: {
      auto r = service_.get_bucket_location(A, b);
      if (!r) return fail(r.error());
      return xml_response(xml::location(*r));
    }
    case Operation::DeleteBucket: {
      auto r = service_.delete_bucket(A, R, b);
      if (!r) return fail(r.error());
      HttpResponse ok;
      ok.status = 204;
      return ok;
    }
    case Operation::DeleteObjects: {
      auto body = read_small(rq);
      if (!body) return fail(malformed_xml());
      auto req = xml::delete_request(*body);
      if (!req) return fail(malformed_xml());
      auto r = service_.delete_objects(A, R, b, req->keys);
      if (!r) return fail(r.error());
      return xml_response(xml::delete_result(*r, req->quiet));
    }
    case Operation::ListObjectsV2:
    case Operation::ListObjects: {
      bool v2 = op->operation == Operation::ListObjectsV2;
      ListRequest q;
      q.prefix = rq.param("prefix");
      q.delimiter = rq.param("delimiter");
      if (rq.has_param("max-keys")) {
        auto mk = int_param(rq, "max-keys");
        if (!mk)
          return fail(invalid_argument("Provided max-keys not an integer or within integer range",
                                       "max-keys", rq.param("max-keys")));
        q.max_keys = *mk;
      }
      q.continuation_token = rq.param("continuation-token");
      q.start_after = v2 ? rq.param("start-after") : rq.param("marker");
      auto r = service_.list_objects(A, R, b, q);
      if (!r) return fail(r.error());
      bool url = rq.param("encoding-type") == "url";
      if (v2) return xml_response(xml::list_objects_v2(b, q, *r, url));
      return xml_response(xml::list_objects_v1(b, q, rq.param("marker"), *r, url));
    }
    case Operation::UploadPartCopy:
    case Operation::UploadPart: {
      auto n = int_param(rq, "partNumber");
      if (!n)
        return fail(invalid_argument("Part number must be an integer between 1 and 10000, inclusive",
                                     "partNumber", rq.param("partNumber")));
      if (op->operation == Operation::UploadPartCopy) {
        auto src = copy_source(rq);
        if (!src) return fail(src.error());
        CopySource cs{src->first, src->second, rq.header("x-amz-copy-source-range")};
        auto r = service_.upload_part_copy(A, R, b, k, rq.param("uploadId"), *n, cs);
        if (!r) return fail(r.error());
        return xml_response(xml::copy_part_result(r->etag, r->last_modified, r->checksum_algorithm,
                                                  r->checksum));
      }
      auto trailers = std::make_shared<std::string>();
      PutOptions o;
      o.content_md5 = rq.header("Content-MD5");
      if (auto e = checksum_options(rq, o, trailers)) return fail(*e);
      auto r = service_.upload_part(A, R, b, k, rq.param("uploadId"), *n, body_reader(rq, trailers),
                                    o);
      if (!r) return fail(r.error());
      HttpResponse ok;
      ok.set_header("ETag", r->etag);
      checksum_headers(ok, r->checksum_algorithm, r->checksum);
      return ok;
    }
    case Operation::CopyObject: {
      auto src = copy_source(rq);
      if (!src) return fail(src.error());
      std::string directive = rq.header("x-amz-metadata-directive");
      if (!directive.empty() && directive != "COPY" && directive != "REPLACE")
        return fail(invalid_argument("Unknown metadata directive.", "x-amz-metadata-directive",
                                     directive));
      auto r = service_.copy_object(A, R, src->first, src->second, b, k, directive == "REPLACE",
                                    put_options(rq));
      if (!r) return fail(r.error());
      return xml_response(xml::copy_result(*r));
    }
    case Operation::PutObject: {
      auto trailers = std::make_shared<std::string>();
      PutOptions o = put_options(rq);
      if (auto e = checksum_options(rq, o, trailers)) return fail(*e);
      auto r = service_.put_object(A, R, b, k, body_reader(rq, trailers), o);
      if (!r) return fail(r.error());
      HttpResponse ok;
      ok.set_header("ETag", r->etag);
      checksum_headers(ok, r->checksum_algorithm, r->checksum);
      return ok;
    }
    case Operation::GetObject:
    case Operation::HeadObject: {
      auto r = op->operation == Operation::HeadObject
                   ? service_.get_object(A, R, b, k, "")
                   : service_.get_object(A, R, b, k, rq.header("Range"));
      if (!r) return fail(r.error());
      HttpResponse ok;
      object_headers(ok, r->info);
      if (rq.has_param("response-content-type")) ok.content_type = rq.param("response-content-type");
      if (!r->data)
        ok.file = HttpResponse::FileBody{r->path.string(), r->offset, r->length};
      else if (op->operation == Operation::HeadObject)
        ok.file = HttpResponse::FileBody{"", 0, r->length};  // HEAD never opens the file
      else
        ok.body = r->data->substr(static_cast<std::size_t>(r->offset),
                                  static_cast<std::size_t>(r->length));
      if (r->partial) {
        ok.status = 206;
        ok.set_header("Content-Range", r->content_range);
      } else if (lower(rq.header("x-amz-checksum-mode")) == "enabled" &&
                 !r->info.checksum.empty()) {
        // A range is not the object the checksum covers: S3 returns it for whole objects only.
        checksum_headers(ok, r->info.checksum_algorithm, r->info.checksum);
        ok.set_header("x-amz-checksum-type", r->info.parts > 0 ? "COMPOSITE" : "FULL_OBJECT");
      }
      return ok;
    }
    case Operation::AbortMultipartUpload: {
      auto r = service_.abort_multipart_upload(A, R, b, k, rq.param("uploadId"));
      if (!r) return fail(r.error());
      HttpResponse ok;
      ok.status = 204;
      return ok;
    }
    case Operation::DeleteObject: {
      auto r = service_.delete_object(A, R, b, k);
      if (!r) return fail(r.error());
      HttpResponse ok;
      ok.status = 204;
      return ok;
    }
    case Operation::CreateMultipartUpload: {
      PutOptions o = put_options(rq);
      if (auto e = checksum_options(rq, o, nullptr)) return fail(*e);
      o.checksum_value = nullptr;
      auto r = service_.create_multipart_upload(A, R, b, k, o);
      if (!r) return fail(r.error());
      HttpResponse ok = xml_response(xml::initiate_multipart(b, k, *r));
      if (o.checksum_algorithm)
        ok.set_header("x-amz-checksum-algorithm", fakes::checksum_name(*o.checksum_algorithm));
      return ok;
    }
    case Operation::CompleteMultipartUpload: {
      auto body = read_small(rq);
      if (!body) return fail(malformed_xml());
      auto parts = xml::completed_parts(*body);
      if (!parts) return fail(malformed_xml());
      auto r = service_.complete_multipart_upload(A, R, b, k, rq.param("uploadId"), *parts);
      if (!r) return fail(r.error());
      return xml_response(xml::complete_multipart("/" + b + "/" + fakes::url_encode(k, true), *r));
    }
  }
  return fail(unsupported(rq, !k.empty()));
}

}  // namespace pipemu::s3
