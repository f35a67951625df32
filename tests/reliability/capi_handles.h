// Owning handles for what the C ABI returns, so a failed assertion never leaks (the valgrind runs
// would report it) and every test reads the same way.
#ifndef CONTACTPLAN_TESTS_RELIABILITY_CAPI_HANDLES_H_
#define CONTACTPLAN_TESTS_RELIABILITY_CAPI_HANDLES_H_

#include <memory>
#include <string>
#include <vector>

#include "contactplan/contactplan.h"

namespace contactplan::testing {

struct CplanFree {
  void operator()(void* buffer) const { cplan_free(buffer); }
};
struct EngineDestroy {
  void operator()(cplan_engine* engine) const { cplan_engine_destroy(engine); }
};
using EnginePtr = std::unique_ptr<cplan_engine, EngineDestroy>;

// The result of one call: its status, its message ("" when none) and its output bytes.
struct CallResult {
  cplan_status status = CPLAN_INTERNAL;
  std::string message;
  std::string output;
  bool output_cleared = true;  // output pointer NULL and length 0 after a failure
};

// An engine from EngineOptions JSON ("" for the defaults); nullptr and a failed assertion when the
// options are refused.
EnginePtr MakeEngine(const std::string& options_json = "");

CallResult Validate(const cplan_engine* engine, const std::string& plan, cplan_format format);
CallResult Analyze(const cplan_engine* engine, const std::string& plan, cplan_format format,
                   cplan_format output_format = CPLAN_FORMAT_BINARY);
CallResult Convert(const cplan_engine* engine, const std::string& plan, cplan_format from,
                   cplan_format to);

// The plan through every entry point that reads one: cplan_validate, cplan_analyze (JSON output)
// and cplan_convert (to binary), in that order. For checks every entry point must pass alike.
std::vector<CallResult> ThroughEveryEntryPoint(const cplan_engine* engine, const std::string& plan,
                                               cplan_format format);

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_RELIABILITY_CAPI_HANDLES_H_
