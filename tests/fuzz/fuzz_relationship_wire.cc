// Differential fuzz target: the wire reader of a plan's relationships (io/relationship_wire.h)
// against protobuf's parser, on arbitrary bytes that pass the lean walk (the reader's
// precondition). Whenever the reader returns true, protobuf must parse the same bytes, its plan
// without the relationships must serialize to the same bytes as the reader's rest (unknown fields
// included), and RelationshipTable::FromPlan of its plan must equal the reader's table. Returning
// false is always allowed: the caller then parses with protobuf. The rest holds the team members,
// persons and blueprint entries the reader decodes itself (io/entity_wire.h), so the comparison
// of the rests covers that reader too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "contactplan/v1/plan.pb.h"
#include "io/proto_binary.h"
#include "io/relationship_wire.h"
#include "io/wire_schema.h"
#include "io/wire_strings.h"
#include "model/relationship_table.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "relationship wire reader: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using contactplan::model::RelationshipTable;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const contactplan::io::WireSchema& schema =
      contactplan::io::WireSchema::For(contactplan::v1::Plan::descriptor());
  contactplan::v1::Plan rest;
  RelationshipTable table;
  if (!contactplan::io::ReadPlanWithRelationshipTable(bytes, &rest, &table)) return 0;
  // The reader checks every string it reads and the rest before protobuf parses it: it must never
  // take bytes the walk every other binary parse makes would refuse.
  if (!contactplan::io::WireStringsAreUtf8(bytes, schema)) Fail("read a string that is not UTF-8");

  contactplan::v1::Plan parsed;
  if (!parsed.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    Fail("read bytes protobuf refuses");
  }
  if (!(table == RelationshipTable::FromPlan(parsed))) Fail("table differs from FromPlan's");
  parsed.clear_relationships();
  if (contactplan::io::WriteBinaryMessage(rest) != contactplan::io::WriteBinaryMessage(parsed)) {
    Fail("rest differs from protobuf's plan without relationships");
  }
  return 0;
}
