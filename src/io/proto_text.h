// Plans and analyses in the protobuf text format, with errors that point at a line and column.
#ifndef CONTACTPLAN_SRC_IO_PROTO_TEXT_H_
#define CONTACTPLAN_SRC_IO_PROTO_TEXT_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace contactplan::io {

// Parses `text` into `message` (cleared first). A UTF-8 byte order mark at the start is skipped.
// InvalidArgument "line L, column C: ..." on the first error protobuf's parser meets (it stops
// there); an unknown field name comes with the name probably meant, when one is close.
absl::Status ParseTextMessage(std::string_view text, google::protobuf::Message* message);

// Text format, UTF-8 strings written as they are. Fields unknown to this build are left out: text
// format could only write them by number, which ParseTextMessage (like any reader that checks names)
// refuses. Binary is the format that keeps them.
std::string WriteTextMessage(const google::protobuf::Message& message);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_PROTO_TEXT_H_
