#include "recommend/desired_grades.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/wire_write.h"
#include "recommend/importance.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::PersonIx;
using model::RelationshipIx;

// Why the person is needed to move an open opportunity, or empty when they are not.
std::string OpportunityNeed(const model::PlanIndex& index, PersonIx p) {
  for (const model::Participation& part : index.open_participations(p)) {
    const auto role =
        index.plan().opportunities(part.opportunity).participants(part.participant).buying_role();
    if (role == v1::Participant::DECISION_MAKER || role == v1::Participant::APPROVER ||
        role == v1::Participant::EVALUATOR) {
      return absl::StrCat(rules::BuyingRoleWord(role), " in ",
                          rules::OpportunityLabel(index, part.opportunity));
    }
  }
  if (index.has_buyer_role(p, v1::Person::POWER)) return "power buyer";
  if (index.has_buyer_role(p, v1::Person::EVANGELIST)) return "evangelist";
  return "";
}

std::string TrustCapWords(v1::Grade best) {
  return absl::StrCat("; Open for now: Trust is never the goal with someone we ",
                      best == v1::GRADE_UNSPECIFIED
                          ? "have no relationship with yet"
                          : absl::StrCat("hold no better than ", rules::GradeWord(best), " with"));
}

}  // namespace

DesiredGrades::DesiredGrades(const model::Context& context, std::span<const double> importance,
                             DesiredGradeRows* entries)
    : index_(context.index),
      proposed_(context.index.person_count(), v1::GRADE_UNSPECIFIED),
      lead_cell_(context.index.person_count(), model::kNone) {
  const model::PlanIndex& index = index_;
  const int32_t persons = index.person_count();

  std::vector<bool> stated(persons, false);
  int32_t stated_trust_persons = 0;
  // The best grade each person holds with us: the lead cell's.
  std::vector<v1::Grade> best(persons, v1::GRADE_UNSPECIFIED);
  for (PersonIx p = 0; p < persons; ++p) {
    bool wants_trust = false;
    for (RelationshipIx r : index.relationships_of_person(p)) {
      const v1::Grade desired = index.desired_grade(r);
      if (desired == v1::GRADE_UNSPECIFIED) continue;
      stated[p] = true;
      wants_trust |= desired == v1::TRUST;
    }
    stated_trust_persons += wants_trust;
    for (RelationshipIx r : index.graded_of_person(p)) {
      const v1::Grade grade = index.grade(r);
      if (lead_cell_[p] == model::kNone || grade > best[p]) {
        lead_cell_[p] = r;
        best[p] = grade;
      }
    }
  }

  // The plan's own wishes first: its desired relationship level, and Mentor as a desired
  // preference in an open opportunity; the current best grade of a Mentor is a floor.
  std::vector<std::string> derived_reason(persons);
  std::vector<v1::Grade> derived(persons, v1::GRADE_UNSPECIFIED);
  std::vector<bool> mentor_now(persons, false);
  std::vector<bool> opposes(persons, false);  // does not support us in an open opportunity
  int32_t derived_trust = 0;
  for (PersonIx p = 0; p < persons; ++p) {
    if (stated[p]) continue;
    const v1::RelationshipLevel wanted = index.person(p).desired_relationship_level();
    if (const v1::Grade grade = GradeForLevel(wanted); grade != v1::GRADE_UNSPECIFIED) {
      derived[p] = grade;
      derived_reason[p] = absl::StrCat("from the plan's desired relationship level (",
                                       rules::RelationshipLevelWord(wanted), ")");
    }
    for (const model::Participation& part : index.open_participations(p)) {
      const v1::Participant& participant =
          index.plan().opportunities(part.opportunity).participants(part.participant);
      mentor_now[p] = mentor_now[p] || participant.preference() == v1::MENTOR;
      // Neutral and unset count as Non-Supporter.
      opposes[p] = opposes[p] || participant.preference() < v1::SUPPORTER;
      if (participant.desired_preference() == v1::MENTOR && derived[p] < v1::OPEN) {
        derived[p] = v1::OPEN;
        derived_reason[p] = absl::StrCat("the plan wants them as Mentor in ",
                                         rules::OpportunityLabel(index, part.opportunity),
                                         ", and a Mentor must be open to our ideas");
      }
    }
    if (derived[p] == v1::TRUST && best[p] < v1::SATISFIED) {
      derived[p] = v1::OPEN;
      absl::StrAppend(&derived_reason[p], TrustCapWords(best[p]));
    }
    derived_trust += derived[p] == v1::TRUST;
  }

  // TRUST: the most important persons who matter, have no stated or derived grade and already
  // hold SATISFIED or better with us; ties go to plan order.
  const int32_t trust_budget =
      std::max(0, context.settings.max_trust_targets - stated_trust_persons - derived_trust);
  std::vector<PersonIx> trust_candidates;
  for (PersonIx p = 0; p < persons; ++p) {
    if (!stated[p] && derived[p] == v1::GRADE_UNSPECIFIED && index.matters(p) &&
        best[p] >= v1::SATISFIED && !opposes[p]) {
      trust_candidates.push_back(p);
    }
  }
  const auto more_important = [&](PersonIx a, PersonIx b) {
    return importance[a] != importance[b] ? importance[a] > importance[b] : a < b;
  };
  const size_t trust_count = std::min(trust_candidates.size(), static_cast<size_t>(trust_budget));
  std::partial_sort(trust_candidates.begin(), trust_candidates.begin() + trust_count,
                    trust_candidates.end(), more_important);
  trust_candidates.resize(trust_count);
  for (PersonIx p : trust_candidates) proposed_[p] = v1::TRUST;

  std::vector<DesiredGradeRows::Row>& rows = entries->rows_;
  for (PersonIx p = 0; p < persons; ++p) {
    if (index.has_left(p)) continue;  // no grade to aim for with someone who left
    if (stated[p]) {
      for (RelationshipIx r : index.relationships_of_person(p)) {
        const v1::Grade desired = index.desired_grade(r);
        if (desired == v1::GRADE_UNSPECIFIED) continue;
        // The member's id is the relationship's team_member_id (it resolved to them), read from
        // the small team list rather than the relationship.
        rows.push_back({p, index.relationship_member(r), r, static_cast<uint8_t>(desired),
                        static_cast<uint8_t>(v1::DesiredGrade::STATED)});
      }
      continue;
    }
    std::string reason;
    if (derived[p] != v1::GRADE_UNSPECIFIED) {
      proposed_[p] = derived[p];
      reason = derived_reason[p];
    } else if (proposed_[p] == v1::TRUST) {
      reason = absl::StrCat(
          "among the ", trust_budget, " most important persons (importance ",
          absl::StrFormat("%.2f", importance[p]), ": ", ImportanceBasis(context, p),
          "); Trust costs the most to keep, so only a few relationships should aim for it");
    } else if (std::string need = OpportunityNeed(index, p); !need.empty()) {
      proposed_[p] = v1::OPEN;
      reason = absl::StrCat("needed to move an opportunity (", need,
                            "): at Open they hear our ideas and proposals");
    } else {
      proposed_[p] = v1::SATISFIED;
      reason =
          "Satisfied keeps the business we have at the lowest upkeep; a healthy map keeps "
          "everyone not needed for something specific there";
    }
    if (mentor_now[p] && best[p] > proposed_[p]) {
      proposed_[p] = best[p];
      absl::StrAppend(&reason, "; kept at their best grade today (", rules::GradeWord(best[p]),
                      "): a Mentor's relationship is never planned down");
    }
    rows.push_back({p, model::kNone, static_cast<int32_t>(entries->reasons_.size()),
                    static_cast<uint8_t>(proposed_[p]),
                    static_cast<uint8_t>(v1::DesiredGrade::PROPOSED)});
    entries->reasons_.push_back(std::move(reason));
  }
  rows.shrink_to_fit();  // held until the analysis is written: no growth slack
  entries->ids_ = model::IdViews(index);
}

