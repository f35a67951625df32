#include "model/plan_index.h"

#include <algorithm>
#include <array>
#include <utility>

#include "base/stable_sort.h"
#include "model/grade_history.h"
#include "model/time.h"

namespace contactplan::model {

template <typename T>
Adjacency<T> Adjacency<T>::Build(int32_t keys, const std::vector<std::pair<int32_t, T>>& pairs) {
  return Group(
      keys, static_cast<int32_t>(pairs.size()), [&](int32_t i) { return pairs[i].first; },
      [&](int32_t i) { return pairs[i].second; });
}

template class Adjacency<int32_t>;
template class Adjacency<Participation>;

namespace {

void Later(std::optional<absl::Time>& latest, bool present,
           const google::protobuf::Timestamp& ts) {
  if (auto t = ToTime(present, ts); t && (!latest || *t > *latest)) latest = t;
}

void Later(std::optional<absl::Time>& latest, const PlanTime& time) {
  if (auto t = ToTime(time); t && (!latest || *t > *latest)) latest = t;
}

}  // namespace

PlanIndex::PlanIndex(const v1::Plan& plan, std::optional<absl::Time> as_of)
    : PlanIndex(plan, std::make_unique<const RelationshipTable>(RelationshipTable::FromPlan(plan)),
                as_of) {}

PlanIndex::PlanIndex(const v1::Plan& plan, std::unique_ptr<const RelationshipTable> owned,
                     std::optional<absl::Time> as_of)
    : PlanIndex(plan, *owned, ResolveIds(plan, *owned), as_of) {
  owned_relationships_ = std::move(owned);
}

PlanIndex::PlanIndex(const v1::Plan& plan, const RelationshipTable& relationship_rows,
                     ResolvedIds ids, std::optional<absl::Time> as_of)
    : plan_(plan), relationships_(relationship_rows), ids_(std::move(ids)) {
  const int32_t persons = plan.persons_size();
  const int32_t members = plan.team_members_size();
  const int32_t relationships = relationship_rows.size();

  // Time first: who has left depends on "now", and everything below on who has left.
  touch_slot_.assign(relationships, kNone);
  drop_slot_.assign(relationships, kNone);
  grades_.resize(relationships);
  desired_grades_.resize(relationships);
  std::vector<std::pair<absl::Time, v1::Touch::Direction>> dated;
  // The latest of the rows' own times, compared as (seconds, nanos) and made an absl::Time once
  // after the loop: a validated plan's nanos are within a second, so that order is time order.
  PlanTime latest_row_time;
  const auto later_row_time = [&latest_row_time](const PlanTime& time) {
    const PlanTime& latest = latest_row_time;
    if (time.present && (!latest.present || time.seconds > latest.seconds ||
                         (time.seconds == latest.seconds && time.nanos > latest.nanos))) {
      latest_row_time = time;
    }
  };
  for (RelationshipIx r = 0; r < relationships; ++r) {
    const RelationshipRow& rel = relationship_rows[r];
    grades_[r] = static_cast<uint8_t>(rel.grade);
    desired_grades_[r] = static_cast<uint8_t>(rel.desired_grade);
    later_row_time(rel.assessed_at);
    later_row_time(rel.last_contact_at);
    const std::span<const GradeChangeRow> history = relationship_rows.history(r);
    for (const GradeChangeRow& change : history) later_row_time(change.at);
    dated.clear();
    for (const TouchRow& touch : relationship_rows.touches(r)) {
      if (!touch.at.present) continue;
      dated.emplace_back(*ToTime(touch.at), static_cast<v1::Touch::Direction>(touch.direction));
    }
    TouchSummary summary;
    // Touches come in any order; the latest ones decide. Stable, so equal times keep plan order.
    StableSort(dated.begin(), dated.end(),
               [](const auto& a, const auto& b) { return a.first < b.first; });
    summary.touches = static_cast<int32_t>(dated.size());
    for (const auto& [at, direction] : dated) {
      summary.last_touch = at;
      if (direction == v1::Touch::INBOUND || direction == v1::Touch::TWO_WAY) {
        summary.last_inbound = at;
      }
      summary.trailing_outbound = direction == v1::Touch::OUTBOUND ? summary.trailing_outbound + 1 : 0;
    }
    if (summary.last_touch && (!latest_time_ || *summary.last_touch > *latest_time_)) {
      latest_time_ = summary.last_touch;
    }
    if (summary.touches > 0) {
      touch_slot_[r] = static_cast<int32_t>(touch_summaries_.size());
      touch_summaries_.push_back(summary);
    }
    if (const std::optional<GradeChangeSeen> change = LatestGradeChange(rel.grade, rel.assessed_at, history);
        change && change->is_drop() && change->at) {
      drop_slot_[r] = static_cast<int32_t>(drops_.size());
      drops_.push_back(*change);
    }
  }
  Later(latest_time_, latest_row_time);
  for (const v1::Person& person : plan.persons()) {
    Later(latest_time_, person.has_left_at(), person.left_at());
    for (const auto& answer : person.nps_answers()) {
      Later(latest_time_, answer.has_answered_at(), answer.answered_at());
    }
  }
  for (const v1::TeamMember& member : plan.team_members()) {
    Later(latest_time_, member.has_left_at(), member.left_at());
  }
  for (const v1::Opportunity& opportunity : plan.opportunities()) {
    Later(latest_time_, opportunity.has_expected_close_at(), opportunity.expected_close_at());
  }
  for (const v1::BlueprintEntry& entry : plan.blueprint()) {
    for (const auto& tactic : entry.tactics()) Later(latest_time_, tactic.has_due_at(), tactic.due_at());
  }
  now_ = as_of ? as_of
               : (plan.has_as_of() ? ToTime(true, plan.as_of()) : latest_time_);
  const auto left = [this](bool present, const google::protobuf::Timestamp& left_at) {
    return present && (!now_ || *ToTime(true, left_at) <= *now_);
  };
  person_left_.assign(persons, false);
  person_ids_.reserve(persons);
  for (const v1::Person& person : plan.persons()) person_ids_.emplace_back(person.id());
  member_ids_.reserve(members);
  for (const v1::TeamMember& member : plan.team_members()) member_ids_.emplace_back(member.id());
  std::vector<std::pair<int32_t, PersonIx>> predecessor_pairs;
  for (PersonIx p = 0; p < persons; ++p) {
    const v1::Person& person = plan.persons(p);
    person_left_[p] = left(person.has_left_at(), person.left_at());
    if (!person_left_[p]) ++present_persons_;
    const PersonIx successor = ids_.successor(p);
    if (successor != kNone && successor != p) predecessor_pairs.emplace_back(successor, p);
  }
  predecessors_ = Adjacency<PersonIx>::Build(persons, predecessor_pairs);
  member_left_.assign(members, false);
  for (MemberIx m = 0; m < members; ++m) {
    member_left_[m] = left(plan.team_members(m).has_left_at(), plan.team_members(m).left_at());
    if (!member_left_[m]) ++present_members_;
  }

  // The contact map: relationships grouped by person and by team member from one byte of status
  // each (both ends resolved, neither has left, graded), worked out once from the resolved ends
  // and the grade column, without reading a message.
  enum : uint8_t { kResolved = 1, kPresent = 2, kGraded = 4 };
  std::vector<uint8_t> status(relationships, 0);
  for (RelationshipIx r = 0; r < relationships; ++r) {
    const PersonIx p = ids_.relationship_person(r);
    const MemberIx m = ids_.relationship_member(r);
    if (p == kNone || m == kNone) continue;  // not reachable for a validated plan
    status[r] = kResolved | (person_left_[p] || member_left_[m] ? 0 : kPresent) |
                (grades_[r] != v1::GRADE_UNSPECIFIED ? kGraded : 0);
    if ((status[r] & (kPresent | kGraded)) == (kPresent | kGraded)) {
      graded_.push_back(r);
      if (grades_[r] < 8) ++grade_counts_[grades_[r]];
    }
  }
  // The relationships grouped under their person and under their team member three ways each: the
  // present ones, the present graded ones, and all graded ones (whoever has left). A relationship
  // is in a grouping when its status has every bit of the grouping's mask.
  constexpr std::array<uint8_t, 3> kGroupings = {kPresent, kPresent | kGraded, kResolved | kGraded};
  const auto in_grouping = [&status, &kGroupings](RelationshipIx r, size_t g) {
    return (status[r] & kGroupings[g]) == kGroupings[g];
  };
  const auto itself = [](RelationshipIx r) { return r; };
  // status is 0 for an unresolved end, which no grouping's mask matches: the key never misses.
  std::array<Adjacency<RelationshipIx>, 3> by_person = Adjacency<RelationshipIx>::GroupEach<3>(
      persons, relationships,
      [&](RelationshipIx r) { return status[r] != 0 ? ids_.relationship_person(r) : kNone; },
      in_grouping, itself);
  std::array<Adjacency<RelationshipIx>, 3> by_member = Adjacency<RelationshipIx>::GroupEach<3>(
      members, relationships,
      [&](RelationshipIx r) { return status[r] != 0 ? ids_.relationship_member(r) : kNone; },
      in_grouping, itself);
  by_person_ = std::move(by_person[0]);
  graded_by_person_ = std::move(by_person[1]);
  all_graded_by_person_ = std::move(by_person[2]);
  by_member_ = std::move(by_member[0]);
  graded_by_member_ = std::move(by_member[1]);
  all_graded_by_member_ = std::move(by_member[2]);

  // The org chart, influence, buyer roles and NPS.
  buyer_roles_.assign(persons, 0);
  latest_nps_.assign(persons, nullptr);
  std::vector<std::pair<int32_t, PersonIx>> report_pairs, influencer_pairs, influenced_pairs;
  for (PersonIx p = 0; p < persons; ++p) {
    const v1::Person& person = plan.persons(p);
    if (ids_.manager(p) != kNone) report_pairs.emplace_back(ids_.manager(p), p);
    for (int32_t j = 0; j < person.influences_size(); ++j) {
      const PersonIx target = ids_.influence_target(p, j);
      if (target == kNone) continue;
      influencer_pairs.emplace_back(target, p);
      influenced_pairs.emplace_back(p, target);
    }
    for (int role : person.buyer_roles()) {
      if (role > 0 && role < 32) buyer_roles_[p] |= 1u << role;
    }
    const v1::NpsAnswer* latest = nullptr;
    for (const auto& answer : person.nps_answers()) {
      const auto when = [](const v1::NpsAnswer& a) {
        return ToTime(a.has_answered_at(), a.answered_at()).value_or(absl::InfinitePast());
      };
      if (latest == nullptr || !(when(answer) < when(*latest))) {
        latest = &answer;
      }
    }
    latest_nps_[p] = latest;
  }
  reports_ = Adjacency<PersonIx>::Build(persons, report_pairs);
  influencers_ = Adjacency<PersonIx>::Build(persons, influencer_pairs);
  influenced_ = Adjacency<PersonIx>::Build(persons, influenced_pairs);

  // Opportunities: who takes part in the open ones.
  std::vector<std::pair<int32_t, Participation>> participation_pairs;
  for (OpportunityIx o = 0; o < plan.opportunities_size(); ++o) {
    const v1::Opportunity& opportunity = plan.opportunities(o);
    if (opportunity.closed()) continue;
    for (int32_t i = 0; i < opportunity.participants_size(); ++i) {
      const PersonIx p = ids_.participant_person(o, i);
      if (p != kNone) participation_pairs.emplace_back(p, Participation{o, i});
    }
  }
  participations_ = Adjacency<Participation>::Build(persons, participation_pairs);

  // Who matters, who is key.
  matters_.assign(persons, false);
  key_.assign(persons, false);
  for (PersonIx p = 0; p < persons; ++p) {
    const v1::Person& person = plan.persons(p);
    bool buying_role = false;
    bool decides = false;
    for (const Participation& part : participations_[p]) {
      const auto role = plan.opportunities(part.opportunity).participants(part.participant).buying_role();
      if (role != v1::Participant::BUYING_ROLE_UNSPECIFIED) buying_role = true;
      if (role == v1::Participant::DECISION_MAKER || role == v1::Participant::APPROVER) decides = true;
    }
    if (person_left_[p]) continue;  // a person who left matters to no rule but those about leaving
    matters_[p] = person.key() || buyer_roles_[p] != 0 || buying_role;
    key_[p] = person.key() || has_buyer_role(p, v1::Person::POWER) || decides ||
              person.level() == v1::EXECUTIVE;
  }

  // The blueprint.
  std::vector<std::pair<int32_t, int32_t>> blueprint_pairs;
  for (int32_t b = 0; b < plan.blueprint_size(); ++b) {
    const PersonIx p = ids_.blueprint_person(b);
    if (p != kNone) blueprint_pairs.emplace_back(p, b);
  }
  blueprint_by_person_ = Adjacency<int32_t>::Build(persons, blueprint_pairs);
}

PersonIx PlanIndex::FindPerson(std::string_view id) const { return ids_.FindPerson(id); }
MemberIx PlanIndex::FindMember(std::string_view id) const { return ids_.FindMember(id); }
OpportunityIx PlanIndex::FindOpportunity(std::string_view id) const {
  return ids_.FindOpportunity(id);
}
RelationshipIx PlanIndex::FindCell(MemberIx m, PersonIx p) const { return ids_.FindCell(m, p); }

}  // namespace contactplan::model
