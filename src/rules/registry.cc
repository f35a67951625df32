// The rule catalogue: every rule of docs/rules.md, once, in catalogue order. Adding a rule is its definition in
// a family file and one line here.
#include <array>

#include "contactplan/rule_catalogue.h"
#include "rules/rule.h"

// RULE(name) for each rule, in catalogue order; the name is the Rule constant in its family file.
#define CONTACTPLAN_RULES(RULE)    \
  RULE(kUncoveredPerson)           \
  RULE(kWeakRelationship)          \
  RULE(kSingleThreadedPerson)      \
  RULE(kOverCoveredPerson)         \
  RULE(kSeniorityMismatch)         \
  RULE(kTrustInflation)            \
  RULE(kTooFewOpen)                \
  RULE(kStaleAssessment)           \
  RULE(kSingleThreadedAccount)     \
  RULE(kBelow3x3)                  \
  RULE(kNpsDetractor)              \
  RULE(kNpsDeclining)              \
  RULE(kCompetitiveRelationship)   \
  RULE(kNoPowerBuyerIdentified)    \
  RULE(kNoPowerAccess)             \
  RULE(kNoEvangelist)              \
  RULE(kRelationshipGap)           \
  RULE(kLargeRelationshipGap)      \
  RULE(kBelowCredibleSource)       \
  RULE(kOverInvested)              \
  RULE(kNeutralAsNonSupporter)     \
  RULE(kPreferenceGap)             \
  RULE(kDecisionMakerNotSupportive) \
  RULE(kNoMentor)                  \
  RULE(kEnemyInBuyingGroup)        \
  RULE(kLatePreferredStrategy)     \
  RULE(kQualificationIncomplete)   \
  RULE(kNoBlueprint)               \
  RULE(kMissingBlueprint)          \
  RULE(kGoalSkipsLevels)           \
  RULE(kNoInfluenceStrategy)       \
  RULE(kSalesTactic)               \
  RULE(kSalesPlan)                 \
  RULE(kChampionLeft)              \
  RULE(kOwnerLeft)                 \
  RULE(kGradeFalling)              \
  RULE(kGradeNotBorneOut)          \
  RULE(kOneWayContact)

namespace contactplan {
namespace rules {

#define CONTACTPLAN_DECLARE_RULE(name) extern const Rule name;
CONTACTPLAN_RULES(CONTACTPLAN_DECLARE_RULE)
#undef CONTACTPLAN_DECLARE_RULE

namespace {

// Addresses of constants: constant-initialised, so the table is ready before any static
// constructor could ask for it.
#define CONTACTPLAN_RULE_ADDRESS(name) &name,
constexpr const Rule* kRules[] = {CONTACTPLAN_RULES(CONTACTPLAN_RULE_ADDRESS)};
#undef CONTACTPLAN_RULE_ADDRESS

}  // namespace

std::span<const Rule* const> AllRules() { return kRules; }

}  // namespace rules

std::span<const RuleInfo> RuleCatalogue() {
  // RuleInfo holds only string_views into static storage, so the copy below is trivially
  // destructible and built once, thread-safely, on first use.
  static const std::array<RuleInfo, std::size(rules::kRules)> catalogue = [] {
    std::array<RuleInfo, std::size(rules::kRules)> infos{};
    for (size_t i = 0; i < infos.size(); ++i) infos[i] = rules::kRules[i]->info;
    return infos;
  }();
  return catalogue;
}

}  // namespace contactplan

#undef CONTACTPLAN_RULES
