# Warnings for the project's own targets (not for generated protobuf code).
add_library(contactplan_warnings INTERFACE)
target_compile_options(contactplan_warnings INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wno-unused-parameter>
  $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra -Wpedantic>)
