# Webhooks end to end with the real binary: GitHub deliveries over HTTP to `pipemu serve
# --pipeline` (signed with python's hmac), and payload files through `pipemu webhook`.
set(_webhook_dir ${CMAKE_CURRENT_LIST_DIR}/webhook)
foreach(_t serve payload_file)
  add_test(NAME "webhook: ${_t}" COMMAND bash ${_webhook_dir}/${_t}.sh $<TARGET_FILE:pipemu> ${PROJECT_SOURCE_DIR})
  set_tests_properties("webhook: ${_t}" PROPERTIES LABELS "webhook;run" TIMEOUT 300
                       ENVIRONMENT "AWS_EC2_METADATA_DISABLED=true")
endforeach()
