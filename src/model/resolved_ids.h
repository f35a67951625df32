// Every id of a plan resolved to a position, once: the tables from id to entity and the target of
// every reference. Validation reads them to report repeated ids and dangling references, and the
// plan index is then built on the same tables, so no id of a plan is hashed twice.
#ifndef CONTACTPLAN_SRC_MODEL_RESOLVED_IDS_H_
#define CONTACTPLAN_SRC_MODEL_RESOLVED_IDS_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::model {

class RelationshipTable;  // model/relationship_table.h

// Positions in the plan's repeated fields: persons(p), team_members(m), relationships(r),
// opportunities(o), blueprint(b). -1 means "none".
using PersonIx = int32_t;
using MemberIx = int32_t;
using RelationshipIx = int32_t;
using OpportunityIx = int32_t;
inline constexpr int32_t kNone = -1;

// An element that repeats what an earlier element of its kind already holds (an id, or for a
// relationship its intersection): its position `at` and the position of the first holder.
struct Repeat {
  int32_t at;
  int32_t first;
};

// Movable, not copyable (its tables point into the plan). Read-only after ResolveIds; safe to share
// between threads. Holds views of the plan's strings: the plan must outlive it and stay unchanged.
//
// Works on any plan, valid or not: an empty id is in no table, a repeated id keeps its first
// holder (and is listed in repeated_*_ids), and a reference that is empty or names nothing of its
// kind resolves to kNone. Nothing here judges the plan; validation does, from these answers.
class ResolvedIds {
 public:
  ResolvedIds() = default;  // a plan with nothing in it
  ResolvedIds(ResolvedIds&&) = default;
  ResolvedIds& operator=(ResolvedIds&&) = default;
  ResolvedIds(const ResolvedIds&) = delete;
  ResolvedIds& operator=(const ResolvedIds&) = delete;

  // The first entity with a (non-empty) id; kNone when absent.
  PersonIx FindPerson(std::string_view id) const { return Find(person_ids_, id); }
  MemberIx FindMember(std::string_view id) const { return Find(member_ids_, id); }
  OpportunityIx FindOpportunity(std::string_view id) const { return Find(opportunity_ids_, id); }
  // The first relationship of a (member, person) intersection; kNone when none holds it.
  RelationshipIx FindCell(MemberIx m, PersonIx p) const;

  // Elements whose non-empty id an earlier one of their kind already uses, in plan order.
  std::span<const Repeat> repeated_person_ids() const { return repeated_person_ids_; }
  std::span<const Repeat> repeated_member_ids() const { return repeated_member_ids_; }
  std::span<const Repeat> repeated_opportunity_ids() const { return repeated_opportunity_ids_; }
  // Relationships whose (member, person) intersection an earlier relationship already holds (both
  // ends resolved), in plan order.
  std::span<const Repeat> repeated_cells() const { return repeated_cells_; }

  // What each reference names; kNone when it is empty or names nothing of its kind.
  // relationships(r).person_id / team_member_id:
  PersonIx relationship_person(RelationshipIx r) const { return relationship_person_[r]; }
  MemberIx relationship_member(RelationshipIx r) const { return relationship_member_[r]; }
  // persons(p).reports_to_id, .successor_id and .influences(j).person_id (a person's own id
  // resolves like any other: telling it apart is validation's part):
  PersonIx manager(PersonIx p) const { return manager_[p]; }
  PersonIx successor(PersonIx p) const { return successor_[p]; }
  PersonIx influence_target(PersonIx p, int32_t j) const {
    return influence_target_[influence_start_[p] + j];
  }
  // opportunities(o).participants(j).person_id:
  PersonIx participant_person(OpportunityIx o, int32_t j) const {
    return participant_person_[participant_start_[o] + j];
  }
  // blueprint(b).person_id, .team_member_id and .tactics(j).owner_id:
  PersonIx blueprint_person(int32_t b) const { return blueprint_person_[b]; }
  MemberIx blueprint_member(int32_t b) const { return blueprint_member_[b]; }
  MemberIx tactic_owner(int32_t b, int32_t j) const { return tactic_owner_[tactic_start_[b] + j]; }

 private:
  // Keyed by absl::string_view: Debian's Abseil hashes and compares its own string_view inline,
  // std::string_view through std::hash and memcmp (8% of resolving the typical plan).
  using IdTable = absl::flat_hash_map<absl::string_view, int32_t>;
  friend ResolvedIds ResolveIds(const v1::Plan& plan, const RelationshipTable& relationships);

  static int32_t Find(const IdTable& table, std::string_view id) {
    const auto it = table.find(absl::string_view(id.data(), id.size()));
    return it == table.end() ? kNone : it->second;
  }

  // Builds cell_start_, cell_member_ and cell_relationship_ and lists repeated_cells_, from the
  // relationships' resolved ends.
  void IndexCells(int32_t persons);

  IdTable person_ids_, member_ids_, opportunity_ids_;
  // The contact map's cells, person by person: the relationships with both ends resolved, those of
  // person p at [cell_start_[p], cell_start_[p + 1]), ordered by member, then plan order (so the
  // first of a run of one member is the cell's first holder). Two parallel lists, 8 bytes a
  // relationship: a cell is found by a binary search among its person's few members, where a hash
  // table of cells (2.2 MB on the 10,000 x 500 account) missed the cache on every insertion.
  std::vector<int32_t> cell_start_;
  std::vector<MemberIx> cell_member_;
  std::vector<RelationshipIx> cell_relationship_;
  std::vector<Repeat> repeated_person_ids_, repeated_member_ids_, repeated_opportunity_ids_,
      repeated_cells_;
  std::vector<PersonIx> relationship_person_;
  std::vector<MemberIx> relationship_member_;
  std::vector<PersonIx> manager_, successor_;
  // Flattened nested references: element k of the flat list is the j-th reference of its parent,
  // k = *_start_[parent] + j.
  std::vector<int32_t> influence_start_, participant_start_, tactic_start_;
  std::vector<PersonIx> influence_target_, participant_person_;
  std::vector<MemberIx> tactic_owner_;
  std::vector<PersonIx> blueprint_person_;
  std::vector<MemberIx> blueprint_member_;
};

// Resolves every id and every reference of `plan`: each id is hashed once into its table and each
// reference once to look it up, in time linear in the plan. The relationships' ends are read from
// `relationships` (the plan's relationships as rows), never from plan.relationships(). `plan` must
// outlive the result; `relationships` need not.
ResolvedIds ResolveIds(const v1::Plan& plan, const RelationshipTable& relationships);
// The same for a plan whose relationships are its messages.
ResolvedIds ResolveIds(const v1::Plan& plan);

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_RESOLVED_IDS_H_
