// Both pipeline loaders share one reader: CloudFormation spells keys in PascalCase, the
// CodePipeline API in camelCase, and the two differ only in how ArtifactStores is laid out
// (a list of {Region, ArtifactStore} in CloudFormation, a map region -> store in the API).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "model/node_read.hpp"
#include "model/pipeline.hpp"

namespace pipemu::model {
namespace {

constexpr const char* kRule = "pipeline-shape";

class Reader {
 public:
  Reader(bool cfn, Diagnostics& d) : cfn_(cfn), d_(d) {}

  // "RunOrder" in CloudFormation, "runOrder" in the API.
  std::string k(std::string_view pascal) const {
    std::string s(pascal);
    if (!cfn_ && !s.empty())
      s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
  }
  std::vector<std::string> ks(std::initializer_list<const char*> names) const {
    std::vector<std::string> out;
    for (const char* n : names) out.push_back(k(n));
    return out;
  }

  void unknown(const Node& map, std::initializer_list<const char*> known,
               const std::string& where) {
    read::unknown_keys(
        map, ks(known), d_, Severity::Error, "unsupported-property", [&](const std::string& key) {
          return cfn_ ? fmt::format("Encountered unsupported property {} in {}", key, where)
                      : fmt::format("Unknown parameter in {}: \"{}\"", where, key);
        });
  }

  const Node* required(const Node& map, std::string_view key, const std::string& where) {
    const Node* n = map.find(k(key));
    if (!n || n->is_null())
      d_.error(n ? n->mark() : map.mark(),
               fmt::format("{} is missing the required property '{}'", where, k(key)), kRule);
    return n;
  }

  std::string str(const Node& map, std::string_view key) { return read::scalar(map.find(k(key))); }

  ArtifactStore store(const Node& n, const std::string& where) {
    ArtifactStore s;
    s.mark = n.mark();
    if (!read::expect_map(&n, where, d_, kRule)) return s;
    unknown(n, {"Location", "Type", "EncryptionKey"}, where);
    if (const Node* loc = required(n, "Location", where)) s.location = *loc;
    if (const Node* t = n.find(k("Type"))) s.type = t->as_string();
    if (const Node* key = n.find(k("EncryptionKey")); key && key->is_map()) {
      s.encryption_key_id = str(*key, "Id");
      s.encryption_key_type = str(*key, "Type");
    }
    return s;
  }

  std::vector<ArtifactRef> artifacts(const Node* n, const std::string& where) {
    std::vector<ArtifactRef> out;
    if (!n || !read::expect_sequence(n, where, d_, kRule)) return out;
    for (const auto& item : n->items()) {
      if (!item.is_map()) {
        d_.error(item.mark(),
                 fmt::format("each entry of {} must be a mapping with {}", where, k("Name")), kRule,
                 fmt::format("write '- {}: artifact-name'", k("Name")));
        continue;
      }
      unknown(item, {"Name"}, where);
      const Node* name = required(item, "Name", where);
      out.push_back({read::scalar(name), name ? name->mark() : item.mark()});
    }
    return out;
  }

  Action action(const Node& n) {
    Action a;
    a.mark = n.mark();
    if (!read::expect_map(&n, "an action", d_, kRule)) return a;
    if (const Node* name = n.find(k("Name"))) {
      a.name = read::scalar(name);
      a.mark = name->mark();
    }
    std::string where = a.name.empty() ? "an action" : fmt::format("action '{}'", a.name);
    required(n, "Name", where);
    unknown(n,
            {"Name", "ActionTypeId", "RunOrder", "Configuration", "InputArtifacts",
             "OutputArtifacts", "Region", "Namespace", "RoleArn", "TimeoutInMinutes", "Commands",
             "OutputVariables", "EnvironmentVariables"},
            where);
    if (const Node* t = required(n, "ActionTypeId", where); t && t->is_map()) {
      unknown(*t, {"Category", "Owner", "Provider", "Version"}, where + " ActionTypeId");
      a.type = {str(*t, "Category"), str(*t, "Owner"), str(*t, "Provider"), str(*t, "Version"),
                t->mark()};
    }
    if (const Node* ro = n.find(k("RunOrder"))) {
      a.run_order_mark = ro->mark();
      if (auto v = read::integer(*ro)) {
        a.run_order = static_cast<int>(std::clamp<long>(*v, -1, 100000));
      } else {
        d_.error(ro->mark(), fmt::format("RunOrder of {} must be an integer from 1 to 999", where),
                 kRule);
      }
    }
    if (const Node* c = n.find(k("Configuration"));
        c && read::expect_map(c, where + " Configuration", d_, kRule))
      a.configuration = *c;
    if (a.configuration.is_null()) a.configuration = Node::map(a.mark);
    a.input_artifacts = artifacts(n.find(k("InputArtifacts")), where + " " + k("InputArtifacts"));
    a.output_artifacts =
        artifacts(n.find(k("OutputArtifacts")), where + " " + k("OutputArtifacts"));
    if (const Node* r = n.find(k("Region"))) {
      a.region = read::scalar(r);
      a.region_mark = r->mark();
    }
    a.namespace_name = str(n, "Namespace");
    a.role_arn = str(n, "RoleArn");
    return a;
  }

