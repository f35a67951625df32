// Shared by the fuzz targets: one engine for the whole run, and the checks every call must pass
// whatever the input: a status the header defines, a message exactly on failure, output exactly on
// success, and buffers that free cleanly.
#ifndef CONTACTPLAN_TESTS_FUZZ_FUZZ_INPUT_H_
#define CONTACTPLAN_TESTS_FUZZ_FUZZ_INPUT_H_

#include <cstdio>
#include <cstdlib>

#include "contactplan/contactplan.h"

namespace contactplan::fuzz {

inline const cplan_engine* SharedEngine() {
  static const cplan_engine* engine = [] {
    cplan_engine* e = nullptr;
    if (cplan_engine_create(nullptr, 0, CPLAN_FORMAT_BINARY, &e, nullptr) != CPLAN_OK) std::abort();
    return e;
  }();
  return engine;
}

// Aborts (a finding for libFuzzer) when a call broke the C ABI's contract.
inline void CheckContract(cplan_status status, char* output, size_t output_len, char* message) {
  const bool known = status >= CPLAN_OK && status <= CPLAN_DIFFERENT_ACCOUNTS;
  if (!known || status == CPLAN_INTERNAL) {
    std::fprintf(stderr, "contract broken: status %d (%s): %s\n", static_cast<int>(status),
                 cplan_status_name(status), message != nullptr ? message : "(no message)");
    std::abort();
  }
  if (status == CPLAN_OK && message != nullptr) std::abort();
  if (status != CPLAN_OK && (output != nullptr || output_len != 0)) std::abort();
  if (output != nullptr && output[output_len] != '\0') std::abort();
  cplan_free(output);
  cplan_free(message);
}

// Arbitrary bytes as a plan in `format`: analysed, and converted to binary (which runs validation
// and the writers).
inline void FuzzPlan(const void* data, size_t size, cplan_format format) {
  const cplan_engine* engine = SharedEngine();
  char* output = nullptr;
  size_t output_len = 0;
  char* message = nullptr;
  cplan_status status = cplan_analyze(engine, data, size, format, nullptr, 0, CPLAN_FORMAT_BINARY,
                                      CPLAN_FORMAT_JSON, &output, &output_len, &message);
  CheckContract(status, output, output_len, message);
  status = cplan_convert(engine, data, size, format, CPLAN_FORMAT_BINARY, &output, &output_len,
                         &message);
  CheckContract(status, output, output_len, message);
}

}  // namespace contactplan::fuzz

#endif  // CONTACTPLAN_TESTS_FUZZ_FUZZ_INPUT_H_
