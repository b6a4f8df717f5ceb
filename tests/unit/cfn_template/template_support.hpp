#pragma once
// Helpers for the template tests: parse YAML text, and an evaluator whose callbacks answer from
// small maps, so tests read as data.
#include <map>
#include <string>

#include "fakes/cloudformation/template/evaluator.hpp"
#include "fakes/cloudformation/template/template.hpp"

namespace cfn_test {

pipemu::cfn::Template parse_ok(const std::string& yaml);
// The error message of parsing `yaml`; "" when it parsed.
std::string parse_error(const std::string& yaml);

struct World {
  std::map<std::string, std::string> physical_ids;               // logical id -> Ref value
  std::map<std::string, std::string> attributes;                 // "Res.Attr" -> value
  std::map<std::string, std::string> exports;                   // export name -> value
  std::map<std::string, std::string> ssm;                        // SSM name -> value
  pipemu::cfn::EvalContext context() const;
};

// Evaluates `value_yaml` (a YAML value) against `tpl`; returns the JSON text of the result or
// "ERROR: <message>".
std::string eval(const pipemu::cfn::Template& tpl, const std::string& value_yaml, const World& w = {},
                 const std::vector<pipemu::cfn::ParameterInput>& params = {});

}  // namespace cfn_test

namespace cfn_test {

// The whole template path a stack create takes, without a stack: parse, transforms, validate,
// parameters (defaults; SSM /corpus/* keys known), conditions, graph, every included
// resource's properties in creation order, outputs. Returns "ok" or the first error message.
std::string run_pipeline(const std::string& label, const std::string& body);

}  // namespace cfn_test
