// Fuzz target: arbitrary bytes as engine options (binary and JSON) and as analysis options.
#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "fuzz_input.h"

namespace {
// A small valid plan, so that analysis options reach the engine.
constexpr char kPlan[] =
    R"({"persons":[{"id":"p1","level":"EXECUTIVE"}],"teamMembers":[{"id":"t1"}],)"
    R"("relationships":[{"teamMemberId":"t1","personId":"p1","grade":"OPEN"}]})";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using contactplan::fuzz::CheckContract;
  for (cplan_format format : {CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON}) {
    cplan_engine* engine = nullptr;
    char* message = nullptr;
    cplan_status status = cplan_engine_create(data, size, format, &engine, &message);
    CheckContract(status, nullptr, 0, message);
    if (status == CPLAN_OK) {
      char* output = nullptr;
      size_t output_len = 0;
      status = cplan_analyze(engine, kPlan, sizeof kPlan - 1, CPLAN_FORMAT_JSON, data, size, format,
                             CPLAN_FORMAT_BINARY, &output, &output_len, &message);
      CheckContract(status, output, output_len, message);
    }
    cplan_engine_destroy(engine);
  }
  return 0;
}
