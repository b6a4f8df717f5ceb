#include "fakes/cloudformation/template/serverless/hashing.hpp"

#include <fmt/format.h>
#include <openssl/sha.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace pipemu::cfn::sam {

std::string sha1_hex(const std::string& data) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  std::string out;
  for (unsigned char c : digest) out += fmt::format("{:02x}", c);
  return out;
}

std::string python_json(const model::Node& value) {
  // nlohmann's object is a std::map, so keys come out sorted like sort_keys=True.
  return value.to_json().dump(-1, ' ', true);
}

namespace {

// Python's repr of a str: single quotes unless the text has a ' and no ".
std::string repr_string(const std::string& s, bool unicode) {
  bool single = s.find('\'') == std::string::npos || s.find('"') != std::string::npos;
  char q = single ? '\'' : '"';
  std::string out = unicode ? "u" : "";
  out += q;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == q) out += std::string("\\") + q;
    else out += c;
  }
  out += q;
  return out;
}

void repr(const model::Node& n, const std::vector<std::string>& uni, std::string& out) {
  auto is_uni = [&](const std::string& s) { return std::find(uni.begin(), uni.end(), s) != uni.end(); };
  switch (n.kind()) {
    case model::Node::Kind::Null: out += "None"; return;
    case model::Node::Kind::Scalar: {
      auto j = n.to_json();
      if (j.is_boolean()) out += j.get<bool>() ? "True" : "False";
      else if (j.is_number()) out += j.dump();
      else out += repr_string(n.str(), is_uni(n.str()));
      return;
    }
    case model::Node::Kind::Sequence: {
      out += '[';
      bool first = true;
      for (const auto& i : n.items()) {
        if (!first) out += ", ";
        repr(i, uni, out);
        first = false;
      }
      out += ']';
      return;
    }
    case model::Node::Kind::Map: {
      out += '{';
      bool first = true;
      for (const auto& e : n.entries()) {
        if (!first) out += ", ";
        out += repr_string(e.key, is_uni(e.key));
        out += ": ";
        repr(e.value, uni, out);
        first = false;
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string python_repr(const model::Node& value, const std::vector<std::string>& unicode) {
  std::string out;
  repr(value, unicode, out);
  return out;
}

}  // namespace pipemu::cfn::sam