  Stage stage(const Node& n) {
    Stage s;
    s.mark = n.mark();
    if (!read::expect_map(&n, "a stage", d_, kRule)) return s;
    if (const Node* name = n.find(k("Name"))) {
      s.name = read::scalar(name);
      s.mark = name->mark();
    }
    std::string where = s.name.empty() ? "a stage" : fmt::format("stage '{}'", s.name);
    required(n, "Name", where);
    unknown(n, {"Name", "Actions", "Blockers", "OnFailure", "OnSuccess", "BeforeEntry"}, where);
    const Node* actions = required(n, "Actions", where);
    if (actions && read::expect_sequence(actions, where + " " + k("Actions"), d_, kRule))
      for (const auto& item : actions->items()) s.actions.push_back(action(item));
    return s;
  }

  void stores(const Node& n, Pipeline& p) {
    p.artifact_stores_mark = n.mark();
    if (cfn_) {
      if (!read::expect_sequence(&n, "ArtifactStores", d_, kRule)) return;
      for (const auto& item : n.items()) {
        if (!read::expect_map(&item, "each ArtifactStores entry", d_, kRule)) continue;
        unknown(item, {"Region", "ArtifactStore"}, "ArtifactStores");
        const Node* region = required(item, "Region", "an ArtifactStores entry");
        const Node* store_node = required(item, "ArtifactStore", "an ArtifactStores entry");
        RegionalArtifactStore r{read::scalar(region), region ? region->mark() : item.mark(), {}};
        if (store_node) r.store = store(*store_node, "ArtifactStore");
        p.artifact_stores.push_back(std::move(r));
      }
    } else {
      if (!read::expect_map(&n, "artifactStores", d_, kRule)) return;
      for (const auto& e : n.entries())
        p.artifact_stores.push_back({e.key, e.key_mark, store(e.value, "artifactStores." + e.key)});
    }
  }

  Pipeline pipeline(const Node& n) {
    Pipeline p;
    p.mark = n.mark();
    if (!read::expect_map(&n, "the pipeline declaration", d_, kRule)) return p;
    if (cfn_)
      unknown(n,
              {"Name", "RoleArn", "ArtifactStore", "ArtifactStores", "Stages",
               "RestartExecutionOnUpdate", "DisableInboundStageTransitions", "Tags", "PipelineType",
               "ExecutionMode", "Variables", "Triggers"},
              "AWS::CodePipeline::Pipeline");
    else
      unknown(n,
              {"Name", "RoleArn", "ArtifactStore", "ArtifactStores", "Stages", "Version",
               "PipelineType", "ExecutionMode", "Variables", "Triggers"},
              "pipeline");
    if (const Node* name = n.find(k("Name"))) {
      p.name = read::scalar(name);
      p.mark = name->mark();
    } else if (!cfn_) {
      required(n, "Name", "the pipeline");
    }
    if (const Node* role = required(n, "RoleArn", "the pipeline")) p.role_arn = *role;
    if (const Node* s = n.find(k("ArtifactStore")))
      p.artifact_store = store(*s, k("ArtifactStore"));
    if (const Node* s = n.find(k("ArtifactStores"))) stores(*s, p);
    const Node* stages = required(n, "Stages", "the pipeline");
    if (stages && read::expect_sequence(stages, k("Stages"), d_, kRule))
      for (const auto& item : stages->items()) p.stages.push_back(stage(item));
    if (const Node* v = n.find(k("Version")))
      p.version = static_cast<int>(read::integer(*v).value_or(1));
    if (const Node* r = n.find("RestartExecutionOnUpdate"))
      p.restart_execution_on_update = read::boolean(*r).value_or(false);
    p.pipeline_type = str(n, "PipelineType");
    return p;
  }

 private:
  bool cfn_;
  Diagnostics& d_;
};

}  // namespace

Parsed<Pipeline> pipeline_from_cfn(const Node& properties) {
  Parsed<Pipeline> out;
  out.value = Reader(true, out.diagnostics).pipeline(properties);
  return out;
}

Parsed<Pipeline> pipeline_from_api(const Node& root) {
  Parsed<Pipeline> out;
  const Node* decl = root.is_map() && root.find("pipeline") ? root.find("pipeline") : &root;
  out.value = Reader(false, out.diagnostics).pipeline(*decl);
  return out;
}

}  // namespace pipemu::model