namespace {

static_assert(v1::DesiredGrade::kPersonIdFieldNumber == 1 &&
              v1::DesiredGrade::kTeamMemberIdFieldNumber == 2 &&
              v1::DesiredGrade::kGradeFieldNumber == 3 && v1::DesiredGrade::kSourceFieldNumber == 4 &&
              v1::DesiredGrade::kReasonFieldNumber == 5);
constexpr int kDesiredGradesField = v1::Recommendations::kDesiredGradesFieldNumber;

}  // namespace

// A stated entry's reason: kStatedBefore, the relationship's position, kStatedAfter.
constexpr std::string_view kStatedBefore = "stated in the plan (relationships[";
constexpr std::string_view kStatedAfter = "].desired_grade)";

std::string_view DesiredGradeRows::Reason(const Row& row, std::string& scratch) const {
  if (row.source == v1::DesiredGrade::PROPOSED) return reasons_[row.relationship_or_reason];
  scratch.clear();
  absl::StrAppend(&scratch, absl::string_view(kStatedBefore.data(), kStatedBefore.size()),
                  row.relationship_or_reason,
                  absl::string_view(kStatedAfter.data(), kStatedAfter.size()));
  return scratch;
}

size_t DesiredGradeRows::ReasonSize(const Row& row) const {
  if (row.source == v1::DesiredGrade::PROPOSED) return reasons_[row.relationship_or_reason].size();
  size_t digits = 1;  // a relationship's position is never negative
  for (int32_t rest = row.relationship_or_reason; rest >= 10; rest /= 10) ++digits;
  return kStatedBefore.size() + digits + kStatedAfter.size();
}

