// The situation of a blueprint entry, read from its key intersection and the plan
// (docs/recommendations.md, "Situations"): what the tactic library matches tactics against.
#ifndef CONTACTPLAN_SRC_RECOMMEND_TACTIC_SITUATION_H_
#define CONTACTPLAN_SRC_RECOMMEND_TACTIC_SITUATION_H_

#include <cstdint>

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"
#include "recommend/tactic_library.h"

namespace contactplan::recommend {

// Who the entry is about and where the relationship stands, as the masks of TacticTemplate.
struct EntryProfile {
  uint32_t situations = 0;    // mask of Situation
  v1::Grade current = v1::GRADE_UNSPECIFIED;
  uint32_t buyer_roles = 0;   // BuyerRoleBit of each role the person holds
  uint32_t buying_roles = 0;  // BuyingRoleBit of each role in an open opportunity
  uint32_t level = 0;         // LevelBit of the person's level, 0 when unknown
  bool repair() const { return (situations & kRepair) != 0; }
};

// Reads situations for the entries of one draft. Facts about the whole account (a renewal within
// the horizon) are read once, at construction.
class SituationReader {
 public:
  SituationReader(const model::Context& context, int32_t horizon_days);

  // The profile of the entry for `key`. Repair: a D or M cell; otherwise the key's tier when set
  // (REPAIR), and without a tier a decision maker or approver of an open opportunity whose preference is set and
  // below SUPPORTER (a Neutral counts as a Non-Supporter). A repair entry has no other situation
  // (the grievance comes before any other step with the person), except first contact on a blank
  // cell. Otherwise first contact for a blank
  // cell, else growth; plus champion (a Mentor or Evangelist, or a Supporter in an open opportunity
  // that has no Mentor), late-stage deal (takes part in an open opportunity at EVALUATE_RISK or
  // later) and renewal (a RETENTION account with an open opportunity expected to close within the
  // horizon) where they hold.
  EntryProfile Profile(const v1::KeyIntersection& key) const;

 private:
  const model::Context& context_;
  bool renewal_due_ = false;
};

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_TACTIC_SITUATION_H_
