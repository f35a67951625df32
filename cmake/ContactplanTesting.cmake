# cplan_add_gtest(NAME SOURCES...): a GoogleTest suite linked against the engine, registered with ctest
# test by test. Test binaries go to build/tests so build/bin holds only what users run.
function(cplan_add_gtest name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE contactplan_core contactplan_test_support GTest::gmock_main
                                        contactplan_warnings)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "CONTACTPLAN_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data"
    DISCOVERY_TIMEOUT 60)
endfunction()
