// The plan index: a validated plan with every id resolved once and every adjacency built once, so
// the rule families, scores and recommendations never look anything up by scanning a list.
#ifndef CONTACTPLAN_SRC_MODEL_PLAN_INDEX_H_
#define CONTACTPLAN_SRC_MODEL_PLAN_INDEX_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "contactplan/v1/plan.pb.h"
#include "model/grade_history.h"
#include "model/relationship_table.h"
#include "model/resolved_ids.h"
#include "model/time.h"

namespace contactplan::model {

// PersonIx, MemberIx, RelationshipIx, OpportunityIx and kNone: model/resolved_ids.h.

// A person's part in an open opportunity.
struct Participation {
  OpportunityIx opportunity;
  int32_t participant;  // position in the opportunity's participants
};

// What the recorded touches of one relationship say (docs/time.md).
struct TouchSummary {
  int32_t touches = 0;                       // recorded touches with a date
  int32_t trailing_outbound = 0;             // how many of the latest touches in a row are OUTBOUND
  std::optional<absl::Time> last_touch;      // the latest
  std::optional<absl::Time> last_inbound;    // the latest INBOUND or TWO_WAY
};  // the counts side by side, so no padding between them (one per relationship)

// Compressed adjacency: the values of key k are values[offsets[k] .. offsets[k+1]).
template <typename T>
class Adjacency {
 public:
  std::span<const T> operator[](int32_t k) const {
    return {values_.data() + offsets_[k], values_.data() + offsets_[k + 1]};
  }
  // Builds from (key, value) pairs; values keep the pairs' order within a key.
  static Adjacency Build(int32_t keys, const std::vector<std::pair<int32_t, T>>& pairs);
  // Groups value_of(i) for the items i = 0..count-1 whose key_of(i) is a key (kNone: left out)
  // under that key, in item order: a counting sort, two passes over the items and no list of
  // pairs in between. GroupEach with a single grouping.
  template <typename KeyOf, typename ValueOf>
  static Adjacency Group(int32_t keys, int32_t count, KeyOf key_of, ValueOf value_of) {
    const auto every = [](int32_t, size_t) { return true; };
    return std::move(GroupEach<1>(keys, count, key_of, every, value_of)[0]);
  }
  // N groupings of the same items under the same keys at once, item i belonging to grouping g
  // when in_group(i, g): one counting pass and one filling pass for all N, each item's key worked
  // out once per pass (the contact map groups its relationships three ways by person and three by
  // team member).
  template <size_t N, typename KeyOf, typename InGroup, typename ValueOf>
  static std::array<Adjacency, N> GroupEach(int32_t keys, int32_t count, KeyOf key_of,
                                            InGroup in_group, ValueOf value_of) {
    std::array<Adjacency, N> adj;
    for (Adjacency& a : adj) a.offsets_.assign(static_cast<size_t>(keys) + 1, 0);
    for (int32_t i = 0; i < count; ++i) {
      const int32_t k = key_of(i);
      if (k == kNone) continue;
      for (size_t g = 0; g < N; ++g) adj[g].offsets_[k + 1] += in_group(i, g) ? 1 : 0;
    }
    std::array<std::vector<int32_t>, N> next;
    for (size_t g = 0; g < N; ++g) {
      std::vector<int32_t>& offsets = adj[g].offsets_;
      for (int32_t k = 0; k < keys; ++k) offsets[k + 1] += offsets[k];
      adj[g].values_.resize(offsets[keys]);
      next[g].assign(offsets.begin(), offsets.end() - 1);
    }
    for (int32_t i = 0; i < count; ++i) {
      const int32_t k = key_of(i);
      if (k == kNone) continue;
      for (size_t g = 0; g < N; ++g) {
        if (in_group(i, g)) adj[g].values_[next[g][k]++] = value_of(i);
      }
    }
    return adj;
  }

