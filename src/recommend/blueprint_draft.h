// The blueprint draft (docs/recommendations.md, "Blueprint draft"): one contact-blueprint entry per
// key intersection, with the owner, the goal, the ranked strategies and tactics from the library,
// chosen by situation and role, rotated within the draft and sequenced across the horizon.
#ifndef CONTACTPLAN_SRC_RECOMMEND_BLUEPRINT_DRAFT_H_
#define CONTACTPLAN_SRC_RECOMMEND_BLUEPRINT_DRAFT_H_

#include "contactplan/v1/plan.pb.h"
#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"

namespace contactplan::recommend {

// Entries in the order of `key_intersections`. Contract (numbers in docs/tuning.md `tactics.*`):
// - goal: SATISFIED for a blank cell, otherwise the key's next grade (the v2 goal grade);
// - strategies: the key's, without SCARCITY and SOCIAL_PROOF in a repair entry (the repair
//   strategies of the built-in table when none is left), then the strategy of any last-resort
//   tactic (taken from any strategy the situation allows when the key's give too few);
// - tactics: between `min_tactics_per_entry` (where the library has eligible ones) and
//   `tactics_per_entry`, each passing `min_tests_passed` tests, fitting the entry's situation,
//   grade step and person (tactic_situation.h); a blank cell gets only tactics that need no earlier
//   contact; a repair entry none of SCARCITY or SOCIAL_PROOF; no tactic in more than
//   `max_share_per_tactic` of the entries while an alternative exists;
// - owners: the entry's owner is the key's; when the key names an introducer other than the owner
//   (or, without one, a leverage path's holder opens the door to a blank cell), the first tactic
//   is an introduction owned by them, and the leverage path is named in its resources (else in the
//   first tactic's);
// - due dates (when "now" is known): an introduction first, the others spread between two shares
//   of the horizon, a repair entry sooner, later entries a little later, never past the horizon.
// Appends the entries to `*draft` in place.
void DraftBlueprint(const model::Context& context,
                    const google::protobuf::RepeatedPtrField<v1::KeyIntersection>& key_intersections,
                    int32_t horizon_days, google::protobuf::RepeatedPtrField<v1::BlueprintEntry>* draft);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_BLUEPRINT_DRAFT_H_
