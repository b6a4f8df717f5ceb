#pragma once
// Facts `explain` reads off the model: where a value comes from (an SSM-typed parameter, an
// export), who produces an artifact, which regional bucket an action reads. Kept apart from the
// wording so each sentence builder stays short.
#include <string>
#include <vector>

#include "report/explain/explain.hpp"
#include "report/knowledge.hpp"

namespace pipemu::report::explain {

// Every Fn::ImportValue export name (literal arguments only) under `node`, in order, deduplicated.
void collect_imports(const model::Node& node, std::vector<std::string>& out);
// Every Ref target under `node`, deduplicated.
void collect_refs(const model::Node& node, std::vector<std::string>& out);

// The SSM key an SSM-typed template parameter reads (its Default), or "" when `name` is not one.
std::string ssm_key(const model::Template& t, const std::string& name);

// Where a value comes from, in words: "bucket b", "the value of SSM parameter /a/b (template
// parameter EuBucket)", "export X", "resource CodeBuild of this template".
std::string value_origin(const Input& in, const model::Node& value);

// The action that outputs `artifact`, with its stage; nullptr when none does.
const model::Action* producer(const model::Pipeline& p, const std::string& artifact,
                              const model::Stage** stage = nullptr);

// Vars for the knowledge templates (configuration keys plus region, inputs, outputs, ...).
Vars action_vars(const Input& in, const model::Stage& stage, const model::Action& action);

std::string effective_region(const Input& in, const model::Action& action);
std::string names(const std::vector<model::ArtifactRef>& refs);  // "src, package"
std::string join_words(const std::vector<std::string>& items);   // "a, b and c"

}  // namespace pipemu::report::explain
