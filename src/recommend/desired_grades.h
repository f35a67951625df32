// Desired grades (docs/recommendations.md): the ones the plan states, kept apart from the ones the engine proposes
// where the plan states none, and the target grade each graded cell works towards.
#ifndef CONTACTPLAN_SRC_RECOMMEND_DESIRED_GRADES_H_
#define CONTACTPLAN_SRC_RECOMMEND_DESIRED_GRADES_H_

#include <span>
#include <vector>

#include "contactplan/v1/recommendations.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/context.h"

namespace contactplan::recommend {

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
  // opportunity. `importance` holds one value per person. Appends to `entries` the persons in
  // plan order: their stated entries (relationships in plan order), else their proposal.
  DesiredGrades(const model::Context& context, std::span<const double> importance,
                google::protobuf::RepeatedPtrField<v1::DesiredGrade>* entries);

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
