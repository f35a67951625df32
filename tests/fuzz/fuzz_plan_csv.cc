// Fuzz target: arbitrary bytes as a csv plan, through cplan_analyze and cplan_convert.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  contactplan::fuzz::FuzzPlan(data, size, CPLAN_FORMAT_CSV);
  return 0;
}
