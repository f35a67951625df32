#include "model/resolved_ids.h"

#include <utility>

#include "model/relationship_table.h"

namespace contactplan::model {
namespace {

// A (member, person) intersection as one key; both positions are at least 0.
uint64_t CellKey(MemberIx m, PersonIx p) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(m)) << 32) | static_cast<uint32_t>(p);
}

// Fills `table` with the first position of each non-empty id of `entities`, listing the later
// holders of an id in `repeats`.
template <typename Entities>
void TableIds(const Entities& entities, absl::flat_hash_map<absl::string_view, int32_t>& table,
              std::vector<Repeat>& repeats) {
  table.reserve(entities.size());
  for (int32_t i = 0; i < entities.size(); ++i) {
    const std::string& id = entities.Get(i).id();
    if (id.empty()) continue;
    const auto [it, first] = table.try_emplace(id, i);
    if (!first) repeats.push_back({i, it->second});
  }
}

// Resolves the references nested in each parent (a person's influences, an opportunity's
// participants, a blueprint entry's tactics) into one flat list: the j-th reference of parent i is
// flat[start[i] + j], and start[parents] closes the last.
template <typename Parents, typename Nested, typename Resolve>
void ResolveNested(const Parents& parents, Nested nested, Resolve resolve,
                   std::vector<int32_t>& start, std::vector<int32_t>& flat) {
  size_t total = 0;
  for (const auto& parent : parents) total += nested(parent).size();
  flat.reserve(total);
  start.reserve(static_cast<size_t>(parents.size()) + 1);
  for (const auto& parent : parents) {
    start.push_back(static_cast<int32_t>(flat.size()));
    for (const auto& reference : nested(parent)) flat.push_back(resolve(reference));
  }
  start.push_back(static_cast<int32_t>(flat.size()));
}

}  // namespace

RelationshipIx ResolvedIds::FindCell(MemberIx m, PersonIx p) const {
  const auto it = cells_.find(CellKey(m, p));
  return it == cells_.end() ? kNone : it->second;
}

ResolvedIds ResolveIds(const v1::Plan& plan) {
  return ResolveIds(plan, RelationshipTable::FromPlan(plan));
}

ResolvedIds ResolveIds(const v1::Plan& plan, const RelationshipTable& relationship_rows) {
  ResolvedIds ids;
  TableIds(plan.team_members(), ids.member_ids_, ids.repeated_member_ids_);
  TableIds(plan.persons(), ids.person_ids_, ids.repeated_person_ids_);
  TableIds(plan.opportunities(), ids.opportunity_ids_, ids.repeated_opportunity_ids_);
  // An empty reference is never looked up: no table holds the empty id.
  const auto person = [&ids](std::string_view id) {
    return id.empty() ? kNone : ResolvedIds::Find(ids.person_ids_, id);
  };
  const auto member = [&ids](std::string_view id) {
    return id.empty() ? kNone : ResolvedIds::Find(ids.member_ids_, id);
  };

  const int32_t persons = plan.persons_size();
  ids.manager_.resize(persons);
  ids.successor_.resize(persons);
  for (PersonIx p = 0; p < persons; ++p) {
    ids.manager_[p] = person(plan.persons(p).reports_to_id());
    ids.successor_[p] = person(plan.persons(p).successor_id());
  }
  ResolveNested(
      plan.persons(), [](const v1::Person& p) -> const auto& { return p.influences(); },
      [&](const v1::InfluenceLink& link) { return person(link.person_id()); },
      ids.influence_start_, ids.influence_target_);

  const int32_t relationships = relationship_rows.size();
  ids.relationship_person_.resize(relationships);
  ids.relationship_member_.resize(relationships);
  ids.cells_.reserve(relationships);
  // Contact maps usually list a person's (or a member's) relationships together, as the CSV grid
  // and CRM exports do: an end that names the same id as the relationship before reuses its
  // position instead of hashing the id again.
  std::string_view last_member_id;
  std::string_view last_person_id;
  MemberIx last_m = kNone;
  PersonIx last_p = kNone;
  for (RelationshipIx r = 0; r < relationships; ++r) {
    const RelationshipRow& relationship = relationship_rows[r];
    const std::string_view member_id = relationship.team_member_id;
    const std::string_view person_id = relationship.person_id;
    // (The first row compares with an empty view: an empty id resolves to kNone either way.)
    const MemberIx m = member_id == last_member_id ? last_m : member(member_id);
    const PersonIx p = person_id == last_person_id ? last_p : person(person_id);
    last_member_id = member_id;
    last_person_id = person_id;
    last_m = m;
    last_p = p;
    ids.relationship_member_[r] = m;
    ids.relationship_person_[r] = p;
    if (m == kNone || p == kNone) continue;
    const auto [it, first] = ids.cells_.try_emplace(CellKey(m, p), r);
    if (!first) ids.repeated_cells_.push_back({r, it->second});
  }

  ResolveNested(
      plan.opportunities(),
      [](const v1::Opportunity& o) -> const auto& { return o.participants(); },
      [&](const v1::Participant& participant) { return person(participant.person_id()); },
      ids.participant_start_, ids.participant_person_);

  const int32_t entries = plan.blueprint_size();
  ids.blueprint_person_.resize(entries);
  ids.blueprint_member_.resize(entries);
  for (int32_t b = 0; b < entries; ++b) {
    ids.blueprint_person_[b] = person(plan.blueprint(b).person_id());
    ids.blueprint_member_[b] = member(plan.blueprint(b).team_member_id());
  }
  ResolveNested(
      plan.blueprint(), [](const v1::BlueprintEntry& b) -> const auto& { return b.tactics(); },
      [&](const v1::Tactic& tactic) { return member(tactic.owner_id()); }, ids.tactic_start_,
      ids.tactic_owner_);
  return ids;
}

}  // namespace contactplan::model
