// The introducer of a key intersection (docs/recommendations.md#owners-under-capacity): whoever holds
// the relationship that opens the door to the person, a role apart from the owner who works the
// cell.
#ifndef CONTACTPLAN_SRC_RECOMMEND_INTRODUCER_H_
#define CONTACTPLAN_SRC_RECOMMEND_INTRODUCER_H_

#include <span>
#include <string>

#include "model/plan_index.h"
#include "recommend/leverage.h"

namespace contactplan::recommend {

struct Introduction {
  model::MemberIx member = model::kNone;  // kNone: nobody but the owner opens the door
  std::string reason;
};

// The introducer for the owner's step with `target`: the holder of the first of `levers` (the
// cell's levers, LeverageFinder::ForCell: fewest hops, TRUST before OPEN) who is not the owner;
// without one, the team member other than the owner with the best SATISFIED-or-better grade with
// the target's manager, an influencer or a direct report (VisitNeighbourRelationships; plan order
// on ties). The reason names the relationship and whom it introduces: "Irene Castillo holds Trust
// with Kwame Osei (COO), their manager: can introduce Sam Lee".
Introduction ChooseIntroducer(const model::PlanIndex& index, std::span<const Lever> levers,
                              model::PersonIx target, model::MemberIx owner);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_INTRODUCER_H_
