#include "source/webhook.hpp"

#include <arpa/inet.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <fmt/format.h>

namespace pipemu::source {

std::string github_signature(std::string_view secret, std::string_view body) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &len);
  std::string out = "sha256=";
  for (unsigned int i = 0; i < len; ++i) out += fmt::format("{:02x}", mac[i]);
  return out;
}

bool verify_github_signature(std::string_view secret, std::string_view body, std::string_view header) {
  std::string expected = github_signature(secret, body);
  if (header.size() != expected.size()) return false;
  std::string got(header);
  for (auto& c : got) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return CRYPTO_memcmp(got.data(), expected.data(), expected.size()) == 0;
}

Expected<std::optional<nlohmann::json>, std::string> json_path(const nlohmann::json& doc,
                                                               std::string_view path) {
  if (path.empty() || path[0] != '$') return unexpected("JsonPath '" + std::string(path) + "' must start with $");
  const nlohmann::json* cur = &doc;
  size_t i = 1;
  auto bad = [&](const std::string& why) {
    return unexpected(fmt::format("JsonPath '{}': {} at character {}", path, why, i + 1));
  };
  while (i < path.size()) {
    std::string key;
    bool is_index = false;
    size_t index = 0;
    if (path[i] == '.') {
      ++i;
      size_t start = i;
      while (i < path.size() && path[i] != '.' && path[i] != '[') ++i;
      key = std::string(path.substr(start, i - start));
      if (key.empty()) return bad("empty name");
      if (key == "*" ) return bad("wildcards are not supported");
    } else if (path[i] == '[') {
      ++i;
      if (i < path.size() && (path[i] == '\'' || path[i] == '"')) {
        char q = path[i++];
        size_t close = path.find(q, i);
        if (close == std::string_view::npos) return bad("unterminated quote");
        key = std::string(path.substr(i, close - i));
        i = close + 1;
      } else {
        size_t start = i;
        while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
        if (start == i) return bad("expected an index or a quoted name");
        index = std::stoul(std::string(path.substr(start, i - start)));
        is_index = true;
      }
      if (i >= path.size() || path[i] != ']') return bad("expected ]");
      ++i;
    } else {
      return bad("expected . or [");
    }
    if (is_index) {
      if (!cur->is_array() || index >= cur->size()) return std::optional<nlohmann::json>{};
      cur = &(*cur)[index];
    } else {
      if (!cur->is_object() || !cur->contains(key)) return std::optional<nlohmann::json>{};
      cur = &(*cur)[key];
    }
  }
  return std::optional<nlohmann::json>{*cur};
}

Expected<std::string, std::string> expand_placeholders(
    std::string_view text, const std::map<std::string, std::string>& configuration) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::string key(text.substr(open + 1, close - open - 1));
    auto it = configuration.find(key);
    if (it == configuration.end())
      return unexpected("MatchEquals placeholder {" + key + "} is not a configuration key of the target action");
    out += it->second;
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

static bool ip_in_range(const std::string& ip, const std::string& cidr) {
  auto slash = cidr.find('/');
  std::string net = cidr.substr(0, slash);
  int bits = slash == std::string::npos ? 32 : std::atoi(cidr.c_str() + slash + 1);
  in_addr a{}, n{};
  if (inet_pton(AF_INET, ip.c_str(), &a) != 1 || inet_pton(AF_INET, net.c_str(), &n) != 1) return false;
  if (bits <= 0) return true;
  uint32_t mask = bits >= 32 ? 0xffffffffu : ~((1u << (32 - bits)) - 1);
  return (ntohl(a.s_addr) & mask) == (ntohl(n.s_addr) & mask);
}

static std::string scalar_text(const nlohmann::json& j) {
  return j.is_string() ? j.get<std::string>() : j.dump();
}

WebhookDecision evaluate_webhook(const WebhookConfig& config, const WebhookDelivery& d) {
  WebhookDecision r;
  auto reject = [&](WebhookDecision::Outcome o, int status, std::string why) {
    r.outcome = o;
    r.http_status = status;
    r.reason = std::move(why);
    return r;
  };
  if (config.authentication == "GITHUB_HMAC") {
    if (d.signature_256.empty())
      return reject(WebhookDecision::Outcome::Unauthorized, 401, "missing X-Hub-Signature-256 header");
    if (d.signature_256.rfind("sha256=", 0) != 0)
      return reject(WebhookDecision::Outcome::Unauthorized, 401,
                    "malformed X-Hub-Signature-256 header (expected sha256=<hex>)");
    if (!verify_github_signature(config.secret, d.body, d.signature_256))
      return reject(WebhookDecision::Outcome::Unauthorized, 401,
                    "X-Hub-Signature-256 does not match the webhook's SecretToken");
  } else if (config.authentication == "IP") {
    if (!ip_in_range(d.source_ip, config.allowed_ip_range))
      return reject(WebhookDecision::Outcome::Unauthorized, 401,
                    "source address " + d.source_ip + " is outside AllowedIPRange " + config.allowed_ip_range);
  } else if (config.authentication != "UNAUTHENTICATED") {
    return reject(WebhookDecision::Outcome::Unauthorized, 401,
                  "unknown webhook Authentication " + config.authentication);
  }
  auto doc = nlohmann::json::parse(d.body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    return reject(WebhookDecision::Outcome::BadRequest, 400, "the payload is not a JSON object");
  if (d.event == "ping") return reject(WebhookDecision::Outcome::Ignored, 200, "GitHub ping event: nothing to start");
  if (doc.contains("ref") && doc["ref"].is_string()) {
    std::string ref = doc["ref"];
    r.branch = ref.rfind("refs/heads/", 0) == 0 ? ref.substr(11) : ref;
  }
  if (doc.contains("after") && doc["after"].is_string()) r.commit = doc["after"];
  for (const auto& f : config.filters) {
    auto got = json_path(doc, f.json_path);
    if (!got) return reject(WebhookDecision::Outcome::BadRequest, 400, got.error());
    if (!*got) return reject(WebhookDecision::Outcome::Ignored, 200,
                             "filter " + f.json_path + " selects nothing in the payload: no execution started");
    if (f.match_equals.empty()) continue;
    auto want = expand_placeholders(f.match_equals, config.action_configuration);
    if (!want) return reject(WebhookDecision::Outcome::Ignored, 200, want.error());
    std::string value = scalar_text(**got);
    if (value != *want)
      return reject(WebhookDecision::Outcome::Ignored, 200,
                    fmt::format("filter {} is '{}', not '{}': no execution started", f.json_path, value, *want));
  }
  r.outcome = WebhookDecision::Outcome::Start;
  r.http_status = 200;
  r.reason = "filters matched";
  return r;
}

}  // namespace pipemu::source
