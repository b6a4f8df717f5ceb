#pragma once
// The HTTP request/response every wire layer sees, independent of the HTTP library, so wires are
// testable in-process and fakes/cloudformation plugs into the server without httplib.
//
// The server (fakes/server) fills account, region and signing_service once, from the SigV4
// credential scope, before any wire sees the request. Small bodies (JSON, query, XML) arrive in
// `body`; S3 object uploads arrive through `read_body` (streamed, already de-chunked) and
// `body` stays empty.
//
// Plugging a service in: implement WireService. CloudFormation's query protocol plugs in by
// defining, in fakes/cloudformation/wire.hpp (or fakes/cloudformation/wire/wire.hpp),
//   namespace pipemu::cfn { std::unique_ptr<pipemu::fakes::WireService>
//                           make_wire(pipemu::fakes::Registry&); }
// The server includes that header when it exists and registers the result before S3's wire
// (S3 is the fallback). Server::add_wire() also accepts any WireService at run time.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pipemu::fakes {

struct CaseLess {
  bool operator()(const std::string& a, const std::string& b) const;
};
using HeaderMap = std::multimap<std::string, std::string, CaseLess>;

using BodyChunk = std::function<bool(const char* data, std::size_t n)>;

struct HttpRequest {
  std::string method;  // GET, PUT, POST, DELETE, HEAD
  std::string path;    // URL-decoded path, e.g. "/bucket/some key"
  std::multimap<std::string, std::string> query;  // decoded query parameters
  HeaderMap headers;
  std::string body;                                       // small bodies
  std::function<bool(const BodyChunk&)> read_body;        // streamed bodies (may be empty)
  std::string account;          // resolved by the server
  std::string region;           // from the SigV4 scope, else the default region
  std::string signing_service;  // from the SigV4 scope ("s3", "ssm", ...); empty if unsigned

  std::string header(const std::string& name) const;
  bool has_header(const std::string& name) const { return headers.count(name) > 0; }
  std::string param(const std::string& name) const;
  bool has_param(const std::string& name) const { return query.count(name) > 0; }
};

struct HttpResponse {
  int status = 200;
  HeaderMap headers;
  std::string body;
  std::string content_type;
  // A body streamed from a file instead of `body` (S3 GetObject). On HEAD only the length shows
  // and the file is not opened (an inline body gives no path).
  struct FileBody {
    std::string path;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
  };
  std::optional<FileBody> file;

  void set_header(const std::string& name, const std::string& value);
};

class WireService {
 public:
  virtual ~WireService() = default;
  virtual std::string name() const = 0;
  // Called with headers, path, query and small body already read (never for S3-signed requests).
  virtual bool matches(const HttpRequest& request) const = 0;
  // Never throws for bad input: answers an AWS-style error response instead.
  virtual HttpResponse handle(HttpRequest& request) = 0;
};

// Percent-decoding/encoding helpers shared by wires.
std::string url_decode(const std::string& s, bool plus_as_space);
std::string url_encode(const std::string& s, bool keep_slash);
// Parses an application/x-www-form-urlencoded body or query string.
std::multimap<std::string, std::string> parse_form(const std::string& body);

}  // namespace pipemu::fakes
