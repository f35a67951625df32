#include "recommend/leverage.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_set.h"
#include "options/tuning_values.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

}  // namespace

LeverageFinder::LeverageFinder(const model::PlanIndex& index, int32_t max_hops)
    : index_(index), max_hops_(max_hops), offsets_(index.person_count() + 1, 0) {
  scratch_.person_seen.assign(index.person_count(), 0);
  for (auto& seen : scratch_.member_seen) seen.assign(index.member_count(), 0);
  // Per person, TRUST before OPEN, each in plan order, at most kHoldersPerPerson.
  // The relationships that can lift another: those between people who stay, and those a team
  // member who stays holds with a person who left and named a successor (docs/time.md#leaving:
  // they can introduce the successor, and nobody else).
  // Each relationship's grade and member read once, and only the TRUST and OPEN ones kept.
  std::vector<std::pair<PersonIx, Holder>> levers;
  const auto consider = [&](RelationshipIx r) {
    const v1::Grade grade = index.grade(r);
    if (grade == v1::TRUST || grade == v1::OPEN) {
      levers.push_back({index.relationship_person(r), {r, index.relationship_member(r), grade}});
    }
  };
  for (RelationshipIx r : index.graded()) consider(r);
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (!index.has_left(p) || index.successor(p) == model::kNone) continue;
    for (RelationshipIx r : index.all_graded_of_person(p)) {
      if (!index.member_has_left(index.relationship_member(r))) consider(r);
    }
  }
  std::vector<int32_t> kept(index.person_count(), 0);
  for (v1::Grade grade : {v1::TRUST, v1::OPEN}) {
    for (const auto& [p, holder] : levers) {
      if (holder.grade == grade && kept[p] < static_cast<int32_t>(kHoldersPerPerson)) ++kept[p];
    }
  }
  for (PersonIx p = 0; p < index.person_count(); ++p) offsets_[p + 1] = offsets_[p] + kept[p];
  holders_.resize(offsets_.back());
  std::vector<int32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (v1::Grade grade : {v1::TRUST, v1::OPEN}) {
    for (const auto& [p, holder] : levers) {
      if (holder.grade == grade && next[p] < offsets_[p + 1]) holders_[next[p]++] = holder;
    }
  }
}

