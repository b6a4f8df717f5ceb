#include "fakes/ssm/wire.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "fakes/ssm/errors.hpp"

namespace pipemu::ssm {

using fakes::AwsError;
using fakes::HttpResponse;
using nlohmann::json;

namespace {

const std::string kPrefix = "AmazonSSM.";

// Thrown inside a handler when the input does not fit the model; becomes a 400.
struct InputError {
  AwsError error;
};

AwsError missing(const std::string& member) {
  return validation(fmt::format(
      "1 validation error detected: Value null at '{}' failed to satisfy constraint: Member must "
      "not be null",
      member));
}

std::string need_string(const json& in, const char* key, const char* member) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) throw InputError{missing(member)};
  if (!it->is_string())
    throw InputError{fakes::aws_error("SerializationException",
                                      fmt::format("Start of structure or map found where not "
                                                  "expected for member {}",
                                                  key))};
  return it->get<std::string>();
}
std::string opt_string(const json& in, const char* key) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return {};
  if (!it->is_string())
    throw InputError{fakes::aws_error("SerializationException",
                                      fmt::format("Expected a string for {}", key))};
  return it->get<std::string>();
}
bool opt_bool(const json& in, const char* key) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return false;
  if (!it->is_boolean())
    throw InputError{fakes::aws_error("SerializationException",
                                      fmt::format("Expected a boolean for {}", key))};
  return it->get<bool>();
}
std::optional<long long> opt_int(const json& in, const char* key) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer())
    throw InputError{fakes::aws_error("SerializationException",
                                      fmt::format("Expected an integer for {}", key))};
  return it->get<long long>();
}
std::vector<std::string> string_list(const json& in, const char* key, const char* member,
                                     bool required) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) {
    if (required) throw InputError{missing(member)};
    return {};
  }
  if (!it->is_array())
    throw InputError{fakes::aws_error("SerializationException",
                                      fmt::format("Expected a list for {}", key))};
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string())
      throw InputError{fakes::aws_error("SerializationException",
                                        fmt::format("Expected strings in {}", key))};
    out.push_back(v.get<std::string>());
  }
  return out;
}
std::vector<ParameterFilter> filters(const json& in, const char* key) {
  std::vector<ParameterFilter> out;
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return out;
  if (!it->is_array())
    throw InputError{fakes::aws_error("SerializationException", "Expected a list of filters")};
  for (const auto& f : *it) {
    if (!f.is_object())
      throw InputError{fakes::aws_error("SerializationException", "Expected a filter object")};
    ParameterFilter pf;
    pf.key = need_string(f, "Key", "parameterFilters.member.key");
    pf.option = opt_string(f, "Option");
    pf.values = string_list(f, "Values", "values", false);
    out.push_back(std::move(pf));
  }
  return out;
}

json parameter_json(const Parameter& p) {
  json j = {{"Name", p.name},
            {"Type", p.type},
            {"Value", p.value},
            {"Version", p.version},
            {"LastModifiedDate", p.last_modified},
            {"ARN", p.arn},
            {"DataType", p.data_type}};
  if (!p.selector.empty()) j["Selector"] = p.selector;
  return j;
}

json metadata_json(const Parameter& p, bool history) {
  json j = {{"Name", p.name},
            {"Type", p.type},
            {"LastModifiedDate", p.last_modified},
            {"LastModifiedUser", "arn:aws:iam::" + std::string(fakes::kDefaultAccount) + ":root"},
            {"Version", p.version},
            {"Tier", p.tier},
            {"Policies", json::array()},
            {"DataType", p.data_type}};
  if (!history) j["ARN"] = p.arn;
  if (!p.key_id.empty()) j["KeyId"] = p.key_id;
  if (!p.description.empty()) j["Description"] = p.description;
  if (!p.allowed_pattern.empty()) j["AllowedPattern"] = p.allowed_pattern;
  if (history) {
    j["Value"] = p.value;
    j["Labels"] = p.labels;
  }
  return j;
}

// By value: the Result is a temporary in every caller.
template <class T>
T ok_or_throw(fakes::Result<T> r) {
  if (!r) throw InputError{r.error()};
  return std::move(*r);
}

