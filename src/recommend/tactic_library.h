// The built-in tactic library (docs/recommendations.md, "Tactic library"): practical actions, each
// with the situations, grade steps and people it suits, the influence strategy it serves, and the
// three tests of a tactic that invests in the relationship (docs/vocabulary.md) marked by the
// criterion documented there: we invest our own unpaid time, doing it teaches us about the client,
// and it shows rather than asserts that we are useful beyond the current work.
#ifndef CONTACTPLAN_SRC_RECOMMEND_TACTIC_LIBRARY_H_
#define CONTACTPLAN_SRC_RECOMMEND_TACTIC_LIBRARY_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "contactplan/v1/plan.pb.h"

namespace contactplan::recommend {

// Bit of a grade step in TacticTemplate::steps: the step from `current` (blank = bit 0; a TRUST
// bit means keeping and using a Trust relationship, e.g. asking a champion to coach us).
constexpr uint32_t StepBit(v1::Grade current) { return uint32_t{1} << current; }
// Bit of a buyer role, buying role or level in the masks of TacticTemplate.
constexpr uint32_t BuyerRoleBit(v1::Person::BuyerRole role) { return uint32_t{1} << role; }
constexpr uint32_t BuyingRoleBit(v1::Participant::BuyingRole role) { return uint32_t{1} << role; }
constexpr uint32_t LevelBit(v1::Level level) { return uint32_t{1} << level; }

// The situations of a blueprint entry (docs/recommendations.md, "Situations"), as bits.
enum Situation : uint32_t {
  kRepair = 1,        // a D or M cell, or a decision maker or approver who is not supportive
  kFirstContact = 2,  // a blank cell: nothing may presuppose earlier contact
  kChampion = 4,      // a Mentor or Evangelist, or a Supporter we want to win as a Mentor
  kLateDeal = 8,      // takes part in an open opportunity at EVALUATE_RISK or later
  kRenewal = 16,      // a RETENTION account with an open opportunity closing within the horizon
  kGrowth = 32,       // building an existing relationship one grade up
};

struct TacticTemplate {
  v1::InfluenceStrategy strategy;
  uint32_t situations;    // a mask of Situation: the tactic is drafted only in one of them
  uint32_t steps;         // the steps it suits, a mask of StepBit; kBlank only if it needs no contact
  uint32_t buyer_roles;   // mask of BuyerRoleBit the person must hold one of; 0 = anyone
  uint32_t buying_roles;  // mask of BuyingRoleBit in an open opportunity; 0 = anyone
  uint32_t levels;        // mask of LevelBit; 0 = any level
  bool opens_door;        // an introduction of us, carried out by whoever holds the door
  std::string_view description;
  std::string_view resources;
  bool invests_own_time;
  bool teaches_us;
  bool shows_value;

  int tests_passed() const { return invests_own_time + teaches_us + shows_value; }
};

// The library, grouped by situation. Static storage; descriptions are unique.
std::span<const TacticTemplate> TacticLibrary();

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_TACTIC_LIBRARY_H_
