// Plans and analyses in the protobuf JSON mapping, with errors that point at a line and column.
#ifndef CONTACTPLAN_SRC_IO_PROTO_JSON_H_
#define CONTACTPLAN_SRC_IO_PROTO_JSON_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "io/json_writer.h"

namespace contactplan::io {

// Parses `json` into `message` (cleared first) with the JSON reader (json_reader.h): field names in
// either form, every schema problem reported with its position and, when one is close, the name
// probably meant; a syntax error ends the read. InvalidArgument "line L, column C: <path>: ...".
absl::Status ParseJsonMessage(std::string_view json, google::protobuf::Message* message);

// `message` in the protobuf JSON mapping (see json_writer.h for the exact form and the errors,
// ResourceExhausted past `max_bytes` among them).
absl::StatusOr<std::string> WriteJsonMessage(const google::protobuf::Message& message,
                                             JsonStyle style,
                                             size_t max_bytes = kMaxOutputBytes);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_PROTO_JSON_H_
