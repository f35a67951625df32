#include "model/resolved_ids.h"

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "base/same_text.h"
#include "model/relationship_table.h"

namespace contactplan::model {
namespace {

// Fills `table` with the first position of each non-empty id of `entities`, listing the later
// holders of an id in `repeats`.
template <typename Entities, typename IdTable>
void TableIds(const Entities& entities, IdTable& table,
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
  if (p < 0 || p + 1 >= static_cast<PersonIx>(cell_start_.size())) return kNone;
  const auto begin = cell_member_.begin() + cell_start_[p];
  const auto end = cell_member_.begin() + cell_start_[p + 1];
  const auto at = std::lower_bound(begin, end, m);
  return at != end && *at == m ? cell_relationship_[at - cell_member_.begin()] : kNone;
}

void ResolvedIds::IndexCells(int32_t persons) {
  // A counting sort by person (stable: plan order within a person), then each person's few
  // relationships ordered by member.
  cell_start_.assign(static_cast<size_t>(persons) + 1, 0);
  const auto relationships = static_cast<RelationshipIx>(relationship_person_.size());
  for (RelationshipIx r = 0; r < relationships; ++r) {
    if (relationship_member_[r] != kNone && relationship_person_[r] != kNone) {
      ++cell_start_[relationship_person_[r] + 1];
    }
  }
  for (int32_t p = 0; p < persons; ++p) cell_start_[p + 1] += cell_start_[p];
  cell_member_.resize(cell_start_[persons]);
  cell_relationship_.resize(cell_start_[persons]);
  {
    std::vector<int32_t> next(cell_start_.begin(), cell_start_.end() - 1);
    for (RelationshipIx r = 0; r < relationships; ++r) {
      const MemberIx m = relationship_member_[r];
      const PersonIx p = relationship_person_[r];
      if (m == kNone || p == kNone) continue;
      const int32_t at = next[p]++;
      cell_member_[at] = m;
      cell_relationship_[at] = r;
    }
  }
  std::vector<std::pair<MemberIx, RelationshipIx>> many;  // a person with many relationships
  for (PersonIx p = 0; p < persons; ++p) {
    // Ordered by member, then plan order (the order they are in): an insertion sort for the few
    // relationships most persons hold, a sort of (member, relationship) pairs beyond that, so that
    // a person holding thousands stays n log n.
    const int32_t begin = cell_start_[p];
    const int32_t end = cell_start_[p + 1];
    constexpr int32_t kFew = 16;
    if (end - begin <= kFew) {
      for (int32_t i = begin + 1; i < end; ++i) {
        const MemberIx m = cell_member_[i];
        const RelationshipIx r = cell_relationship_[i];
        int32_t j = i;
        for (; j > begin && cell_member_[j - 1] > m; --j) {
          cell_member_[j] = cell_member_[j - 1];
          cell_relationship_[j] = cell_relationship_[j - 1];
        }
        cell_member_[j] = m;
        cell_relationship_[j] = r;
      }
    } else {
      many.clear();
      for (int32_t i = begin; i < end; ++i) many.emplace_back(cell_member_[i], cell_relationship_[i]);
      std::sort(many.begin(), many.end());
      for (int32_t i = begin; i < end; ++i) {
        std::tie(cell_member_[i], cell_relationship_[i]) = many[i - begin];
      }
    }
    // A run of one member: its first relationship holds the cell, the others repeat it.
    int32_t run = begin;
    for (int32_t i = begin + 1; i < end; ++i) {
      if (cell_member_[i] != cell_member_[run]) {
        run = i;
      } else {
        repeated_cells_.push_back({cell_relationship_[i], cell_relationship_[run]});
      }
    }
  }
  // Listed in plan order, as validation reports them.
  std::sort(repeated_cells_.begin(), repeated_cells_.end(),
            [](const Repeat& a, const Repeat& b) { return a.at < b.at; });
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
    const MemberIx m = base::SameText(member_id, last_member_id) ? last_m : member(member_id);
    const PersonIx p = base::SameText(person_id, last_person_id) ? last_p : person(person_id);
    last_member_id = member_id;
    last_person_id = person_id;
    last_m = m;
    last_p = p;
    ids.relationship_member_[r] = m;
    ids.relationship_person_[r] = p;
  }
  ids.IndexCells(persons);

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
