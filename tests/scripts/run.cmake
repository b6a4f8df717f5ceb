# `pipemu run` end to end with the real binary: the flagship replay across three regions (local
# executor: the build's python3 and aws CLI run on the host against the served fakes), a second
# run on the same state (updates, empty change sets, history and diff), bad input (missing SSM
# parameter and export), and a run killed mid-execution that the next run reports and survives.
set(_run_dir ${CMAKE_CURRENT_LIST_DIR}/run)
foreach(_t flagship bad_input interrupted)
  add_test(NAME "run: ${_t}" COMMAND bash ${_run_dir}/${_t}.sh $<TARGET_FILE:pipemu> ${PROJECT_SOURCE_DIR})
  set_tests_properties("run: ${_t}" PROPERTIES LABELS run TIMEOUT 300
                       ENVIRONMENT "AWS_EC2_METADATA_DISABLED=true")
endforeach()
