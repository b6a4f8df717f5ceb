# CloudFormation through the real aws CLI against `pipemu serve` (create-stack, package +
# deploy, describe-change-set, list-exports, AWS's error texts).
set(_cfn_stacks_dir ${CMAKE_CURRENT_LIST_DIR}/cfn_stacks)
add_test(NAME "cfn_stacks: aws cli create-stack, package, deploy, change sets, exports"
         COMMAND bash ${_cfn_stacks_dir}/cli_deploy.sh $<TARGET_FILE:pipemu>)
set_tests_properties("cfn_stacks: aws cli create-stack, package, deploy, change sets, exports"
  PROPERTIES LABELS cfn_stacks TIMEOUT 300
  ENVIRONMENT "PIPEMU_BINARY=$<TARGET_FILE:pipemu>;AWS_EC2_METADATA_DISABLED=true")
