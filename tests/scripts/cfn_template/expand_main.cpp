// cfn_template_expand TEMPLATE [REGION]: prints pipemu's processed template (transforms
// applied) as JSON, or "ERROR: <message>" and exit 1. Test helper for the SAM comparison with
// aws-sam-translator (compare_sam.py); not part of pipemu's CLI.
#include <iostream>
#include <nlohmann/json.hpp>

#include "fakes/cloudformation/template/template.hpp"
#include "fakes/cloudformation/template/transform.hpp"
#include "model/loader.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: cfn_template_expand TEMPLATE [REGION]\n";
    return 2;
  }
  auto doc = pipemu::model::load_file(argv[1]);
  if (!doc) {
    std::cout << "ERROR: " << doc.error().message << "\n";
    return 1;
  }
  pipemu::cfn::StackInfo stack;
  stack.region = argc > 2 ? argv[2] : "eu-west-1";
  stack.stack_name = "demo";
  auto processed = pipemu::cfn::process_transforms(*doc, stack);
  if (!processed) {
    std::cout << "ERROR: " << processed.error().message << "\n";
    return 1;
  }
  std::cout << processed->to_json().dump(1) << "\n";
  return 0;
}
