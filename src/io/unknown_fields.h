// Fields a plan carries that this build's schema does not know (read from binary written by a newer
// version). Only the binary format can write them back; every other format loses them, and a
// conversion must say so rather than drop them quietly.
#ifndef CONTACTPLAN_SRC_IO_UNKNOWN_FIELDS_H_
#define CONTACTPLAN_SRC_IO_UNKNOWN_FIELDS_H_

#include "google/protobuf/message.h"

namespace contactplan::io {

// How many messages within `message` (itself included, at any depth) hold unknown fields.
// Thread-safe for a message no one is modifying.
int MessagesWithUnknownFields(const google::protobuf::Message& message);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_UNKNOWN_FIELDS_H_
