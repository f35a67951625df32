// A binary plan read with its relationships straight into a RelationshipTable: the relationships,
// most of a large plan, are decoded from the wire into rows without ever becoming protobuf
// messages; the team members, persons and blueprint entries are decoded into their messages by
// the library's own reader (io/entity_wire.h); everything else of the plan is left to protobuf's
// parser.
#ifndef CONTACTPLAN_SRC_IO_RELATIONSHIP_WIRE_H_
#define CONTACTPLAN_SRC_IO_RELATIONSHIP_WIRE_H_

#include <string_view>

#include "contactplan/v1/plan.pb.h"
#include "model/relationship_table.h"

namespace contactplan::io {

// Reads a binary plan: every field but `relationships` into *rest (cleared first; it equals a
// protobuf parse of the plan with relationships cleared, unknown fields included), and the relationships into *table (cleared first) as RelationshipTable::FromPlan would
// give them for protobuf's parse of the same bytes; the rows' ids are views of `bytes`.
// Returns false, with *rest and *table in an unspecified state, for anything it does not read
// exactly as protobuf would, and for any bytes protobuf would refuse (strings that are not UTF-8
// included, which it finds without protobuf ever logging them): the caller then parses the
// whole plan with ParseBinaryMessage (which gives the error message) and
// RelationshipTable::FromPlan. Thread-safe for distinct outputs.
bool ReadPlanWithRelationshipTable(std::string_view bytes, v1::Plan* rest,
                                   model::RelationshipTable* table);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_RELATIONSHIP_WIRE_H_
