// A finding as the stages hand it on: the rule that raised it, indices into the plan index and the
// numbers behind it. The Finding message of the analysis is written from it once, at the end, and
// only for the findings the analysis lists (engine/finding_selection.h).
//
// A rule gives its sentence in one of two ways. Eagerly, as a string composed when the finding is
// raised (FindingSink::Add with a message): simple, and right for findings that fire once per
// account. Or deferred, as a MessageWriter that composes it from the finding's own parts when the
// analysis lists the finding and the host asked for messages: rules that fire once per person or
// per cell use it, since on a large account most of their findings are counted, not listed, and a
// sentence nobody reads is the most expensive part of a finding. The field path is deferred the
// same way (FindingPath).
#ifndef CONTACTPLAN_SRC_RULES_FINDING_H_
#define CONTACTPLAN_SRC_RULES_FINDING_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/container/inlined_vector.h"
#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"
#include "model/plan_index.h"

namespace contactplan::rules {

struct Rule;
struct Finding;

// A named number. `name` is a string literal of the rule's family file (docs/rules.md lists them),
// so it outlives every finding; kept as a bare pointer (its length is read when the finding is
// written), which makes a number 16 bytes instead of 24.
struct FindingNumber {
  const char* name;
  double value;
};

// What a rule composed as text when it raised the finding. Most findings (the per-person and
// per-cell rules) have neither part, so it lives out of the record, behind one pointer.
struct EagerText {
  std::string message;  // the sentence for people, composed eagerly
  std::string path;     // field path of the one plan element concerned, given as text
};

// Composes the sentence of `finding` into `*message` (empty on entry) from the finding's persons,
// members, opportunity, numbers and path indices, reading the plan through `context`. A plain
// function, never a closure: a finding stays a small record whatever its sentence needs, and
// whatever the rule computed for it must be in the finding (a number, an index of its path).
using MessageWriter = void (*)(const model::Context& context, const Finding& finding,
                               std::string* message);

// The field path of the one plan element a finding concerns, as indices until it is written.
struct FindingPath {
  enum class Kind : uint8_t {
    kNone,
    kPerson,        // persons[a]
    kRelationship,  // relationships[a]
    kOpportunity,   // opportunities[a]
    kParticipant,   // opportunities[a].participants[b]
    kBlueprint,     // blueprint[a]
    kTactic,        // blueprint[a].tactics[b]
  };
  Kind kind = Kind::kNone;
  std::array<int32_t, 2> at{};

  // The path as the analysis spells it; empty for kNone.
  std::string Spelled() const;
  // Appends the same text to *out: no temporary, no heap block when *out has room.
  void AppendTo(std::string* out) const;
};

// A large account raises tens of thousands of findings and every one is held until the analysis is
// written, so the record is kept small (168 bytes): up to four persons and four members inline (an
// InlinedVector of four int32 is no larger than one of one), four numbers inline (GRADE_FALLING
// gives four, OVER_COVERED_PERSON three: with two inline, 22,000 findings of the 10,000 x 500
// account each took a heap block for theirs), and the rarely used text behind a pointer.
struct Finding {
  const Rule* rule = nullptr;
  MessageWriter write_message = nullptr;  // composes the sentence later, when there is no eager one
  absl::InlinedVector<model::PersonIx, 4> persons;  // in the order the rule named them
  absl::InlinedVector<model::MemberIx, 4> members;
  absl::InlinedVector<FindingNumber, 4> numbers;
  std::unique_ptr<EagerText> text;  // null unless the rule gave an eager sentence or a text path
  model::OpportunityIx opportunity = model::kNone;
  v1::Severity severity = v1::SEVERITY_UNSPECIFIED;
  FindingPath at;  // the field path kept as indices (used when there is no text path)

  // The value of the number called `name`; 0 when the finding has none (a writer's bug: the
  // rule tests check every sentence).
  double number(std::string_view name) const;
  // Whether the finding has a number called `name` (for numbers a rule gives only sometimes).
  bool has_number(std::string_view name) const;
};

// Writes `finding` into `*out` (which should be empty): its rule's code, the severity, the ids of
// its persons, team members and opportunity, the numbers, the path, and the message unless
// `include_message` is false (then it stays empty, and a deferred sentence is never composed).
// An eager message and a text path are moved out of `finding`.
void WriteFinding(const model::Context& context, Finding& finding, bool include_message,
                  v1::Finding* out);

}  // namespace contactplan::rules

#endif  // CONTACTPLAN_SRC_RULES_FINDING_H_