using Handler = std::function<json(Service&, const fakes::HttpRequest&, const json&)>;

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"PutParameter",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         PutParameterRequest p;
         p.name = need_string(in, "Name", "name");
         p.value = need_string(in, "Value", "value");
         p.type = opt_string(in, "Type");
         p.description = opt_string(in, "Description");
         p.key_id = opt_string(in, "KeyId");
         p.allowed_pattern = opt_string(in, "AllowedPattern");
         p.tier = opt_string(in, "Tier");
         p.data_type = opt_string(in, "DataType");
         p.overwrite = opt_bool(in, "Overwrite");
         if (auto t = in.find("Tags"); t != in.end() && t->is_array())
           for (const auto& tag : *t)
             if (tag.is_object())
               p.tags.emplace_back(opt_string(tag, "Key"), opt_string(tag, "Value"));
         auto r = ok_or_throw(s.put_parameter(rq.account, rq.region, p));
         return json{{"Version", r.version}, {"Tier", r.tier}};
       }},
      {"GetParameter",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         auto p = ok_or_throw(s.get_parameter(rq.account, rq.region,
                                                     need_string(in, "Name", "name"),
                                                     opt_bool(in, "WithDecryption")));
         return json{{"Parameter", parameter_json(p)}};
       }},
      {"GetParameters",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         auto r = ok_or_throw(s.get_parameters(rq.account, rq.region,
                                                      string_list(in, "Names", "names", true),
                                                      opt_bool(in, "WithDecryption")));
         json params = json::array();
         for (const auto& p : r.parameters) params.push_back(parameter_json(p));
         return json{{"Parameters", params}, {"InvalidParameters", r.invalid_parameters}};
       }},
      {"GetParametersByPath",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         GetByPathRequest q;
         q.path = need_string(in, "Path", "path");
         q.recursive = opt_bool(in, "Recursive");
         q.with_decryption = opt_bool(in, "WithDecryption");
         q.filters = filters(in, "ParameterFilters");
         q.max_results = static_cast<int>(opt_int(in, "MaxResults").value_or(10));
         q.next_token = opt_string(in, "NextToken");
         auto r = ok_or_throw(s.get_parameters_by_path(rq.account, rq.region, q));
         json params = json::array();
         for (const auto& p : r.parameters) params.push_back(parameter_json(p));
         json out = {{"Parameters", params}};
         if (!r.next_token.empty()) out["NextToken"] = r.next_token;
         return out;
       }},
      {"DescribeParameters",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         DescribeRequest q;
         q.filters = filters(in, "ParameterFilters");
         if (auto f = in.find("Filters"); f != in.end() && f->is_array())
           for (const auto& old : *f) {  // legacy Filters: Key/Values, BeginsWith on names
             ParameterFilter pf;
             pf.key = opt_string(old, "Key");
             pf.option = pf.key == "Name" ? "BeginsWith" : "Equals";
             pf.values = string_list(old, "Values", "values", false);
             q.filters.push_back(pf);
           }
         q.max_results = static_cast<int>(opt_int(in, "MaxResults").value_or(50));
         q.next_token = opt_string(in, "NextToken");
         auto r = ok_or_throw(s.describe_parameters(rq.account, rq.region, q));
         json params = json::array();
         for (const auto& p : r.parameters) params.push_back(metadata_json(p, false));
         json out = {{"Parameters", params}};
         if (!r.next_token.empty()) out["NextToken"] = r.next_token;
         return out;
       }},
      {"DeleteParameter",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         ok_or_throw(s.delete_parameter(rq.account, rq.region, need_string(in, "Name", "name")));
         return json::object();
       }},
      {"DeleteParameters",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         auto r = ok_or_throw(s.delete_parameters(
             rq.account, rq.region, string_list(in, "Names", "names", true)));
         return json{{"DeletedParameters", r.deleted}, {"InvalidParameters", r.invalid}};
       }},
      {"GetParameterHistory",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         auto r = ok_or_throw(s.get_parameter_history(
             rq.account, rq.region, need_string(in, "Name", "name"),
             opt_bool(in, "WithDecryption"),
             static_cast<int>(opt_int(in, "MaxResults").value_or(50)),
             opt_string(in, "NextToken")));
         json params = json::array();
         for (const auto& p : r.parameters) params.push_back(metadata_json(p, true));
         json out = {{"Parameters", params}};
         if (!r.next_token.empty()) out["NextToken"] = r.next_token;
         return out;
       }},
      {"LabelParameterVersion",
       [](Service& s, const fakes::HttpRequest& rq, const json& in) {
         auto r = ok_or_throw(s.label_parameter_version(
             rq.account, rq.region, need_string(in, "Name", "name"),
             opt_int(in, "ParameterVersion"), string_list(in, "Labels", "labels", true)));
         return json{{"InvalidLabels", r.invalid_labels}, {"ParameterVersion", r.version}};
       }},
  };
  return table;
}

}  // namespace

std::vector<std::string> operation_names() {
  std::vector<std::string> out;
  for (const auto& [name, handler] : handlers()) out.push_back(name);
  return out;
}

HttpResponse json_error(const AwsError& error) {
  HttpResponse r;
  r.status = error.status;
  r.content_type = "application/x-amz-json-1.1";
  json j = {{"__type", error.code}, {"message", error.message}};
  r.body = j.dump();
  return r;
}

bool Wire::matches(const fakes::HttpRequest& request) const {
  return request.header("X-Amz-Target").rfind(kPrefix, 0) == 0;
}

HttpResponse Wire::handle(fakes::HttpRequest& request) {
  std::string op = request.header("X-Amz-Target").substr(kPrefix.size());
  auto it = handlers().find(op);
  if (it == handlers().end()) return json_error(unknown_operation(op));
  json in = request.body.empty() ? json::object() : json::parse(request.body, nullptr, false);
  if (in.is_discarded() || !in.is_object())
    return json_error(fakes::aws_error("SerializationException",
                                       "The request body is not a valid JSON object."));
  try {
    HttpResponse r;
    r.content_type = "application/x-amz-json-1.1";
    r.body = it->second(service_, request, in).dump();
    return r;
  } catch (const InputError& e) {
    return json_error(e.error);
  }
}

}  // namespace pipemu::ssm
