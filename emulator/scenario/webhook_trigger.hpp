#pragma once
// Whether a scenario's webhook delivery starts the pipeline: the template's
// AWS::CodePipeline::Webhook filters, with `{Key}` placeholders taken from the target source
// action's configuration in the deployed pipeline (aws-semantics.md §7). The scenario supplies
// the payload, not GitHub's signature, so authentication is not checked here.
#include <string>

#include "model/pipeline.hpp"
#include "scenario/spec.hpp"

namespace pipemu::scenario {

struct WebhookOutcome {
  bool start = false;
  std::string reason;  // why not
  std::string branch;  // from the payload's ref
  std::string commit;  // the payload's `after`, when it names a commit
};

WebhookOutcome webhook_decision(const std::string& template_path, const model::Pipeline& pipeline,
                                const Trigger& trigger);

}  // namespace pipemu::scenario
