// The blueprint draft (docs/recommendations.md): one contact-blueprint entry per key intersection, with the owner,
// the next grade as the goal, the ranked strategies and two or three tactics from the library.
#ifndef CONTACTPLAN_SRC_RECOMMEND_BLUEPRINT_DRAFT_H_
#define CONTACTPLAN_SRC_RECOMMEND_BLUEPRINT_DRAFT_H_

#include <span>
#include <vector>

#include "contactplan/v1/plan.pb.h"
#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"

namespace contactplan::recommend {

// Tactics per entry: one per strategy (best first) up to kMaxTactics, at least kMinTactics.
inline constexpr int kMinTactics = 2;
inline constexpr int kMaxTactics = 3;

// Entries in the order of `key_intersections`. The goal is exactly the next grade (so the draft
// never skips a level); every tactic passes at least two of the three relationship tests (so no
// tactic is a sales tactic and the draft is never a sales plan). Tactics fall due at the end of the
// horizon when "now" is known. The first tactic's resources name the strongest leverage path.
// Entries rotate among equally good tactics so a draft does not repeat one tactic everywhere.
std::vector<v1::BlueprintEntry> DraftBlueprint(
    const model::Context& context, std::span<const v1::KeyIntersection> key_intersections,
    int32_t horizon_days);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_BLUEPRINT_DRAFT_H_
