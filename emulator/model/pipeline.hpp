#pragma once
// A CodePipeline (V1) declaration as plain data. Two loaders fill it: one from the Properties of
// an AWS::CodePipeline::Pipeline resource (PascalCase; raw, so values may still be intrinsics
// such as {Ref: EuBucket}, or already resolved by a CloudFormation engine) and one from the JSON
// `aws codepipeline get-pipeline` prints (camelCase). Every element keeps its source mark.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.hpp"
#include "model/parsed.hpp"

namespace pipemu::model {

struct ArtifactStore {
  Mark mark;
  Node location;  // bucket name, or an unresolved intrinsic
  std::string type = "S3";
  std::string encryption_key_id;    // empty: the S3 default key
  std::string encryption_key_type;  // "KMS" when set

  std::string bucket() const { return location.as_string(); }  // "" while unresolved
};

// One entry of ArtifactStores: the bucket CodePipeline uses for actions in `region`.
struct RegionalArtifactStore {
  std::string region;
  Mark mark;  // of the Region value
  ArtifactStore store;
};

struct ActionTypeId {
  std::string category;  // Source, Build, Test, Deploy, Approval, Invoke
  std::string owner;     // AWS, ThirdParty, Custom
  std::string provider;  // GitHub, CodeBuild, CloudFormation, ...
  std::string version;   // "1"
  Mark mark;
};

struct ArtifactRef {
  std::string name;
  Mark mark;
};

struct Action {
  std::string name;
  Mark mark;  // of the name value
  ActionTypeId type;
  int run_order = 1;
  Mark run_order_mark;  // unknown (line 0) when RunOrder is omitted
  Node configuration;   // ordered key -> value; values may be unresolved intrinsics
  std::vector<ArtifactRef> input_artifacts;
  std::vector<ArtifactRef> output_artifacts;
  std::optional<std::string> region;  // absent: the pipeline's own region
  Mark region_mark;
  std::string namespace_name;
  std::string role_arn;  // "" when absent or unresolved

  // The configuration value's text, or "" when absent or not a scalar (unresolved intrinsic).
  std::string config(std::string_view key) const;
  const Node* config_node(std::string_view key) const { return configuration.find(key); }
  Mark config_mark(std::string_view key) const;  // the key's mark, else the action's
  bool is(std::string_view category, std::string_view provider) const {
    return type.category == category && type.provider == provider;
  }
};

struct Stage {
  std::string name;
  Mark mark;
  std::vector<Action> actions;
};

struct Pipeline {
  std::string name;
  Mark mark;  // of the declaration (or of Name when present)
  Node role_arn;
  std::optional<ArtifactStore> artifact_store;         // ArtifactStore (single region)
  std::vector<RegionalArtifactStore> artifact_stores;  // ArtifactStores (cross-region)
  Mark artifact_stores_mark;
  std::vector<Stage> stages;
  int version = 1;
  bool restart_execution_on_update = false;
  std::string pipeline_type;  // "", "V1" or "V2"

  // The store for `region`: the ArtifactStores entry, or the single ArtifactStore whatever the
  // region (callers check cross-region rules separately). nullptr when none applies.
  const ArtifactStore* store_for(std::string_view region) const;
  const Stage* stage(std::string_view name) const;
  // The first action of that name in any stage, with its stage.
  const Action* action(std::string_view name, const Stage** stage_out = nullptr) const;
};

// From an AWS::CodePipeline::Pipeline resource's Properties (CloudFormation, PascalCase).
Parsed<Pipeline> pipeline_from_cfn(const Node& properties);

// From `aws codepipeline get-pipeline` output ({"pipeline": {...}, "metadata": {...}}) or a
// bare declaration (the `pipeline` object, as create-pipeline takes it). camelCase keys.
Parsed<Pipeline> pipeline_from_api(const Node& root);

}  // namespace pipemu::model