 private:
  std::vector<int32_t> offsets_;
  std::vector<T> values_;
};

// Read-only after construction; safe to share between threads. Holds a reference to the plan, which
// must outlive the index. The plan's relationships are read from a RelationshipTable (the plan's
// relationships as rows), never from plan.relationships(): a plan read from binary bytes has its
// relationships only as rows. The plan must have passed validation (ids unique, references resolve, no
// reports-to cycle): the index does not re-check.
//
// People who have left (docs/time.md) are resolved here, once: their relationships are left out of
// every graded/relationship list below except the all_graded_of_* ones, and they neither matter nor
// are key, so the web, scores, coverage, rules and recommendations skip them through the index.
class PlanIndex {
 public:
  // `as_of` is the analysis option "now" (nullopt: not given); now() resolves it (see below).
  // `relationships` are the plan's relationships as rows, which must outlive the index. `ids` are
  // the plan's ids as validation resolved them (ResolveIds(plan, relationships)): the index keeps
  // them and hashes no id again.
  PlanIndex(const v1::Plan& plan, const RelationshipTable& relationships, ResolvedIds ids,
            std::optional<absl::Time> as_of = std::nullopt);
  // For a plan whose relationships are its messages and whose ids no one has resolved yet (tests,
  // views of an analysed plan): the index builds the rows, keeps them, and resolves the ids.
  explicit PlanIndex(const v1::Plan& plan, std::optional<absl::Time> as_of = std::nullopt);
  PlanIndex(const PlanIndex&) = delete;
  PlanIndex& operator=(const PlanIndex&) = delete;

  const v1::Plan& plan() const { return plan_; }
  int32_t person_count() const { return plan_.persons_size(); }
  int32_t member_count() const { return plan_.team_members_size(); }
  const v1::Person& person(PersonIx p) const { return plan_.persons(p); }
  const v1::TeamMember& member(MemberIx m) const { return plan_.team_members(m); }
  // The plan's relationships as rows: relationships()[r], its history(r) and touches(r).
  const RelationshipTable& relationships() const { return relationships_; }
  int32_t relationship_count() const { return relationships_.size(); }

  // The ids of person p and team member m, from dense columns (views of the plan's strings): a
  // writer that names people in an order of its own reads one array instead of chasing each
  // message.
  std::string_view person_id(PersonIx p) const { return person_ids_[p]; }
  std::string_view member_id(MemberIx m) const { return member_ids_[m]; }

  // Id lookups; kNone when absent.
  PersonIx FindPerson(std::string_view id) const;
  MemberIx FindMember(std::string_view id) const;
  OpportunityIx FindOpportunity(std::string_view id) const;
  // The relationship for a (member, person) cell; kNone when the plan has none (a blank cell).
  RelationshipIx FindCell(MemberIx m, PersonIx p) const;

  // Resolved ends of relationship r.
  PersonIx relationship_person(RelationshipIx r) const { return ids_.relationship_person(r); }
  MemberIx relationship_member(RelationshipIx r) const { return ids_.relationship_member(r); }
  // The grade of relationship r, from a dense column: rules and recommendations read grades in
  // person, member or ranking order, and on a large account each read through the message was a
  // pointer chase into a plan far larger than the caches.
  v1::Grade grade(RelationshipIx r) const { return static_cast<v1::Grade>(grades_[r]); }
  // The desired grade relationship r states (GRADE_UNSPECIFIED: none), from a byte column read in
  // the same pass as the grades: the desired grades and every cell's target read it per cell.
  v1::Grade desired_grade(RelationshipIx r) const {
    return static_cast<v1::Grade>(desired_grades_[r]);
  }

  // "Now": `as_of` of the constructor, else the plan's as_of, else the latest timestamp in the plan;
  // nullopt when the plan has no time at all.
  std::optional<absl::Time> now() const { return now_; }

