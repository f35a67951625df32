# Warnings for the project's own targets (not for generated protobuf code).
add_library(contactplan_warnings INTERFACE)
target_compile_options(contactplan_warnings INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wno-unused-parameter>
  $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra -Wpedantic>)

# CONTACTPLAN_SANITIZE: a comma-separated -fsanitize list (the asan and tsan presets set it). Applied to
# every target of the project, so the engine, its tests and the shared library are all instrumented.
set(CONTACTPLAN_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined or thread")
if(CONTACTPLAN_SANITIZE)
  add_compile_options(-fsanitize=${CONTACTPLAN_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${CONTACTPLAN_SANITIZE})
  if(CONTACTPLAN_SANITIZE MATCHES "undefined" AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # The vptr and function checks need UBSan's C++ runtime in every program that loads the library,
    # which clang's C driver does not link (the plain-C ABI tests are C programs), and they misfire on
    # types from Debian's uninstrumented libprotobuf. Every other UBSan check stays on.
    add_compile_options(-fno-sanitize=vptr,function)
  endif()
endif()
