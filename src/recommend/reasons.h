// Why a cell deserves work: the rule findings (docs/rules.md) that concern a cell or its person,
// resolved once, and how much each adds to the cell's urgency.
#ifndef CONTACTPLAN_SRC_RECOMMEND_REASONS_H_
#define CONTACTPLAN_SRC_RECOMMEND_REASONS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/tuning.pb.h"
#include "model/plan_index.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace contactplan::recommend {

using rules::ReasonScope;

// A rule that can explain a key intersection, and how (its rules::RuleReason).
struct ReasonCode {
  const rules::Rule* rule;
  std::string_view code;
  rules::RuleReason reason;
};

// The rules that can explain a key intersection (scope other than kNone), in catalogue order, read
// from the rules themselves; bit i of a ReasonSet is ReasonCodes()[i].
std::span<const ReasonCode> ReasonCodes();

using ReasonSet = uint32_t;

// The urgency boost (0-1) of ReasonCodes()[code]: the field of tuning.reason_urgency named after the
// code in lower case (docs/tuning.md), resolved to a field once per process. Thread-safe.
double ReasonBoost(const v1::RecommendTuning& tuning, size_t code);

class CellReasons {
 public:
  // Findings of rules outside ReasonCodes() are ignored. A person finding without persons but with
  // an opportunity (NO_MENTOR) speaks for the opportunity's participants; one without either speaks
  // for whom its rule's RuleReason::without_persons names (NO_POWER_ACCESS: every power buyer).
  CellReasons(const model::PlanIndex& index, std::span<const rules::Finding> findings);

  // The reasons for the step from `current` to `next` in the cell (m, p); m may be kNone for a
  // blank cell without an owner.
  ReasonSet For(model::PersonIx p, model::MemberIx m, v1::Grade current, v1::Grade next) const;
  // The same for the cell of relationship `cell` with person p (kNone: a blank cell), without
  // looking the cell up: what the key intersections ask for every graded cell they consider.
  ReasonSet ForRelationship(model::PersonIx p, model::RelationshipIx cell, v1::Grade current,
                            v1::Grade next) const;

  // The codes of a set, in catalogue order.
  static std::vector<std::string> Codes(ReasonSet reasons);

 private:
  const model::PlanIndex& index_;
  std::vector<ReasonSet> person_;        // kPerson and kBlankCell codes, per person
  // kThisCell codes, per relationship: only a cell the plan holds has a grade to step from, and an
  // array read per candidate is cheaper than a hash look-up of (member, person).
  std::vector<ReasonSet> relationship_;
  ReasonSet account_ = 0;                // kStepToOpen codes
};

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_REASONS_H_
