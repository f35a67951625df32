// A plan's persons, team members and blueprint entries decoded from the wire straight into their
// messages by the library's own reader (io/wire_read.h), for the binary plans
// io/relationship_wire.h reads. protobuf's generated parser would check every string's UTF-8 a
// second time (the library checks first, so that protobuf never logs one) and take its general
// path for every field; these are most of a plan's strings after the relationships.
#ifndef CONTACTPLAN_SRC_IO_ENTITY_WIRE_H_
#define CONTACTPLAN_SRC_IO_ENTITY_WIRE_H_

#include <string_view>

#include "contactplan/v1/plan.pb.h"

namespace contactplan::io {

// Each reads the contents of one field of its message type (the bytes after the length) into
// *out, which must be empty, as protobuf 3.21's parser would: any field order, repeats (the last
// value of a singular field kept, a Timestamp given twice merged into one, each occurrence of a
// repeated message a new element), packed and unpacked repeated enums, enum values outside the
// enum kept as numbers. Each returns false for anything it does not read as protobuf would or
// that protobuf would refuse (an unknown field, a known number with another wire type, a group, a
// field cut off, a string that is not UTF-8): *out is then in an unspecified state, and the caller
// parses the bytes with protobuf. Thread-safe for distinct outputs.
bool ReadPerson(std::string_view contents, v1::Person* out);
bool ReadTeamMember(std::string_view contents, v1::TeamMember* out);
bool ReadBlueprintEntry(std::string_view contents, v1::BlueprintEntry* out);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_ENTITY_WIRE_H_
