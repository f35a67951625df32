// Differential fuzz target: the library's JSON reader against protobuf's own parser
// (JsonStringToMessage) on arbitrary bytes read as a Plan (and, by the first byte, as
// EngineOptions). Aborts when protobuf accepts and the reader refuses or gives a different message,
// or when the reader accepts what protobuf refuses. Two kinds of input are left out of the first
// check, where the reader is stricter on purpose (docs/json.md):
//  - text that is not RFC 8259 JSON, which protobuf's lenient parser partly accepts (single quotes,
//    bare words ...): simdjson, an independent strict parser, decides;
//  - the documented stricter cases, recognised by the reader's own message: a key given twice in
//    one object, a list inside a list, null inside a list, a single value where a list belongs,
//    nesting deeper than 100 levels.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "io/json_reader.h"
#include "simdjson.h"

namespace {

std::string Deterministic(const google::protobuf::Message& message) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.SerializeToCodedStream(&coded);
  coded.Trim();
  return bytes;
}

bool IsStrictJson(std::string_view text) {
  static simdjson::dom::parser* parser = new simdjson::dom::parser();
  simdjson::padded_string padded(text);
  return !parser->parse(padded).error();
}

bool DocumentedStricter(std::string_view message) {
  for (std::string_view mark : {"is given a second time", "a list inside a list",
                                "null inside a list", "expected a list [...]", "nested deeper than"}) {
    if (message.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

[[noreturn]] void Divergence(const char* what, std::string_view detail) {
  std::fprintf(stderr, "JSON reader and protobuf disagree: %s\n%.*s\n", what,
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

void Compare(std::string_view json, google::protobuf::Message& ours) {
  std::unique_ptr<google::protobuf::Message> theirs(ours.New());
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  // The reader skips a UTF-8 byte order mark at the start (docs/json.md), which protobuf refuses:
  // protobuf is given the text after it, as the library did before it had its own reader.
  const std::string_view body = json.starts_with("\xEF\xBB\xBF") ? json.substr(3) : json;
  const bool protobuf_ok =
      google::protobuf::util::JsonStringToMessage(
          google::protobuf::StringPiece(body.data(), body.size()), theirs.get(), options)
          .ok();
  const absl::Status status = contactplan::io::ReadJsonMessage(json, &ours);
  if (!protobuf_ok) {
    if (status.ok()) Divergence("the reader accepts what protobuf refuses", json);
    return;
  }
  if (!status.ok()) {
    const std::string message(status.message());
    if (!IsStrictJson(body) || DocumentedStricter(message)) return;
    Divergence("protobuf accepts what the reader refuses", message);
  }
  if (Deterministic(ours) != Deterministic(*theirs)) {
    Divergence("the messages differ", theirs->DebugString());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  if (size > 0 && data[0] == 'O') {  // a cheap way for the fuzzer to reach the options schema
    contactplan::v1::EngineOptions options;
    Compare(json.substr(1), options);
  } else {
    contactplan::v1::Plan plan;
    Compare(json, plan);
  }
  return 0;
}
