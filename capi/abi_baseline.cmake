# Writes the ABI baseline of libcontactplan (the contactplan_abi_baseline target runs this):
#   cmake -DABIDW=... -DLIBRARY=... -DHEADERS=... -DSOURCE_DIR=... -DOUTPUT=... -P abi_baseline.cmake
# Only the exported cplan_* functions and the types they reach from the public header are recorded,
# with no paths, line numbers, DT_NEEDED list or architecture, so the file changes only when the ABI
# does. The one path abidw always writes (the translation unit) is made relative to the source tree.
foreach(variable ABIDW LIBRARY HEADERS SOURCE_DIR OUTPUT)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "abi_baseline.cmake: -D${variable}=... is required")
  endif()
endforeach()

execute_process(
  COMMAND ${ABIDW} --no-architecture --no-corpus-path --no-show-locs --no-comp-dir-path
          --no-elf-needed --drop-private-types --exported-interfaces-only --headers-dir ${HEADERS}
          --out-file ${OUTPUT}.tmp ${LIBRARY}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "abidw failed (${result}) on ${LIBRARY}")
endif()
file(READ ${OUTPUT}.tmp corpus)
string(REPLACE "path='${SOURCE_DIR}/" "path='" corpus "${corpus}")
file(WRITE ${OUTPUT} "${corpus}")
file(REMOVE ${OUTPUT}.tmp)
message(STATUS "Wrote ${OUTPUT}")
