// The JSON reader: protobuf messages from the protobuf JSON mapping, in one forward pass over the
// text, with every error at its line and column. See docs/json.md for what it accepts.
//
// It writes straight into the message through reflection: no document tree is built, so reading
// costs the message plus a stack as deep as the JSON's nesting. Where protobuf's own parser
// (JsonStringToMessage) accepts a document, this reader gives an equal message, with two deliberate
// exceptions that protobuf lets through and that are almost always mistakes: a key given twice in
// one object (also under its two names, "teamMembers" and "team_members"), and a list inside a list.
#ifndef CONTACTPLAN_SRC_IO_JSON_READER_H_
#define CONTACTPLAN_SRC_IO_JSON_READER_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace contactplan::io {

// Nesting deeper than this is refused, as protobuf's own parser refuses it, so a hostile input
// cannot exhaust the stack.
inline constexpr int kMaxJsonDepth = 100;

// How many problems one read reports, and how many bytes of messages at most: the rest are counted
// in a last line "... and N more problems".
inline constexpr size_t kMaxJsonDiagnostics = 100;
inline constexpr size_t kMaxJsonDiagnosticBytes = 64 << 10;

// Parses `json` into `message` (cleared first; cleared again on error). A UTF-8 byte order mark at
// the start is skipped. Field names may be the lowerCamel JSON names or the proto names; enums by
// name or number; 64-bit integers as numbers or strings; Timestamps as RFC 3339 strings; null leaves
// a field unset. Schema problems (unknown fields and enum names, values of the wrong kind, repeated
// keys, nested lists) are all reported, up to the caps above; a syntax error ends the read.
// InvalidArgument, one problem per line: "line L, column C: <field path>: <what is wrong and the
// fix>" (lines and columns counted as text_position.h says). Thread-safe; never prints.
absl::Status ReadJsonMessage(std::string_view json, google::protobuf::Message* message);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_JSON_READER_H_
