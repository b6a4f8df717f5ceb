# The scenario suite in CTest (label `scenarios`): every folder scenarios/<name>/ holding a
# scenario.yaml is one test running `pipemu scenario run <folder>`, so `tools/test` and `.ci/run`
# run the whole library, and `ctest -L scenarios -R missing-export` runs one. Plus checks of the
# suite machinery itself: shards union to the whole suite, and --junit validates against the
# JUnit schema CI systems read.
file(GLOB pipemu_scenario_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scenarios/*/scenario.yaml)
foreach(f ${pipemu_scenario_files})
  get_filename_component(dir ${f} DIRECTORY)
  get_filename_component(name ${dir} NAME)
  add_test(NAME "scenario: ${name}" COMMAND pipemu scenario run ${dir})
  set_tests_properties("scenario: ${name}" PROPERTIES LABELS scenarios TIMEOUT 300)
endforeach()

add_test(NAME "scenarios: shards union to the whole suite"
         COMMAND ${CMAKE_COMMAND} -DPIPEMU=$<TARGET_FILE:pipemu> -DSUITE=${PROJECT_SOURCE_DIR}/scenarios
                 -P ${CMAKE_CURRENT_LIST_DIR}/scenarios/shards.cmake)
set_tests_properties("scenarios: shards union to the whole suite" PROPERTIES LABELS scenarios)

find_program(PIPEMU_XMLLINT xmllint)
if(PIPEMU_XMLLINT)
  add_test(NAME "scenarios: --junit validates against the JUnit schema"
           COMMAND ${CMAKE_COMMAND} -DPIPEMU=$<TARGET_FILE:pipemu> -DXMLLINT=${PIPEMU_XMLLINT}
                   -DFIXTURES=${CMAKE_CURRENT_LIST_DIR}/scenarios/fixtures
                   -DXSD=${CMAKE_CURRENT_LIST_DIR}/scenarios/JUnit.xsd
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR}/scenarios-junit.xml
                   -P ${CMAKE_CURRENT_LIST_DIR}/scenarios/junit.cmake)
  set_tests_properties("scenarios: --junit validates against the JUnit schema" PROPERTIES LABELS scenarios)
endif()
