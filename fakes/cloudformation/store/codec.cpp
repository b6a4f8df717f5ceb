#include "fakes/cloudformation/store/codec.hpp"

namespace pipemu::cfn::store {

namespace {
// Most stored lists are empty: "[]" needs no parser.
bool empty_list(const std::string& text) { return text == "[]"; }
}  // namespace

std::string encode(const std::vector<ParameterValue>& v) {
  if (v.empty()) return "[]";
  Json a = Json::array();
  for (const auto& p : v) {
    Json o = {{"k", p.key}, {"v", p.value}, {"p", p.use_previous}, {"n", p.no_echo}};
    if (p.resolved) o["r"] = *p.resolved;
    a.push_back(std::move(o));
  }
  return a.dump();
}

std::string encode(const std::vector<Output>& v) {
  if (v.empty()) return "[]";
  Json a = Json::array();
  for (const auto& o : v)
    a.push_back({{"k", o.key}, {"v", o.value}, {"d", o.description}, {"e", o.export_name}});
  return a.dump();
}

std::string encode(const std::vector<Tag>& v) {
  if (v.empty()) return "[]";
  Json a = Json::array();
  for (const auto& t : v) a.push_back({{"k", t.key}, {"v", t.value}});
  return a.dump();
}

std::string encode(const std::vector<std::string>& v) {
  return v.empty() ? "[]" : Json(v).dump();
}

std::vector<ParameterValue> decode_parameters(const std::string& text) {
  std::vector<ParameterValue> out;
  if (empty_list(text)) return out;
  for (const auto& o : Json::parse(text)) {
    ParameterValue p;
    p.key = o.at("k");
    p.value = o.at("v");
    p.use_previous = o.at("p");
    p.no_echo = o.at("n");
    if (o.contains("r")) p.resolved = o["r"].get<std::string>();
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Output> decode_outputs(const std::string& text) {
  std::vector<Output> out;
  if (empty_list(text)) return out;
  for (const auto& o : Json::parse(text)) out.push_back({o.at("k"), o.at("v"), o.at("d"), o.at("e")});
  return out;
}

std::vector<Tag> decode_tags(const std::string& text) {
  std::vector<Tag> out;
  if (empty_list(text)) return out;
  for (const auto& o : Json::parse(text)) out.push_back({o.at("k"), o.at("v")});
  return out;
}

std::vector<std::string> decode_strings(const std::string& text) {
  if (empty_list(text)) return {};
  return Json::parse(text).get<std::vector<std::string>>();
}

}  // namespace pipemu::cfn::store
