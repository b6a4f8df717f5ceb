// One action in words: what it does (the knowledge table's wording), which artifact copy it
// reads, what it writes, and which exports and parameters it needs — with the message AWS gives
// when one is missing, so a newcomer recognises the failure when it happens.
#include <fmt/format.h>

#include "report/explain/parts.hpp"
#include "report/explain/support.hpp"

namespace pipemu::report::explain {

namespace {

void describe_input(Doc& doc, const Input& in, const model::Action& action,
                    const model::ArtifactRef& input) {
  const model::Stage* from_stage = nullptr;
  const model::Action* from = producer(*in.pipeline, input.name, &from_stage);
  std::string region = effective_region(in, action);
  if (!from) {
    doc.bullet(fmt::format("Reads artifact {}, which no earlier action outputs: CodePipeline rejects "
                           "the pipeline until one does.",
                           doc.code(input.name)));
    return;
  }
  std::string made_in = effective_region(in, *from);
  if (made_in == region) {
    doc.bullet(fmt::format("Reads artifact {} from the {} artifact bucket, where {} (stage {}) "
                           "stored it.",
                           doc.code(input.name), region, from->name, from_stage->name));
    return;
  }
  const model::ArtifactStore* store = in.pipeline->store_for(region);
  doc.bullet(fmt::format(
      "Reads artifact {}, which {} (stage {}) stored in {}; because this action runs in {}, "
      "CodePipeline first copies it into the {} artifact bucket ({}) and the action reads that copy.",
      doc.code(input.name), from->name, from_stage->name, made_in, region, region,
      store ? value_origin(in, store->location) : "none is declared, so the copy fails"));
}

void describe_needs(Doc& doc, const Input& in, const model::Action& action) {
  std::string region = effective_region(in, action);
  std::vector<std::string> imports, refs;
  collect_imports(action.configuration, imports);
  collect_refs(action.configuration, refs);
  // A CodeBuild action also needs whatever its project resource reads (role, variables).
  for (const auto& name : refs)
    if (const model::TemplateResource* r = in.tmpl->resource(name)) {
      collect_imports(r->properties, imports);
      collect_refs(r->properties, refs);
    }
  for (const auto& name : imports)
    doc.bullet(fmt::format("Needs export {} in {}: CloudFormation resolves it when it deploys the "
                           "pipeline's stack. Without it the stack fails with \"No export named {} "
                           "found.\"",
                           doc.code(name), in.region, name));
  for (const auto& name : refs)
    if (std::string key = ssm_key(*in.tmpl, name); !key.empty())
      doc.bullet(fmt::format("Needs SSM parameter {} in {} (template parameter {}). Without it the "
                             "pipeline's stack fails with \"Parameters: [{}] cannot be found.\"",
                             doc.code(key), in.region, name, key));
  if (in.buildspec && action.type.provider == "CodeBuild")
    for (const auto& p : in.buildspec->env.parameter_store)
      doc.bullet(fmt::format("The buildspec ({}) reads SSM parameter {} into ${} in {} when the "
                             "build starts. Without it the build fails with \"Decrypted Variables "
                             "Error Message: parameter does not exist: {}\"",
                             in.buildspec_path, doc.code(p.value), p.name, region, p.value));
}

// CHANGE_SET_EXECUTE only works after a CHANGE_SET_REPLACE of the same stack, change set and
// region; naming that action explains why the two sit in different RunOrder groups.
void describe_change_set_source(Doc& doc, const Input& in, const model::Action& action) {
  if (action.config("ActionMode") != "CHANGE_SET_EXECUTE") return;
  for (const auto& s : in.pipeline->stages)
    for (const auto& a : s.actions)
      if (a.config("ActionMode") == "CHANGE_SET_REPLACE" &&
          a.config("StackName") == action.config("StackName") &&
          a.config("ChangeSetName") == action.config("ChangeSetName") &&
          effective_region(in, a) == effective_region(in, action)) {
        doc.bullet(fmt::format("Executes the change set {} creates (stage {}, RunOrder {}), so it "
                               "must run after it.",
                               a.name, s.name, a.run_order));
        return;
      }
  doc.bullet(fmt::format("No earlier CHANGE_SET_REPLACE creates change set {} for stack {} in {}: "
                         "AWS fails with \"ChangeSet [{}] does not exist\".",
                         action.config("ChangeSetName"), action.config("StackName"),
                         effective_region(in, action), action.config("ChangeSetName")));
}

}  // namespace

std::string kind_words(const model::Action& action) {
  std::string mode = action.config("ActionMode");
  return fmt::format("{} action, provider {}{}", action.type.category, action.type.provider,
                     mode.empty() ? "" : ", ActionMode " + mode);
}

void describe_action_body(Doc& doc, const Input& in, const model::Stage& stage,
                          const model::Action& action) {
  Vars vars = action_vars(in, stage, action);
  doc.para(fmt::format("{} in {}, RunOrder {}.", kind_words(action), vars["region"],
                       action.run_order));
  doc.para(describe_action(action.type.category, action.type.provider, action.config("ActionMode"),
                           vars));
  for (const auto& input : action.input_artifacts) describe_input(doc, in, action, input);
  for (const auto& output : action.output_artifacts)
    doc.bullet(fmt::format("Writes artifact {} to the {} artifact bucket.", doc.code(output.name),
                           vars["region"]));
  describe_change_set_source(doc, in, action);
  describe_needs(doc, in, action);
}

}  // namespace pipemu::report::explain
