#include "support/text_plan.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace contactplan::testing {
namespace {

template <typename Message>
Message FromText(std::string_view text) {
  Message message;
  if (!google::protobuf::TextFormat::ParseFromString(std::string(text), &message)) {
    ADD_FAILURE() << "bad text-format " << Message::descriptor()->name() << ":\n" << text;
  }
  return message;
}

}  // namespace

v1::Plan PlanFromText(std::string_view text) { return FromText<v1::Plan>(text); }
v1::EngineOptions OptionsFromText(std::string_view text) {
  return FromText<v1::EngineOptions>(text);
}

std::string TestDataPath(std::string_view name) {
  const char* dir = std::getenv("CONTACTPLAN_TEST_DATA");
  return std::string(dir != nullptr ? dir : "tests/data") + "/" + std::string(name);
}

std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace contactplan::testing
