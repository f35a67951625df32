// Desired grades (docs/recommendations.md): the ones the plan states, kept apart from the ones the engine proposes
// where the plan states none, and the target grade each graded cell works towards.
#ifndef CONTACTPLAN_SRC_RECOMMEND_DESIRED_GRADES_H_
#define CONTACTPLAN_SRC_RECOMMEND_DESIRED_GRADES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contactplan/v1/recommendations.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/context.h"
#include "model/id_views.h"

namespace contactplan::recommend {

// The desired grades the recommendations list, worked out but not yet written: a 16-byte row per
// entry, the stated ones' reasons composed when written, the proposals' kept once per person. They
// are written either as messages (WriteTo) or straight as the bytes of Recommendations' field
// desired_grades (WireSize, WriteWire): a large account states a desired grade on most of its
// relationships (59,905 entries on the 10,000 x 500 account), and the C ABI writes a binary
// analysis with their bytes spliced in (engine/analysis_bytes.h). Both give the same entries,
// byte for byte once serialized. The rows name the plan's ids by view: valid while the plan lives.
class DesiredGradeRows {
 public:
  size_t size() const { return rows_.size(); }

  // Appends the entries to `*entries`, built where it lives.
  void WriteTo(google::protobuf::RepeatedPtrField<v1::DesiredGrade>* entries) const;

  // The bytes of the entries as Recommendations.desired_grades (each entry's tag, length and
  // DesiredGrade message), exactly as protobuf's serialization of WriteTo's messages writes them.
  size_t WireSize() const;
  // Writes those WireSize() bytes at `target`; returns the end.
  uint8_t* WriteWire(uint8_t* target) const;

 private:
  friend class DesiredGrades;
  struct Row {
    model::PersonIx person;
    model::MemberIx member;  // kNone for a proposal
    // A stated entry: the relationship stating it; a proposal: its reason, into reasons_.
    int32_t relationship_or_reason;
    uint8_t grade;   // v1::Grade
    uint8_t source;  // v1::DesiredGrade::Source
  };
  static_assert(sizeof(Row) == 16);

  // The entry's reason: a stated one is composed into `scratch`; a proposal's is kept.
  std::string_view Reason(const Row& row, std::string& scratch) const;
  // Reason(row).size(), without composing a stated entry's reason.
  size_t ReasonSize(const Row& row) const;
  size_t BodySize(const Row& row, size_t reason_size) const;

  std::vector<Row> rows_;
  std::vector<std::string> reasons_;
  model::IdViews ids_;
};

class DesiredGrades {
 public:
  // Proposes for every person none of whose relationships states a desired grade: first from the
  // plan's own wishes (desired relationship level TRUSTED_ADVISOR -> TRUST, PROBLEM_SOLVER ->
  // OPEN, CREDIBLE_SOURCE or VENDOR -> SATISFIED; a desired preference MENTOR in an open
  // opportunity -> at least OPEN); else TRUST for the most important persons who matter, hold
  // SATISFIED or better with us and support us in every open opportunity they take part in (at
  // most settings.max_trust_targets, less the persons the plan already wants at TRUST), OPEN for those needed to move an open opportunity (decision makers,
  // approvers and evaluators of open opportunities, power buyers, evangelists), SATISFIED for
  // everyone else. Never TRUST for a person who is uncovered or whose best grade is below
  // SATISFIED (OPEN instead); never below the current best grade for a Mentor of an open
  // opportunity. `importance` holds one value per person. Fills `entries` (which should be empty)
  // with the persons in plan order: their stated entries (relationships in plan order), else their
  // proposal.
  DesiredGrades(const model::Context& context, std::span<const double> importance,
                DesiredGradeRows* entries);

  // The grade graded relationship r works towards: its stated desired grade; else, when r is the
  // person's lead cell (their best grade, earliest in the plan on ties), the person's proposal;
  // else SATISFIED (a healthy map keeps everyone else satisfied).
  v1::Grade CellTarget(model::RelationshipIx r) const;

  // The person's lead cell: their best graded relationship, earliest in the plan on ties; kNone
  // when they have none.
  model::RelationshipIx LeadCell(model::PersonIx p) const { return lead_cell_[p]; }

  // The engine's proposal for person p; GRADE_UNSPECIFIED when the plan states grades for them.
  v1::Grade proposed(model::PersonIx p) const { return proposed_[p]; }

 private:
  const model::PlanIndex& index_;
  std::vector<v1::Grade> proposed_;
  std::vector<model::RelationshipIx> lead_cell_;
};

// The grade a desired relationship level asks for (TRUSTED_ADVISOR TRUST, PROBLEM_SOLVER OPEN,
// CREDIBLE_SOURCE and VENDOR SATISFIED); GRADE_UNSPECIFIED for an unset level.
v1::Grade GradeForLevel(v1::RelationshipLevel level);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_DESIRED_GRADES_H_