  // Left: `left_at` is set and at or before now (any `left_at` counts without a now).
  bool has_left(PersonIx p) const { return person_left_[p]; }
  bool member_has_left(MemberIx m) const { return member_left_[m]; }
  // Persons and team members who have not left: the account as it stands, for shares and counts.
  int32_t present_person_count() const { return present_persons_; }
  int32_t present_member_count() const { return present_members_; }
  // A departure announced: `left_at` is after now (not yet left; still counts as present).
  bool leaving_later(PersonIx p) const { return !person_left_[p] && plan_.persons(p).has_left_at(); }
  bool member_leaving_later(MemberIx m) const {
    return !member_left_[m] && plan_.team_members(m).has_left_at();
  }
  // True when either end of relationship r has left.
  bool relationship_departed(RelationshipIx r) const {
    const PersonIx p = ids_.relationship_person(r);
    const MemberIx m = ids_.relationship_member(r);
    return p == kNone || m == kNone || person_left_[p] || member_left_[m];
  }
  // The successor named by a person (kNone when none) and the persons who named p as theirs.
  PersonIx successor(PersonIx p) const { return ids_.successor(p); }
  std::span<const PersonIx> predecessors(PersonIx p) const { return predecessors_[p]; }

  // The last contact of relationship r: last_contact_at, else its latest touch; nullopt with neither.
  // Worked out from the row on each call, not held per relationship (3.2 MB on a large account).
  std::optional<absl::Time> last_contact(RelationshipIx r) const {
    const RelationshipRow& row = relationships_[r];
    return row.last_contact_at.present ? ToTime(row.last_contact_at) : touch_summary(r).last_touch;
  }
  // When relationship r's grade was last checked or acted on: the later of its assessed_at and
  // last_contact(r); nullopt with neither. STALE_ASSESSMENT and the confidence score read it for
  // every graded cell: from the row, with no message to chase.
  std::optional<absl::Time> last_evidence(RelationshipIx r) const {
    const std::optional<absl::Time> assessed = ToTime(relationships_[r].assessed_at);
    const std::optional<absl::Time> contact = last_contact(r);
    if (!assessed) return contact;
    if (!contact) return assessed;
    return std::max(*assessed, *contact);
  }
  // The touches of relationship r, summarised (touches without `at` are not counted).
  const TouchSummary& touch_summary(RelationshipIx r) const {
    static constexpr TouchSummary kNoTouches;
    const int32_t slot = touch_slot_[r];
    return slot == kNone ? kNoTouches : touch_summaries_[slot];
  }
  // Whether relationship r's latest grade change is a drop dated within `window` before `now`
  // (model::LatestGradeChange, docs/time.md#grade-history), from the history read once here: GRADE_FALLING,
  // the key intersections' urgency and the drift forecast all ask it of every cell.
  bool fell_within(RelationshipIx r, absl::Time now, absl::Duration window) const {
    const int32_t slot = drop_slot_[r];
    if (slot == kNone) return false;
    const absl::Time at = *drops_[slot].at;
    return at <= now && now - at <= window;
  }
  // Relationship r's latest grade change when it is a dated drop (from, to and its date); null
  // otherwise.
  const GradeChangeSeen* latest_drop(RelationshipIx r) const {
    const int32_t slot = drop_slot_[r];
    return slot == kNone ? nullptr : &drops_[slot];
  }

  // All relationships of a person / team member (blank included), in plan order; relationships with
  // someone who has left are not listed.
  std::span<const RelationshipIx> relationships_of_person(PersonIx p) const { return by_person_[p]; }
  std::span<const RelationshipIx> relationships_of_member(MemberIx m) const { return by_member_[m]; }
  // Only the graded ones (grade set), in plan order; none with someone who has left.
  std::span<const RelationshipIx> graded_of_person(PersonIx p) const { return graded_by_person_[p]; }
  std::span<const RelationshipIx> graded_of_member(MemberIx m) const { return graded_by_member_[m]; }
  // Every graded relationship of a person / team member, those with someone who has left included
  // (for the rules and recommendations about leaving), in plan order.
  std::span<const RelationshipIx> all_graded_of_person(PersonIx p) const {
    return all_graded_by_person_[p];
  }
  std::span<const RelationshipIx> all_graded_of_member(MemberIx m) const {
    return all_graded_by_member_[m];
  }
  // All graded relationships between people who have not left, in plan order.
  std::span<const RelationshipIx> graded() const { return graded_; }
  // Count of graded intersections per grade (index = Grade value), as graded().
  int32_t grade_count(v1::Grade g) const { return grade_counts_[g]; }

