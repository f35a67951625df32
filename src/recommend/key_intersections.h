// Key intersections (docs/recommendations.md): the short ranked list of cells to work on within a horizon, blank
// cells to fill included, each staffed with an owner who has the effort free.
#ifndef CONTACTPLAN_SRC_RECOMMEND_KEY_INTERSECTIONS_H_
#define CONTACTPLAN_SRC_RECOMMEND_KEY_INTERSECTIONS_H_

#include <span>
#include <vector>

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"
#include "recommend/deal.h"
#include "recommend/desired_grades.h"
#include "recommend/leverage.h"
#include "recommend/owners.h"
#include "recommend/reasons.h"

namespace contactplan::recommend {

// What the ranking reads, computed once per analysis.
struct KeyIntersectionInputs {
  std::span<const double> importance;  // per person
  const DesiredGrades& desired;
  const CellReasons& reasons;
  const LeverageFinder& leverage;
  const DealView& deal;
};


// Whether person p needs a new relationship (a blank cell to fill): nobody holds SATISFIED or
// better with them; or they matter and fewer than two do; or they are at EXECUTIVE or
// SENIOR_MANAGEMENT and every graded relationship runs to a team member
// settings.seniority_gap_levels or more below.
bool NeedsNewRelationship(const model::Context& context, model::PersonIx p);

// Candidates: every graded cell below its target grade (DesiredGrades::CellTarget; never a TRUST
// cell), the lead cell of each Mentor candidate and unsupportive decision maker whatever its grade
// (DealView), and for each person who needs a new relationship one blank cell with the best-placed
// owner (TeamCapacity::ChooseOwner). A person with a D or M cell gets only the repair of it. Each
// candidate has a tier (REPAIR, DEAL, COVERAGE, DEPTH; docs/recommendations.md#tiers) and a score
// (priority.h), and they are staffed tier first, best score first within a tier: a person gets at
// most one key intersection; a graded cell's owner is the team member who holds it, except that a
// repair passes to a more senior member when the holder is too far below the person
// (TeamCapacity::ChooseRepairOwner); a step is staffed only if its owner has its effort free (a
// blank cell falls back to the best-placed member who has, re-scored with that member's fit); a
// cell that cannot be staffed becomes an UnstaffedCell. The list is ordered by tier, then final
// score (ranks 1..n); ties go to plan order of person, then team member. Each names an introducer
// when someone other than the owner opens the door (ChooseIntroducer). Reserves the effort of
// every staffed step in `capacity`. Appends the ranked key intersections (at most `limit`) to
// `*key_intersections` and the cells that could not be staffed (at most `limit`) to `*unstaffed`,
// in place: the fields of the analysis, on its arena when it has one.
void PlanKeyIntersections(const model::Context& context, const KeyIntersectionInputs& inputs,
                          TeamCapacity& capacity, int32_t limit,
                          google::protobuf::RepeatedPtrField<v1::KeyIntersection>* key_intersections,
                          google::protobuf::RepeatedPtrField<v1::UnstaffedCell>* unstaffed);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_KEY_INTERSECTIONS_H_
