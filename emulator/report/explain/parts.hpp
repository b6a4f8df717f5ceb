#pragma once
// The section builders explain.cpp assembles (one file each, so each stays short).
#include "report/explain/doc.hpp"
#include "report/explain/explain.hpp"

namespace pipemu::report::explain {

// "Deploy action, provider CloudFormation, ActionMode CREATE_UPDATE".
std::string kind_words(const model::Action& action);
// What one action does, reads, writes and needs (action.cpp).
void describe_action_body(Doc& doc, const Input& in, const model::Stage& stage,
                          const model::Action& action);
// Where the pipeline lives and its regional buckets; what triggers it (setting.cpp).
void describe_regions(Doc& doc, const Input& in);
void describe_trigger(Doc& doc, const Input& in);

}  // namespace pipemu::report::explain
