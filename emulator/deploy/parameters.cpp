#include "deploy/parameters.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pipemu::deploy {

using nlohmann::json;

namespace {

const InputArtifact* find_input(const std::vector<InputArtifact>& inputs, const std::string& name) {
  for (const auto& i : inputs)
    if (i.name == name) return &i;
  return nullptr;
}

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

std::map<std::string, std::string> string_map(const json& obj) {
  std::map<std::string, std::string> out;
  if (obj.is_object())
    for (auto& [k, v] : obj.items()) out[k] = scalar_text(v);
  return out;
}

}  // namespace

Expected<ArtifactPath, std::string> parse_artifact_path(const std::string& key, const std::string& value,
                                                        const std::vector<InputArtifact>& inputs) {
  auto sep = value.find("::");
  if (sep == std::string::npos || sep == 0 || sep + 2 >= value.size())
    return unexpected(fmt::format(
        "Invalid action configuration: {} '{}' must be of the form ArtifactName::path/to/file", key, value));
  ArtifactPath p{value.substr(0, sep), value.substr(sep + 2)};
  if (!find_input(inputs, p.artifact))
    return unexpected(fmt::format(
        "Invalid action configuration: {} refers to artifact {}, which is not an input artifact of "
        "this action",
        key, p.artifact));
  return p;
}

Expected<TemplateConfiguration, std::string> parse_template_configuration(const std::string& text,
                                                                          const std::string& where) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return unexpected(fmt::format("TemplateConfiguration {} is not a JSON object", where));
  TemplateConfiguration c;
  if (auto p = j.find("Parameters"); p != j.end()) {
    if (!p->is_object())
      return unexpected(fmt::format("TemplateConfiguration {}: Parameters must be an object", where));
    c.parameters = string_map(*p);
  }
  if (auto t = j.find("Tags"); t != j.end()) c.tags = string_map(*t);
  return c;
}

Expected<std::map<std::string, std::string>, std::string> evaluate_parameter_overrides(
    const std::string& text, const std::vector<InputArtifact>& inputs, const ArtifactReader& read) {
  std::map<std::string, std::string> out;
  if (text.empty()) return out;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return unexpected(fmt::format(
        "Invalid action configuration: ParameterOverrides must be a JSON object, got: {}", text));
  for (auto& [name, v] : j.items()) {
    if (!v.is_object()) {
      out[name] = scalar_text(v);
      continue;
    }
    if (auto gp = v.find("Fn::GetParam"); gp != v.end() && v.size() == 1) {
      if (!gp->is_array() || gp->size() != 3 || !(*gp)[0].is_string() || !(*gp)[1].is_string() ||
          !(*gp)[2].is_string())
        return unexpected(fmt::format(
            "Invalid action configuration: Fn::GetParam for parameter {} takes [ArtifactName, "
            "JSONFileName, KeyName]",
            name));
      std::string art = (*gp)[0], file = (*gp)[1], key = (*gp)[2];
      if (!find_input(inputs, art))
        return unexpected(fmt::format(
            "Invalid action configuration: Fn::GetParam refers to artifact {}, which is not an "
            "input artifact of this action",
            art));
      auto body = read(art, file);
      if (!body) return unexpected(fmt::format("Fn::GetParam [{}, {}, {}]: {}", art, file, key, body.error()));
      json doc = json::parse(*body, nullptr, false);
      if (doc.is_discarded() || !doc.is_object())
        return unexpected(fmt::format("Fn::GetParam [{}, {}, {}]: {} in {} is not a JSON object",
                                      art, file, key, file, art));
      auto val = doc.find(key);
      if (val == doc.end())
        return unexpected(fmt::format("Fn::GetParam [{}, {}, {}]: key {} not found in {}", art,
                                      file, key, key, file));
      out[name] = scalar_text(*val);
      continue;
    }
    if (auto ga = v.find("Fn::GetArtifactAtt"); ga != v.end() && v.size() == 1) {
      if (!ga->is_array() || ga->size() != 2 || !(*ga)[0].is_string() || !(*ga)[1].is_string())
        return unexpected(fmt::format(
            "Invalid action configuration: Fn::GetArtifactAtt for parameter {} takes "
            "[ArtifactName, AttributeName]",
            name));
      std::string art = (*ga)[0], attr = (*ga)[1];
      const InputArtifact* in = find_input(inputs, art);
      if (!in)
        return unexpected(fmt::format(
            "Invalid action configuration: Fn::GetArtifactAtt refers to artifact {}, which is not "
            "an input artifact of this action",
            art));
      if (attr == "BucketName") out[name] = in->bucket;
      else if (attr == "ObjectKey") out[name] = in->key;
      else if (attr == "URL")
        out[name] = fmt::format("https://{}.s3.{}.amazonaws.com/{}", in->bucket, in->region, in->key);
      else
        return unexpected(fmt::format(
            "Invalid action configuration: Fn::GetArtifactAtt attribute {} is not one of "
            "BucketName, ObjectKey, URL",
            attr));
      continue;
    }
    return unexpected(fmt::format(
        "Invalid action configuration: ParameterOverrides value for {} must be a string, "
        "Fn::GetParam or Fn::GetArtifactAtt",
        name));
  }
  return out;
}

}  // namespace pipemu::deploy
