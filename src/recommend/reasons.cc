#include "recommend/reasons.h"

#include "absl/strings/ascii.h"
#include "google/protobuf/descriptor.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;

// Built once from the catalogue: each rule states its own reason (rules::RuleReason).
const std::vector<ReasonCode>& ReasonTable() {
  static const auto* table = [] {
    auto* codes = new std::vector<ReasonCode>;
    for (const rules::Rule* rule : rules::AllRules()) {
      if (rule->reason.scope != ReasonScope::kNone) {
        codes->push_back({rule, rule->info.code, rule->reason});
      }
    }
    return codes;
  }();
  return *table;
}

// The bit of a rule, or -1 when it gives no reasons. Keyed by the rule's identity, built once.
int BitOf(const rules::Rule* rule) {
  static const auto* bits = [] {
    auto* map = new absl::flat_hash_map<const rules::Rule*, int>;
    for (size_t i = 0; i < ReasonTable().size(); ++i) {
      map->emplace(ReasonTable()[i].rule, static_cast<int>(i));
    }
    return map;
  }();
  auto it = bits->find(rule);
  return it == bits->end() ? -1 : it->second;
}

ReasonSet ScopeMask(ReasonScope scope) {
  ReasonSet mask = 0;
  for (size_t i = 0; i < ReasonTable().size(); ++i) {
    if (ReasonTable()[i].reason.scope == scope) mask |= ReasonSet{1} << i;
  }
  return mask;
}

}  // namespace

std::span<const ReasonCode> ReasonCodes() { return ReasonTable(); }

double ReasonBoost(const v1::RecommendTuning& tuning, size_t code) {
  // One field per reason code; reasons_test proves every code has one, so a missing field (0) is
  // never reached in a release.
  static const std::vector<const google::protobuf::FieldDescriptor*>* const fields = [] {
    auto* out = new std::vector<const google::protobuf::FieldDescriptor*>();
    for (const ReasonCode& reason : ReasonCodes()) {
      out->push_back(v1::ReasonUrgency::descriptor()->FindFieldByName(
          absl::AsciiStrToLower(std::string(reason.code))));
    }
    return out;
  }();
  if (code >= fields->size() || (*fields)[code] == nullptr) return 0;
  const v1::ReasonUrgency& boosts = tuning.reason_urgency();
  return boosts.GetReflection()->GetDouble(boosts, (*fields)[code]);
}

CellReasons::CellReasons(const model::PlanIndex& index, std::span<const rules::Finding> findings)
    : index_(index),
      person_(index.person_count(), 0),
      relationship_(index.relationship_count(), 0) {
  std::vector<PersonIx> power_buyers;  // resolved once, only if a finding needs them
  bool power_buyers_known = false;
  std::vector<PersonIx> participants;  // of the opportunity a finding without persons names
  // Findings come grouped by rule, so the rule's bit is looked up once per run of its findings.
  const rules::Rule* last_rule = nullptr;
  int code = -1;
  for (const rules::Finding& finding : findings) {
    if (finding.rule != last_rule) {
      last_rule = finding.rule;
      code = BitOf(finding.rule);
    }
    if (code < 0) continue;
    const ReasonSet bit = ReasonSet{1} << code;
    const rules::RuleReason& reason = finding.rule->reason;
    if (reason.scope == ReasonScope::kStepToOpen) {
      account_ |= bit;
      continue;
    }
    // The finding's own persons, read in place; else whom it speaks for.
    std::span<const PersonIx> persons(finding.persons.data(), finding.persons.size());
    if (finding.persons.empty() && finding.opportunity != model::kNone) {
      participants.clear();
      for (const v1::Participant& participant :
           index.plan().opportunities(finding.opportunity).participants()) {
        if (PersonIx p = index.FindPerson(participant.person_id()); p != model::kNone) {
          participants.push_back(p);
        }
      }
      persons = participants;
    }
    if (finding.persons.empty() && reason.without_persons == rules::ReasonFallback::kPowerBuyers) {
      if (!power_buyers_known) {
        for (PersonIx p = 0; p < index.person_count(); ++p) {
          if (index.has_buyer_role(p, v1::Person::POWER)) power_buyers.push_back(p);
        }
        power_buyers_known = true;
      }
      persons = power_buyers;
    }
    if (reason.scope == ReasonScope::kThisCell) {
      // A per-cell rule names the relationship it is about (its path): no look-up for that cell.
      const model::RelationshipIx at = finding.at.kind == rules::FindingPath::Kind::kRelationship
                                           ? finding.at.at[0]
                                           : model::kNone;
      for (const MemberIx m : finding.members) {
        for (PersonIx p : persons) {
          const model::RelationshipIx r =
              at != model::kNone && index.relationship_member(at) == m &&
                      index.relationship_person(at) == p
                  ? at
                  : index.FindCell(m, p);
          if (r != model::kNone) relationship_[r] |= bit;
        }
      }
    } else {
      for (PersonIx p : persons) person_[p] |= bit;
    }
  }
}

ReasonSet CellReasons::For(PersonIx p, MemberIx m, v1::Grade current, v1::Grade next) const {
  const model::RelationshipIx cell =
      current != v1::GRADE_UNSPECIFIED && m != model::kNone ? index_.FindCell(m, p) : model::kNone;
  return ForRelationship(p, cell, current, next);
}

ReasonSet CellReasons::ForRelationship(PersonIx p, model::RelationshipIx cell, v1::Grade current,
                                       v1::Grade next) const {
  static const ReasonSet kBlankCellOnly = ScopeMask(ReasonScope::kBlankCell);
  ReasonSet reasons = person_[p];
  if (current != v1::GRADE_UNSPECIFIED) {
    reasons &= ~kBlankCellOnly;
    if (cell != model::kNone) reasons |= relationship_[cell];
  }
  if (current == v1::SATISFIED && next == v1::OPEN) reasons |= account_;
  return reasons;
}

std::vector<std::string> CellReasons::Codes(ReasonSet reasons) {
  std::vector<std::string> codes;
  for (size_t i = 0; i < ReasonTable().size(); ++i) {
    if (reasons & (ReasonSet{1} << i)) codes.emplace_back(ReasonTable()[i].code);
  }
  return codes;
}

}  // namespace contactplan::recommend
