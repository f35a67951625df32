// Findings written straight as the bytes of a repeated Finding field, for a binary analysis that is
// not built as messages (engine/analysis_bytes.h): WriteFinding builds a message per finding, with
// a heap block for each string longer than 15 bytes (its sentence, its path, most numbers' names)
// and then protobuf serializes it; this writes the same bytes once, composing each sentence in a
// buffer it reuses.
#ifndef CONTACTPLAN_SRC_RULES_FINDING_WIRE_H_
#define CONTACTPLAN_SRC_RULES_FINDING_WIRE_H_

#include <string>
#include <utility>
#include <vector>

#include "model/context.h"
#include "rules/finding.h"

namespace contactplan::rules {

class FindingWire {
 public:
  // Entries of the repeated Finding field numbered `field` (below 16), with each finding's
  // sentence unless `include_messages` is false. `context` must outlive this object.
  FindingWire(const model::Context& context, bool include_messages, int field);

  // Appends `finding` as one entry: the bytes protobuf writes for the message WriteFinding(context,
  // finding, include_messages, out) builds.
  void Add(const Finding& finding);

  // The entries appended so far, tags and lengths included.
  const std::string& bytes() const { return bytes_; }
  // Hands the entries over; the writer is empty afterwards.
  std::string TakeBytes() { return std::move(bytes_); }

 private:
  const model::Context& context_;
  const bool include_messages_;
  const int field_;
  std::string bytes_;
  std::string message_;  // the sentence being written, reused from finding to finding
  std::string path_;
  std::vector<model::MemberIx> members_;  // the members a rule names at write time (NamedMembers)
};

}  // namespace contactplan::rules

#endif  // CONTACTPLAN_SRC_RULES_FINDING_WIRE_H_
