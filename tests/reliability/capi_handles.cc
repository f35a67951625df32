#include "capi_handles.h"

#include <cstddef>

#include "gtest/gtest.h"

namespace contactplan::testing {
namespace {

std::string Take(char* text, size_t size) {
  std::unique_ptr<char, CplanFree> owned(text);
  return owned == nullptr ? std::string() : std::string(owned.get(), size);
}

std::string TakeMessage(char* message) {
  std::unique_ptr<char, CplanFree> owned(message);
  return owned == nullptr ? std::string() : std::string(owned.get());
}

CallResult Collect(cplan_status status, char* output, size_t output_size, char* message) {
  CallResult result;
  result.status = status;
  result.output_cleared = output == nullptr && output_size == 0;
  result.output = Take(output, output_size);
  result.message = TakeMessage(message);
  return result;
}

}  // namespace

EnginePtr MakeEngine(const std::string& options_json) {
  cplan_engine* engine = nullptr;
  char* message = nullptr;
  const cplan_status status = cplan_engine_create(options_json.data(), options_json.size(),
                                                  CPLAN_FORMAT_JSON, &engine, &message);
  const std::string text = TakeMessage(message);
  EXPECT_EQ(status, CPLAN_OK) << text;
  return EnginePtr(engine);
}

CallResult Validate(const cplan_engine* engine, const std::string& plan, cplan_format format) {
  char* message = nullptr;
  const cplan_status status = cplan_validate(engine, plan.data(), plan.size(), format, &message);
  return Collect(status, nullptr, 0, message);
}

CallResult Analyze(const cplan_engine* engine, const std::string& plan, cplan_format format,
                   cplan_format output_format) {
  char* output = nullptr;
  size_t output_size = 0;
  char* message = nullptr;
  const cplan_status status =
      cplan_analyze(engine, plan.data(), plan.size(), format, nullptr, 0, CPLAN_FORMAT_JSON,
                    output_format, &output, &output_size, &message);
  return Collect(status, output, output_size, message);
}

CallResult Convert(const cplan_engine* engine, const std::string& plan, cplan_format from,
                   cplan_format to) {
  char* output = nullptr;
  size_t output_size = 0;
  char* message = nullptr;
  const cplan_status status =
      cplan_convert(engine, plan.data(), plan.size(), from, to, &output, &output_size, &message);
  return Collect(status, output, output_size, message);
}

std::vector<CallResult> ThroughEveryEntryPoint(const cplan_engine* engine, const std::string& plan,
                                               cplan_format format) {
  std::vector<CallResult> results;
  results.push_back(Validate(engine, plan, format));
  results.push_back(Analyze(engine, plan, format, CPLAN_FORMAT_JSON));
  results.push_back(Convert(engine, plan, format, CPLAN_FORMAT_BINARY));
  return results;
}

}  // namespace contactplan::testing
