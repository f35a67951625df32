// The full wire check: where and why bytes are not the protobuf wire format of a message type, in
// terms of its fields. protobuf 3.21's parser says only that it failed.
#ifndef CONTACTPLAN_SRC_IO_WIRE_CHECK_H_
#define CONTACTPLAN_SRC_IO_WIRE_CHECK_H_

#include <optional>
#include <string>
#include <string_view>

#include "google/protobuf/descriptor.h"

namespace contactplan::io {

// Walks `bytes` the way protobuf's parser does, as a message of `type`, and returns the first
// problem as "byte N, in <field path>: <why>" ("byte 4, in persons.name: a string that is not
// UTF-8"), or nullopt when it finds none: then the parser may still refuse the bytes (it is
// stricter in places, say about packed numbers), but it has no proto3 string to log about. Fields
// unknown to `type` are checked for structure only. Nesting deeper than protobuf's limit of 100
// is a problem; the walk itself recurses no deeper. Thread-safe.
std::optional<std::string> FindWireProblem(std::string_view bytes,
                                           const google::protobuf::Descriptor* type);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_WIRE_CHECK_H_
