// What the binary wire check needs to know of a message type, looked up by field number in a table
// built once per type, instead of asking the descriptors for every field of every input.
#ifndef CONTACTPLAN_SRC_IO_WIRE_SCHEMA_H_
#define CONTACTPLAN_SRC_IO_WIRE_SCHEMA_H_

#include <cstdint>
#include <vector>

#include "google/protobuf/descriptor.h"

namespace contactplan::io {

class WireSchema {
 public:
  struct Field {
    const google::protobuf::FieldDescriptor* descriptor;
    const WireSchema* message;  // the sub-message's schema; null unless a message field
    bool utf8;                  // a proto3 string, which must hold UTF-8
  };

  // The schema of `message` and of every type reachable from it, built on first use and kept for
  // the life of the process (descriptors are never freed either). Thread-safe.
  static const WireSchema& For(const google::protobuf::Descriptor* message);

  // The field with this number, or null when the schema does not know it. Fields numbered above
  // kMaxNumber are not in the table and are walked as unknown fields: their wire structure is still
  // checked, only their contents are not explained (the parser still checks them).
  static constexpr int kMaxNumber = 4096;
  const Field* Find(uint64_t number) const {
    return number < slots_ && by_number_[number].descriptor != nullptr ? &by_number_[number]
                                                                       : nullptr;
  }

  // Whether a proto3 string field is reachable from this type through its known message fields
  // (google.protobuf.Timestamp or a message of numbers and enums holds none): the strings are what
  // protobuf's parser checks for UTF-8, so a sub-message without any need not be looked into.
  bool holds_strings() const { return holds_strings_; }

 private:
  std::vector<Field> by_number_;  // index = field number
  uint64_t slots_ = 0;            // by_number_.size(), kept apart: every length-delimited field asks
  bool holds_strings_ = false;

  friend class WireSchemaBuilder;
};

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_WIRE_SCHEMA_H_
