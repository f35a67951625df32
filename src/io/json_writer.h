// The JSON writer: protobuf messages in the protobuf JSON mapping, byte for byte what protobuf's
// MessageToJsonString prints with add_whitespace (and, for kEveryField, always_print_primitive_fields).
// It serializes the message (protobuf's fastest path) and writes the JSON from those records
// through a table per message type built once per process, never a reflection call per field.
// See docs/json.md.
#ifndef CONTACTPLAN_SRC_IO_JSON_WRITER_H_
#define CONTACTPLAN_SRC_IO_JSON_WRITER_H_

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace contactplan::io {

enum class JsonStyle {
  // A plan: lowerCamel names, fields at their default omitted, indented.
  kOmitDefaults,
  // An analysis: lowerCamel names, every field without presence printed (zeros, false, empty
  // lists), indented; a reader sees every number, including the ones that are zero.
  kEveryField,
};

// The largest output a writer produces by default: what a C ABI buffer, a Python bytes object and
// every reader of the other formats can take (2 GiB - 1, protobuf's own limit for a message).
inline constexpr size_t kMaxOutputBytes = (size_t{1} << 31) - 1;

// `message` as JSON, indented by one space per level, enums by name (by number when the value has
// no name), 64-bit integers in double quotes, Timestamps in RFC 3339, a line break at the end.
// Errors: ResourceExhausted when the text would exceed `max_bytes` (nothing is returned then);
// InvalidArgument naming the field path of a Timestamp outside years 0001-9999, which JSON cannot
// hold. Thread-safe for distinct or const messages; never prints.
absl::StatusOr<std::string> WriteJson(const google::protobuf::Message& message, JsonStyle style,
                                      size_t max_bytes = kMaxOutputBytes);

// Bytes a caller of WriteJsonOfWire leaves readable past the wire form (their values do not
// matter): short strings are read in fixed 16-byte steps.
inline constexpr size_t kJsonWireSlack = 16;

// The JSON of the message of `type` whose binary form is `wire`: what WriteJson writes of that
// message when `wire` is its serialization. For a wire form the process wrote itself without
// building the whole message (the engine's analysis with its rows spliced in as bytes,
// engine/analysis_bytes.h). `wire.data()` must be followed by kJsonWireSlack readable bytes.
// Fields unknown to `type` are skipped, as WriteJson skips a message's unknown fields. Errors: as
// WriteJson's, and Internal naming the field path where `wire` does not read back as `type`.
absl::StatusOr<std::string> WriteJsonOfWire(const google::protobuf::Descriptor& type,
                                            std::string_view wire, JsonStyle style,
                                            size_t max_bytes = kMaxOutputBytes);

// A text in a block from std::malloc, followed by a NUL its size does not count: what the C ABI
// hands to its caller as it is (cplan_free frees it with std::free).
struct MallocText {
  struct Free {
    void operator()(char* block) const { std::free(block); }
  };
  std::unique_ptr<char, Free> data;
  size_t size = 0;
};

// WriteJsonOfWire's text in a MallocText, written there directly: no copy of the whole text.
// Errors: as WriteJsonOfWire's.
absl::StatusOr<MallocText> WriteJsonOfWireToBlock(const google::protobuf::Descriptor& type,
                                                  std::string_view wire, JsonStyle style,
                                                  size_t max_bytes = kMaxOutputBytes);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_JSON_WRITER_H_