size_t DesiredGradeRows::BodySize(const Row& row, size_t reason_size) const {
  return wire::StringSize(ids_.persons[row.person].size()) +
         (row.member == model::kNone ? 0 : wire::StringSize(ids_.members[row.member].size())) +
         wire::ScalarSize(row.grade) + wire::ScalarSize(row.source) + wire::StringSize(reason_size);
}

void DesiredGradeRows::WriteTo(google::protobuf::RepeatedPtrField<v1::DesiredGrade>* entries) const {
  entries->Reserve(entries->size() + static_cast<int>(rows_.size()));
  std::string scratch;
  for (const Row& row : rows_) {
    v1::DesiredGrade& entry = *entries->Add();
    const std::string_view person_id = ids_.persons[row.person];
    // Assigned in place: set_x(data, size) would copy through a temporary std::string.
    entry.mutable_person_id()->assign(person_id.data(), person_id.size());
    if (row.member != model::kNone) {
      const std::string_view member_id = ids_.members[row.member];
      entry.mutable_team_member_id()->assign(member_id.data(), member_id.size());
    }
    entry.set_grade(static_cast<v1::Grade>(row.grade));
    entry.set_source(static_cast<v1::DesiredGrade::Source>(row.source));
    const std::string_view reason = Reason(row, scratch);
    entry.mutable_reason()->assign(reason.data(), reason.size());
  }
}

size_t DesiredGradeRows::WireSize() const {
  size_t size = 0;
  for (const Row& row : rows_) size += wire::DelimitedSize(BodySize(row, ReasonSize(row)));
  return size;
}

uint8_t* DesiredGradeRows::WriteWire(uint8_t* target) const {
  std::string scratch;
  for (const Row& row : rows_) {
    const std::string_view reason = Reason(row, scratch);
    target = wire::WriteDelimitedHead(kDesiredGradesField, BodySize(row, reason.size()), target);
    target = wire::WriteString(1, ids_.persons[row.person], target);
    if (row.member != model::kNone) target = wire::WriteString(2, ids_.members[row.member], target);
    target = wire::WriteScalar(3, row.grade, target);
    target = wire::WriteScalar(4, row.source, target);
    target = wire::WriteString(5, reason, target);
  }
  return target;
}

v1::Grade GradeForLevel(v1::RelationshipLevel level) {
  switch (level) {
    case v1::TRUSTED_ADVISOR: return v1::TRUST;
    case v1::PROBLEM_SOLVER: return v1::OPEN;
    case v1::CREDIBLE_SOURCE:
    case v1::VENDOR: return v1::SATISFIED;
    default: return v1::GRADE_UNSPECIFIED;
  }
}

v1::Grade DesiredGrades::CellTarget(RelationshipIx r) const {
  const v1::Grade stated = index_.desired_grade(r);
  if (stated != v1::GRADE_UNSPECIFIED) return stated;
  const PersonIx p = index_.relationship_person(r);
  if (lead_cell_[p] == r && proposed_[p] != v1::GRADE_UNSPECIFIED) return proposed_[p];
  return v1::SATISFIED;
}

}  // namespace contactplan::recommend
