// The lean walk that runs before every binary parse: it finds the proto3 strings protobuf's parser
// will check for UTF-8 and checks them first, because the parser logs to stderr when one is not
// UTF-8 and the library must never print. Explaining what is wrong is left to the full wire check
// in proto_binary.cc, which runs only when this walk or the parse fails.
#ifndef CONTACTPLAN_SRC_IO_WIRE_STRINGS_H_
#define CONTACTPLAN_SRC_IO_WIRE_STRINGS_H_

#include <string_view>

#include "io/wire_schema.h"

namespace contactplan::io {

// True when `bytes` are plainly well-formed wire format for `schema`'s type and every string field
// the parser will read as a proto3 string, at any depth, holds UTF-8: protobuf's parser then has
// nothing to log, and whatever it refuses the full wire check refuses too. False when a string is
// not UTF-8 or anything is out of the ordinary (a field cut off, a field number out of range, a
// group, nesting deeper than protobuf's limit of 100): the caller must then run the full wire check
// before the parser sees the bytes. Sub-messages whose type holds no string
// (WireSchema::holds_strings) are stepped over by their length. Builds nothing, allocates nothing,
// recurses at most 101 levels. Thread-safe.
bool WireStringsAreUtf8(std::string_view bytes, const WireSchema& schema);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_WIRE_STRINGS_H_
