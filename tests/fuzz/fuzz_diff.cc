// Fuzz target: arbitrary bytes as two JSON plans (OLD before the first NUL byte, NEW after it;
// without one, the same bytes are both), through cplan_diff with and without CPLAN_DIFF_FORCE.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const uint8_t kNothing = 0;  // a pointer for an empty input (NULL means a missing one)
  if (data == nullptr) data = &kNothing;
  const auto* nul = static_cast<const uint8_t*>(std::memchr(data, 0, size));
  const size_t old_len = nul != nullptr ? static_cast<size_t>(nul - data) : size;
  const uint8_t* new_plan = nul != nullptr ? nul + 1 : data;
  const size_t new_len = nul != nullptr ? size - old_len - 1 : size;
  for (unsigned flags : {0u, CPLAN_DIFF_FORCE}) {
    char* output = nullptr;
    size_t output_len = 0;
    char* message = nullptr;
    const cplan_status status =
        cplan_diff(contactplan::fuzz::SharedEngine(), data, old_len, CPLAN_FORMAT_JSON, new_plan,
                   new_len, CPLAN_FORMAT_JSON, nullptr, 0, CPLAN_FORMAT_JSON, flags,
                   CPLAN_FORMAT_JSON, &output, &output_len, &message);
    contactplan::fuzz::CheckContract(status, output, output_len, message);
  }
  return 0;
}
