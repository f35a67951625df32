// Differential fuzz target: binary parsing with the lean walk first (io::ParseBinaryMessage)
// against the order it replaced, the full wire check and then protobuf's parser, on arbitrary
// bytes read as a Plan (and, by the first byte, as EngineOptions). Aborts unless both refuse with
// the same message or both parse the same message: the lean walk must never change an outcome,
// only its cost (src/io/proto_binary.cc).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "io/proto_binary.h"
#include "io/wire_check.h"

namespace {

// "refused: <problem>", "refused by the parser" or "parsed: <the message's bytes>".
std::string LeanWalkFirst(std::string_view bytes, google::protobuf::Message& message) {
  const absl::Status status = contactplan::io::ParseBinaryMessage(bytes, &message);
  if (status.ok()) return "parsed: " + contactplan::io::WriteBinaryMessage(message);
  const std::string text(status.message());
  const std::string prefix =
      absl::StrCat("not a valid binary ", message.GetDescriptor()->name(), ": ");
  if (text.rfind(prefix, 0) != 0) return "refused by the parser";
  const std::string problem = text.substr(prefix.size());
  return "refused: " + problem.substr(0, problem.find(" (it looks like"));
}

std::string FullCheckFirst(std::string_view bytes, google::protobuf::Message& message) {
  message.Clear();
  if (auto problem = contactplan::io::FindWireProblem(bytes, message.GetDescriptor())) {
    return "refused: " + *problem;
  }
  if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return "refused by the parser";
  }
  return "parsed: " + contactplan::io::WriteBinaryMessage(message);
}

void Compare(std::string_view bytes, google::protobuf::Message& message) {
  const std::string lean = LeanWalkFirst(bytes, message);
  const std::string full = FullCheckFirst(bytes, message);
  if (lean != full) {
    std::fprintf(stderr, "lean walk first: %s\nfull check first: %s\n", lean.c_str(),
                 full.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  contactplan::v1::Plan plan;
  Compare(bytes, plan);
  if (size > 0 && data[0] % 4 == 0) {
    contactplan::v1::EngineOptions options;
    Compare(bytes, options);
  }
  return 0;
}
