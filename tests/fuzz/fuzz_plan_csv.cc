// Fuzz target: arbitrary bytes as a csv plan, through cplan_analyze and cplan_convert.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using contactplan::fuzz::CheckContract;
  const cplan_engine* engine = contactplan::fuzz::SharedEngine();
  char* output = nullptr;
  size_t output_len = 0;
  char* message = nullptr;
  cplan_status status = cplan_analyze(engine, data, size, CPLAN_FORMAT_CSV, nullptr, 0,
                                      CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON, &output, &output_len,
                                      &message);
  CheckContract(status, output, output_len, message);
  status = cplan_convert(engine, data, size, CPLAN_FORMAT_CSV, CPLAN_FORMAT_BINARY, &output,
                         &output_len, &message);
  CheckContract(status, output, output_len, message);
  return 0;
}
