# docs/tutorial.md cannot rot: every ```console command in it runs, in order, in a temporary copy
# of the repository with this build's pipemu first on PATH, and its output must match the page
# (tests/scripts/tutorial/doc_test.py explains the conventions). The first replay uses the docker
# executor, like tools/demo: without a Docker engine the test is skipped (exit 77), not passed.
# The selftest shows the checker fails on a wrong line, on the wrong order, and names the line.
set(_tutorial_dir ${CMAKE_CURRENT_LIST_DIR}/tutorial)
add_test(NAME "docs: tutorial"
  COMMAND python3 ${_tutorial_dir}/doc_test.py ${PROJECT_SOURCE_DIR}/docs/tutorial.md
          --repo ${PROJECT_SOURCE_DIR} --bin $<TARGET_FILE_DIR:pipemu>)
add_test(NAME "docs: doc_test selftest"
  COMMAND bash ${_tutorial_dir}/selftest.sh $<TARGET_FILE_DIR:pipemu>)
set_tests_properties("docs: tutorial" PROPERTIES LABELS "docs;scripts" TIMEOUT 300 SKIP_RETURN_CODE 77
                     RESOURCE_LOCK docker-engine)
set_tests_properties("docs: doc_test selftest" PROPERTIES LABELS docs TIMEOUT 60)