std::vector<Lever> LeverageFinder::Find(PersonIx target) const {
  // Scratch reused from call to call: a search visits few persons, and clearing per-person marks
  // for each would cost more than the search. A new stamp value clears them all at once.
  Scratch& scratch = scratch_;
  if (++scratch.stamp == 0) {  // wrapped: clear for real, once every 4 billion searches
    std::fill(scratch.person_seen.begin(), scratch.person_seen.end(), 0);
    for (auto& seen : scratch.member_seen) std::fill(seen.begin(), seen.end(), 0);
    scratch.stamp = 1;
  }
  const uint32_t stamp = scratch.stamp;
  std::vector<Visit>& visits = scratch.visits;
  std::vector<Found>& found = scratch.found;
  visits.clear();
  found.clear();
  visits.push_back({target, -1, 0, v1::LeveragePath::COLLEAGUE});
  scratch.person_seen[target] = stamp;

  std::vector<Lever> levers;
  // Takes the levers of one hop level, found[from, found.size()): TRUST before OPEN (the only
  // grades kept), each in the order met; per team member one lever through others and their own
  // relationship with the target (so a cell can leave its own out). False once kFound are taken.
  const auto take_level = [&](size_t from) {
    for (v1::Grade grade : {v1::TRUST, v1::OPEN}) {
      for (size_t k = from; k < found.size(); ++k) {
        if (levers.size() >= kFound) return false;
        const auto [v, h] = found[k];
        const Holder& holder = holders_[h];
        if (holder.grade != grade) continue;
        uint32_t& seen = scratch.member_seen[visits[v].hops == 0][holder.member];
        if (seen == stamp) continue;
        seen = stamp;
        if (levers.empty()) levers.reserve(kFound);
        Lever& lever = levers.emplace_back();
        lever.holder = holder.relationship;
        lever.grade = holder.grade;
        lever.hops = visits[v].hops;
        lever.via = visits[v].via;
        for (int32_t at = v; at >= 0; at = visits[at].parent) {
          lever.persons.push_back(visits[at].person);
        }
      }
    }
    return levers.size() < kFound;
  };

  // Breadth first, so visits come in order of hops; each level's levers are taken once the level
  // is complete, and the search stops as soon as kFound levers are in hand (later levels could
  // only add levers with more hops, which rank after them).
  size_t level_found = 0;
  int32_t level_hops = 0;
  for (size_t i = 0; i < visits.size(); ++i) {
    const Visit visit = visits[i];
    if (visit.hops != level_hops) {
      if (!take_level(level_found)) return levers;
      level_found = found.size();
      level_hops = visit.hops;
    }
    for (int32_t k = offsets_[visit.person]; k < offsets_[visit.person + 1]; ++k) {
      found.push_back({static_cast<int32_t>(i), k});
    }
    // A person who left opens one door only, to their successor: the search goes no further.
    if (visit.hops >= max_hops_ || index_.has_left(visit.person)) continue;
    const auto reach = [&](PersonIx q, v1::LeveragePath::Via via) {
      if (q == model::kNone || visits.size() >= kVisitBudget || scratch.person_seen[q] == stamp) {
        return;
      }
      if (index_.has_left(q) && via != v1::LeveragePath::PREDECESSOR) return;
      scratch.person_seen[q] = stamp;
      visits.push_back({q, static_cast<int32_t>(i), visit.hops + 1,
                        visit.hops == 0 ? via : v1::LeveragePath::ORG_PATH});
    };
    reach(index_.manager(visit.person), v1::LeveragePath::MANAGER);
    for (PersonIx q : index_.influencers_of(visit.person)) reach(q, v1::LeveragePath::INFLUENCER);
    for (PersonIx q : index_.direct_reports(visit.person))
      reach(q, v1::LeveragePath::DIRECT_REPORT);
    if (visit.hops == 0) {
      for (PersonIx q : index_.predecessors(visit.person)) {
        if (index_.has_left(q)) reach(q, v1::LeveragePath::PREDECESSOR);
      }
    }
  }
  take_level(level_found);
  return levers;
}

std::vector<Lever> LeverageFinder::ForCell(const model::PlanIndex& index, std::vector<Lever> levers,
                                           MemberIx m) {
  absl::flat_hash_set<MemberIx> holders_seen;
  std::erase_if(levers, [&](const Lever& lever) {
    const MemberIx holder = index.relationship_member(lever.holder);
    return (lever.hops == 0 && holder == m) || !holders_seen.insert(holder).second;
  });
  if (levers.size() > kMaxLevers) levers.resize(kMaxLevers);
  return levers;
}

double LeverageFinder::Strength(const v1::RecommendTuning& tuning, const Lever& lever) {
  const v1::LeverageTuning& numbers = tuning.leverage();
  const double grade = ValueOf(numbers.grade_strength(), lever.grade);
  const double distance =
      lever.hops == 0 ? 1.0 : numbers.one_hop() * std::pow(numbers.per_extra_hop(), lever.hops - 1);
  return std::min(1.0, grade * distance);
}

void LeverageFinder::ToProto(const model::PlanIndex& index, const Lever& lever,
                             v1::LeveragePath* out) {
  v1::LeveragePath& path = *out;
  const std::string_view holder = index.relationships()[lever.holder].team_member_id;
  path.set_team_member_id(holder.data(), holder.size());
  path.set_grade(lever.grade);
  for (PersonIx p : lever.persons) path.add_person_ids(index.person(p).id());
  path.set_via(lever.via);
  path.set_hops(lever.hops);
}

}  // namespace contactplan::recommend
