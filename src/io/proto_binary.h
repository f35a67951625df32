// Plans and analyses in the protobuf wire format, the canonical one.
#ifndef CONTACTPLAN_SRC_IO_PROTO_BINARY_H_
#define CONTACTPLAN_SRC_IO_PROTO_BINARY_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace contactplan::io {

// Parses `bytes` into `message` (cleared first). Fields unknown to this build are kept, and
// WriteBinaryMessage writes them back. InvalidArgument "not a valid binary <Message>: byte N, in
// <field path>: <why>" when the bytes are not the wire format of the message, with a hint when they
// look like JSON or text format instead.
absl::Status ParseBinaryMessage(std::string_view bytes, google::protobuf::Message* message);

// Deterministic serialization: the same message gives the same bytes, run after run.
std::string WriteBinaryMessage(const google::protobuf::Message& message);

// The same bytes, written into `out`, which holds `size` bytes: `size` must be message.ByteSizeLong()
// computed after the message last changed (it also fills the cached sizes the writer relies on).
// For writing straight into a buffer that is handed to someone else, without a copy.
void WriteBinaryMessageInto(const google::protobuf::Message& message, size_t size, char* out);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_PROTO_BINARY_H_
