#include "recommend/leverage.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_set.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// A person the search reached, and from where.
struct Visit {
  PersonIx person;
  int32_t parent;  // index into the visit list; -1 for the target
  int32_t hops;
  v1::LeveragePath::Via via;
};

}  // namespace

LeverageFinder::LeverageFinder(const model::PlanIndex& index, int32_t max_hops)
    : index_(index), max_hops_(max_hops), offsets_(index.person_count() + 1, 0) {
  // Per person, TRUST before OPEN, each in plan order, at most kHoldersPerPerson.
  std::vector<int32_t> kept(index.person_count(), 0);
  for (v1::Grade grade : {v1::TRUST, v1::OPEN}) {
    for (RelationshipIx r : index.graded()) {
      const PersonIx p = index.relationship_person(r);
      if (index.grade(r) == grade && kept[p] < static_cast<int32_t>(kHoldersPerPerson)) ++kept[p];
    }
  }
  for (PersonIx p = 0; p < index.person_count(); ++p) offsets_[p + 1] = offsets_[p] + kept[p];
  holders_.resize(offsets_.back());
  std::vector<int32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (v1::Grade grade : {v1::TRUST, v1::OPEN}) {
    for (RelationshipIx r : index.graded()) {
      const PersonIx p = index.relationship_person(r);
      if (index.grade(r) == grade && next[p] < offsets_[p + 1]) holders_[next[p]++] = r;
    }
  }
}

std::vector<Lever> LeverageFinder::Find(PersonIx target) const {
  std::vector<Visit> visits;
  absl::flat_hash_set<PersonIx> seen;
  visits.push_back({target, -1, 0, v1::LeveragePath::COLLEAGUE});
  seen.insert(target);
  // (visit, holder) in the order met; visits come in order of hops.
  std::vector<std::pair<int32_t, RelationshipIx>> found;
  for (size_t i = 0; i < visits.size(); ++i) {
    const Visit visit = visits[i];
    for (int32_t k = offsets_[visit.person]; k < offsets_[visit.person + 1]; ++k) {
      found.emplace_back(static_cast<int32_t>(i), holders_[k]);
    }
    if (visit.hops >= max_hops_) continue;
    const auto reach = [&](PersonIx q, v1::LeveragePath::Via via) {
      if (q == model::kNone || visits.size() >= kVisitBudget || !seen.insert(q).second) return;
      visits.push_back({q, static_cast<int32_t>(i), visit.hops + 1,
                        visit.hops == 0 ? via : v1::LeveragePath::ORG_PATH});
    };
    reach(index_.manager(visit.person), v1::LeveragePath::MANAGER);
    for (PersonIx q : index_.influencers_of(visit.person)) reach(q, v1::LeveragePath::INFLUENCER);
    for (PersonIx q : index_.direct_reports(visit.person))
      reach(q, v1::LeveragePath::DIRECT_REPORT);
  }
  // Fewest hops first, then TRUST before OPEN; stable, so ties keep the order met.
  std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
    const int32_t hops_a = visits[a.first].hops, hops_b = visits[b.first].hops;
    if (hops_a != hops_b) return hops_a < hops_b;
    return index_.grade(a.second) > index_.grade(b.second);
  });

  // One lever per team member, except that a member's own relationship with the target (0 hops)
  // is kept apart: ForCell drops it for that member's cell, and their other lever must survive.
  std::vector<Lever> levers;
  absl::flat_hash_set<std::pair<MemberIx, bool>> holders_seen;
  for (const auto& [v, r] : found) {
    if (levers.size() >= kFound) break;
    if (!holders_seen.insert({index_.relationship_member(r), visits[v].hops == 0}).second) continue;
    Lever& lever = levers.emplace_back();
    lever.holder = r;
    lever.hops = visits[v].hops;
    lever.via = visits[v].via;
    for (int32_t at = v; at >= 0; at = visits[at].parent)
      lever.persons.push_back(visits[at].person);
  }
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

double LeverageFinder::Strength(const model::PlanIndex& index, const Lever& lever) {
  const double grade = index.grade(lever.holder) == v1::TRUST ? 0.4 : 0.25;
  const double distance = lever.hops == 0 ? 1.0 : 0.75 * std::pow(2.0 / 3.0, lever.hops - 1);
  return grade * distance;
}

v1::LeveragePath LeverageFinder::ToProto(const model::PlanIndex& index, const Lever& lever) {
  v1::LeveragePath path;
  path.set_team_member_id(index.relationship(lever.holder).team_member_id());
  path.set_grade(index.grade(lever.holder));
  for (PersonIx p : lever.persons) path.add_person_ids(index.person(p).id());
  path.set_via(lever.via);
  path.set_hops(lever.hops);
  return path;
}

}  // namespace contactplan::recommend
