// Plans and analyses in the protobuf JSON mapping, with errors that point at a line and column.
#ifndef CONTACTPLAN_SRC_IO_PROTO_JSON_H_
#define CONTACTPLAN_SRC_IO_PROTO_JSON_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace contactplan::io {

// Parses `json` into `message` (cleared first). Field names may be the lowerCamel JSON names or the
// proto names. Every field name the schema does not know is an error, as is an enum name it does not
// define, each named with its position and, when one is close, the name probably meant; then syntax
// and value errors, one at a time. InvalidArgument "line L, column C: <field path>: ...".
absl::Status ParseJsonMessage(std::string_view json, google::protobuf::Message* message);

enum class JsonStyle {
  // A plan: lowerCamel names, fields at their default omitted, indented.
  kOmitDefaults,
  // An analysis: lowerCamel names, every field printed (zeros, false, empty lists), indented; a
  // reader sees every number, including the ones that are zero.
  kEveryField,
};

// Enum values are written as names. Never fails for messages of this library's schema; an error is
// passed on from protobuf.
absl::StatusOr<std::string> WriteJsonMessage(const google::protobuf::Message& message,
                                             JsonStyle style);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_PROTO_JSON_H_
