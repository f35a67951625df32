// Why a cell deserves work: the rule findings (SPEC §5) that concern a cell or its person,
// resolved once, and how much each adds to the cell's urgency.
#ifndef CONTACTPLAN_SRC_RECOMMEND_REASONS_H_
#define CONTACTPLAN_SRC_RECOMMEND_REASONS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "contactplan/v1/analysis.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/plan_index.h"

namespace contactplan::recommend {

// Which cells a finding of a code speaks for.
enum class ReasonScope {
  kBlankCell,  // about the person's coverage: only a new relationship answers it
  kThisCell,   // about one intersection: the finding names the person and the team member
  kPerson,     // about the person: any of their cells can answer it
  kStepToOpen  // account-wide shortage of OPEN: every step from SATISFIED to OPEN answers it
};

struct ReasonCode {
  std::string_view code;
  ReasonScope scope;
  double urgency_boost;  // see docs/recommendations.md#urgency
};

// The codes that can explain a key intersection, in catalogue order; bit i of a ReasonSet is
// ReasonCodes()[i].
std::span<const ReasonCode> ReasonCodes();

using ReasonSet = uint32_t;

class CellReasons {
 public:
  // Findings of codes outside ReasonCodes() are ignored. A finding's persons and team members are
  // resolved by id; ids that do not resolve are skipped. A person finding without persons but with
  // an opportunity (NO_MENTOR) speaks for the opportunity's participants; NO_POWER_ACCESS without
  // persons speaks for every power buyer.
  CellReasons(const model::PlanIndex& index,
              const google::protobuf::RepeatedPtrField<v1::Finding>& findings);

  // The reasons for the step from `current` to `next` in the cell (m, p); m may be kNone for a
  // blank cell without an owner.
  ReasonSet For(model::PersonIx p, model::MemberIx m, v1::Grade current, v1::Grade next) const;

  // The codes of a set, in catalogue order.
  static std::vector<std::string> Codes(ReasonSet reasons);

 private:
  std::vector<ReasonSet> person_;                  // kPerson and kBlankCell codes, per person
  absl::flat_hash_map<uint64_t, ReasonSet> cell_;  // kThisCell codes, per (member, person)
  ReasonSet account_ = 0;                          // kStepToOpen codes
};

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_REASONS_H_
