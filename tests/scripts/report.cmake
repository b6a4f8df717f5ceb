# Report checks that need real outside tools: report.html rendered by headless Chromium (DOM and
# screenshot), junit.xml validated by xmllint against the JUnit XSD CI systems read, report.json
# validated against docs/reference/report.schema.json. The sample runs are the hand-built records
# of tests/unit/report (no engine, no Docker).
add_executable(report_render_sample
  ${CMAKE_CURRENT_SOURCE_DIR}/scripts/report/render_sample.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/unit/report/report_samples_support.cpp)
target_include_directories(report_render_sample PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/unit/report)
target_link_libraries(report_render_sample PRIVATE pipemu_report pipemu_warnings)

set(_report_dir ${CMAKE_CURRENT_SOURCE_DIR}/scripts/report)
add_test(NAME "report: html renders in headless chromium"
  COMMAND bash ${_report_dir}/check_html_chromium.sh $<TARGET_FILE:report_render_sample>
          ${CMAKE_CURRENT_BINARY_DIR}/report-chromium)
add_test(NAME "report: junit.xml validates against junit.xsd"
  COMMAND bash ${_report_dir}/check_junit_xsd.sh $<TARGET_FILE:report_render_sample>
          ${CMAKE_CURRENT_BINARY_DIR}/report-junit)
add_test(NAME "report: report.json validates against its JSON Schema"
  COMMAND bash ${_report_dir}/check_json_schema.sh $<TARGET_FILE:report_render_sample>
          ${CMAKE_CURRENT_BINARY_DIR}/report-schema ${PROJECT_SOURCE_DIR}/docs/reference/report.schema.json)
set_tests_properties("report: html renders in headless chromium"
  "report: junit.xml validates against junit.xsd"
  "report: report.json validates against its JSON Schema"
  PROPERTIES LABELS "report;scripts" TIMEOUT 180)
