# Runs the suite on two broken scenarios with --junit: both are reported as errors (the suite
# goes on after the first), the exit code is 1, and the JUnit file validates against JUnit.xsd.
execute_process(COMMAND ${PIPEMU} scenario run ${FIXTURES} -j 2 --junit ${OUT}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit code 1, got ${rc}")
endif()
foreach(expected "ERROR broken-yaml" "ERROR unknown-action" "unknown action 'deplyo'"
                 "did you mean 'deploy'?" "0 passed, 2 failed (2 could not run)")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "output lacks: ${expected}")
  endif()
endforeach()
execute_process(COMMAND ${XMLLINT} --noout --schema ${XSD} ${OUT} RESULT_VARIABLE xrc ERROR_VARIABLE xerr)
if(NOT xrc EQUAL 0)
  message(FATAL_ERROR "JUnit XML does not validate:\n${xerr}")
endif()
