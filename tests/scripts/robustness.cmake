# Never crash on user input: mutated templates and buildspecs through every command that reads
# them (validate, explain, plan, graph); a signal or a hang fails, with the case kept for replay.
add_test(NAME "robustness: mutated templates and buildspecs never crash pipemu"
         COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/robustness/mutated_inputs.py $<TARGET_FILE:pipemu>
                 ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/robustness-cases 60)
set_tests_properties("robustness: mutated templates and buildspecs never crash pipemu"
                     PROPERTIES LABELS "robustness" TIMEOUT 300)