  // Org chart: the person's manager (kNone at the top), direct reports, informal influence.
  PersonIx manager(PersonIx p) const { return ids_.manager(p); }
  std::span<const PersonIx> direct_reports(PersonIx p) const { return reports_[p]; }
  // Persons who informally influence p / whom p influences.
  std::span<const PersonIx> influencers_of(PersonIx p) const { return influencers_[p]; }
  std::span<const PersonIx> influenced_by(PersonIx p) const { return influenced_[p]; }

  bool has_buyer_role(PersonIx p, v1::Person::BuyerRole role) const {
    return (buyer_roles_[p] >> role) & 1u;
  }
  // The person's parts in open (not closed) opportunities, in plan order (also for a person who left).
  std::span<const Participation> open_participations(PersonIx p) const { return participations_[p]; }
  // A person matters if marked key, holds a buyer role, or has a buying role in an open opportunity.
  bool matters(PersonIx p) const { return matters_[p]; }
  // A person is key if marked key, holds POWER, is DECISION_MAKER/APPROVER in an open opportunity,
  // or is at EXECUTIVE level.
  bool is_key(PersonIx p) const { return key_[p]; }

  // The person's latest NPS answer (by answered_at; the later one in the list on ties), or null.
  const v1::NpsAnswer* latest_nps(PersonIx p) const { return latest_nps_[p]; }

  // Blueprint entries about person p, in plan order.
  std::span<const int32_t> blueprint_of_person(PersonIx p) const { return blueprint_by_person_[p]; }

  // The latest timestamp anywhere in the plan (as_of not included; touches and left_at included);
  // nullopt when there is none.
  std::optional<absl::Time> latest_time() const { return latest_time_; }

 private:
  PlanIndex(const v1::Plan& plan, std::unique_ptr<const RelationshipTable> owned,
            std::optional<absl::Time> as_of);

  const v1::Plan& plan_;
  // The rows built for a plan given without them (the second constructor); null otherwise.
  std::unique_ptr<const RelationshipTable> owned_relationships_;
  const RelationshipTable& relationships_;
  // The id tables and every reference resolved: manager, successor and the ends of relationships
  // are read from here.
  ResolvedIds ids_;
  Adjacency<RelationshipIx> by_person_, by_member_, graded_by_person_, graded_by_member_,
      all_graded_by_person_, all_graded_by_member_;
  std::optional<absl::Time> now_;
  std::vector<bool> person_left_, member_left_;
  int32_t present_persons_ = 0, present_members_ = 0;
  Adjacency<PersonIx> predecessors_;
  // The summaries of the relationships with dated touches: touch_summaries_[touch_slot_[r]], with
  // touch_slot_[r] kNone for a relationship without (most maps record touches for few cells).
  std::vector<int32_t> touch_slot_;
  std::vector<TouchSummary> touch_summaries_;
  // Each relationship's latest grade change when it is a dated drop: drops_[slot], with
  // drop_slot_[r] the slot (kNone without one). Most relationships never dropped, so 4 bytes each.
  std::vector<int32_t> drop_slot_;
  std::vector<GradeChangeSeen> drops_;
  std::vector<RelationshipIx> graded_;
  std::vector<uint8_t> grades_;  // per relationship; every Grade value fits a byte
  std::vector<uint8_t> desired_grades_;  // per relationship, as grades_
  std::vector<std::string_view> person_ids_, member_ids_;
  int32_t grade_counts_[8] = {};
  Adjacency<PersonIx> reports_, influencers_, influenced_;
  std::vector<uint32_t> buyer_roles_;
  Adjacency<Participation> participations_;
  std::vector<bool> matters_, key_;
  std::vector<const v1::NpsAnswer*> latest_nps_;
  Adjacency<int32_t> blueprint_by_person_;
  std::optional<absl::Time> latest_time_;
};

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_PLAN_INDEX_H_
