# Build-stage tests that drive the real pipemu binary, the aws CLI and a real Docker engine
# (tools/prepare-test-env starts dockerd and builds the stand-in image before ctest runs).
# RESOURCE_LOCK docker-engine: choosing the Docker executor removes every engine object of this
# machine whose pipemu process is gone, so a test that plants such objects and checks who removed
# them must not run beside another Docker build (unit_build's and the tutorial's hold it too).
add_test(NAME "build: article build flow on the fixture service"
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/build/build_flow.sh $<TARGET_FILE:pipemu> ${PROJECT_SOURCE_DIR})
set_tests_properties("build: article build flow on the fixture service" PROPERTIES LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 300)
add_test(NAME "build: pipemu build bad input"
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/build/cli_errors.sh $<TARGET_FILE:pipemu>)
set_tests_properties("build: pipemu build bad input" PROPERTIES LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 120)
add_test(NAME "build: docker builds through a TCP engine endpoint"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/build/tcp_engine.sh $<TARGET_FILE:unit_build>)
set_tests_properties("build: docker builds through a TCP engine endpoint" PROPERTIES LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 300)
# Copy mode (no bind mounts: what an engine on another machine gets) on this machine's engine,
# over its socket and through the TCP relay.
add_test(NAME "build: docker builds with files copied, no bind mounts"
         COMMAND ${CMAKE_COMMAND} -E env PIPEMU_ENGINE_FILES=copy $<TARGET_FILE:unit_build> "docker build*")
set_tests_properties("build: docker builds with files copied, no bind mounts" PROPERTIES LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 300)
add_test(NAME "build: docker builds through a TCP engine endpoint, files copied"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/build/tcp_engine.sh $<TARGET_FILE:unit_build> copy)
set_tests_properties("build: docker builds through a TCP engine endpoint, files copied" PROPERTIES LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 300)
add_test(NAME "build: article build flow, files copied, fakes at this machine's address"
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/build/build_flow.sh $<TARGET_FILE:pipemu> ${PROJECT_SOURCE_DIR} copy)
set_tests_properties("build: article build flow, files copied, fakes at this machine's address" PROPERTIES LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 300)
add_test(NAME "build: pipemu run of the flagship, files copied, fakes at this machine's address"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/build/run_copy_mode.sh $<TARGET_FILE:pipemu> ${PROJECT_SOURCE_DIR})
set_tests_properties("build: pipemu run of the flagship, files copied, fakes at this machine's address" PROPERTIES
                     LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 300 ENVIRONMENT "AWS_EC2_METADATA_DISABLED=true")
add_test(NAME "build: nothing left in the engine (stale volumes of dead pipemu processes, SIGTERM, SIGINT)"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/build/engine_leftovers.sh $<TARGET_FILE:pipemu>)
set_tests_properties("build: nothing left in the engine (stale volumes of dead pipemu processes, SIGTERM, SIGINT)"
                     PROPERTIES LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 300)
# The engine flags of every command that runs builds, beyond build and run.
foreach(_cmd serve webhook scenario)
  add_test(NAME "build: pipemu ${_cmd} --engine-files copy --fakes-host"
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/build/engine_flags_${_cmd}.sh $<TARGET_FILE:pipemu> ${PROJECT_SOURCE_DIR})
  set_tests_properties("build: pipemu ${_cmd} --engine-files copy --fakes-host" PROPERTIES
                       LABELS "build;docker" RESOURCE_LOCK docker-engine TIMEOUT 300 ENVIRONMENT "AWS_EC2_METADATA_DISABLED=true")
endforeach()
