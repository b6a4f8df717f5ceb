# Template engine checks that need python: pipemu's SAM expansion compared with the installed
# aws-sam-translator over tests/fixtures/templates/sam/*.yaml (same logical ids, types and
# properties; see compare_sam.py for what is normalised).
set(_cfn_tpl_dir ${CMAKE_CURRENT_LIST_DIR}/cfn_template)
add_executable(cfn_template_expand ${_cfn_tpl_dir}/expand_main.cpp)
target_link_libraries(cfn_template_expand PRIVATE pipemu_fakes_cloudformation pipemu_warnings)

add_test(NAME "cfn_template: SAM expansion matches aws-sam-translator"
         COMMAND python3 ${_cfn_tpl_dir}/compare_sam.py $<TARGET_FILE:cfn_template_expand>
                 ${PROJECT_SOURCE_DIR}/tests/fixtures/templates/sam)
set_tests_properties("cfn_template: SAM expansion matches aws-sam-translator"
                     PROPERTIES LABELS cfn_template TIMEOUT 300)
