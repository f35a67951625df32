#include "recommend/reasons.h"

#include <array>

#include "absl/container/flat_hash_map.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;

// Catalogue order. Boosts are strongest where the account is at risk of losing a decision
// (no power access, an unsupportive decision maker, a key person nobody reaches) and weakest for
// signals that are informative but rarely urgent (relationship type, a neutral participant).
constexpr std::array<ReasonCode, 18> kReasonCodes = {{
    {"UNCOVERED_PERSON", ReasonScope::kBlankCell, 0.3},
    {"WEAK_RELATIONSHIP", ReasonScope::kThisCell, 0.0},  // the grade itself sets the base urgency
    {"SINGLE_THREADED_PERSON", ReasonScope::kBlankCell, 0.2},
    {"SENIORITY_MISMATCH", ReasonScope::kBlankCell, 0.2},
    {"TOO_FEW_OPEN", ReasonScope::kStepToOpen, 0.1},
    {"STALE_ASSESSMENT", ReasonScope::kThisCell, 0.15},
    {"NPS_DETRACTOR", ReasonScope::kPerson, 0.2},
    {"COMPETITIVE_RELATIONSHIP", ReasonScope::kPerson, 0.05},
    {"NO_POWER_ACCESS", ReasonScope::kPerson, 0.3},
    {"RELATIONSHIP_GAP", ReasonScope::kPerson, 0.05},
    {"LARGE_RELATIONSHIP_GAP", ReasonScope::kPerson, 0.1},
    {"BELOW_CREDIBLE_SOURCE", ReasonScope::kPerson, 0.1},
    {"NEUTRAL_AS_NON_SUPPORTER", ReasonScope::kPerson, 0.05},
    {"PREFERENCE_GAP", ReasonScope::kPerson, 0.1},
    {"DECISION_MAKER_NOT_SUPPORTIVE", ReasonScope::kPerson, 0.3},
    {"NO_MENTOR", ReasonScope::kPerson, 0.1},
    {"ENEMY_IN_BUYING_GROUP", ReasonScope::kPerson, 0.2},
    {"MISSING_BLUEPRINT", ReasonScope::kPerson, 0.1},
}};
static_assert(kReasonCodes.size() <= 32, "ReasonSet is a 32-bit mask");

uint64_t CellKey(MemberIx m, PersonIx p) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(m)) << 32) | static_cast<uint32_t>(p);
}

int CodeIndex(std::string_view code) {
  for (size_t i = 0; i < kReasonCodes.size(); ++i) {
    if (kReasonCodes[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

constexpr ReasonSet ScopeMask(ReasonScope scope) {
  ReasonSet mask = 0;
  for (size_t i = 0; i < kReasonCodes.size(); ++i) {
    if (kReasonCodes[i].scope == scope) mask |= ReasonSet{1} << i;
  }
  return mask;
}

constexpr ReasonSet kBlankCellOnly = ScopeMask(ReasonScope::kBlankCell);

}  // namespace

std::span<const ReasonCode> ReasonCodes() { return kReasonCodes; }

CellReasons::CellReasons(const model::PlanIndex& index,
                         const google::protobuf::RepeatedPtrField<v1::Finding>& findings)
    : person_(index.person_count(), 0) {
  std::vector<PersonIx> power_buyers;  // resolved once, only if a finding needs them
  bool power_buyers_known = false;
  for (const v1::Finding& finding : findings) {
    const int code = CodeIndex(finding.code());
    if (code < 0) continue;
    const ReasonSet bit = ReasonSet{1} << code;
    const ReasonScope scope = kReasonCodes[code].scope;
    if (scope == ReasonScope::kStepToOpen) {
      account_ |= bit;
      continue;
    }
    std::vector<PersonIx> persons;
    for (const std::string& id : finding.person_ids()) {
      if (PersonIx p = index.FindPerson(id); p != model::kNone) persons.push_back(p);
    }
    if (finding.person_ids().empty() && !finding.opportunity_id().empty()) {
      if (const model::OpportunityIx o = index.FindOpportunity(finding.opportunity_id());
          o != model::kNone) {
        for (const v1::Participant& participant : index.plan().opportunities(o).participants()) {
          if (PersonIx p = index.FindPerson(participant.person_id()); p != model::kNone) {
            persons.push_back(p);
          }
        }
      }
    }
    if (finding.person_ids().empty() && finding.code() == "NO_POWER_ACCESS") {
      if (!power_buyers_known) {
        for (PersonIx p = 0; p < index.person_count(); ++p) {
          if (index.has_buyer_role(p, v1::Person::POWER)) power_buyers.push_back(p);
        }
        power_buyers_known = true;
      }
      persons = power_buyers;
    }
    if (scope == ReasonScope::kThisCell) {
      for (const std::string& id : finding.team_member_ids()) {
        const MemberIx m = index.FindMember(id);
        if (m == model::kNone) continue;
        for (PersonIx p : persons) cell_[CellKey(m, p)] |= bit;
      }
    } else {
      for (PersonIx p : persons) person_[p] |= bit;
    }
  }
}

ReasonSet CellReasons::For(PersonIx p, MemberIx m, v1::Grade current, v1::Grade next) const {
  ReasonSet reasons = person_[p];
  if (current != v1::GRADE_UNSPECIFIED) {
    reasons &= ~kBlankCellOnly;
    if (auto it = cell_.find(CellKey(m, p)); it != cell_.end()) reasons |= it->second;
  }
  if (current == v1::SATISFIED && next == v1::OPEN) reasons |= account_;
  return reasons;
}

std::vector<std::string> CellReasons::Codes(ReasonSet reasons) {
  std::vector<std::string> codes;
  for (size_t i = 0; i < kReasonCodes.size(); ++i) {
    if (reasons & (ReasonSet{1} << i)) codes.emplace_back(kReasonCodes[i].code);
  }
  return codes;
}

}  // namespace contactplan::recommend
