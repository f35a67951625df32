// Leverage (docs/recommendations.md): existing TRUST and OPEN relationships that can lift a target relationship,
// found over the org chart and influence links by a bounded breadth-first search.
#ifndef CONTACTPLAN_SRC_RECOMMEND_LEVERAGE_H_
#define CONTACTPLAN_SRC_RECOMMEND_LEVERAGE_H_

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "contactplan/v1/recommendations.pb.h"
#include "contactplan/v1/tuning.pb.h"
#include "model/plan_index.h"

namespace contactplan::recommend {

// One way in: a TRUST or OPEN relationship `holder` with a person `hops` steps from the target.
struct Lever {
  model::RelationshipIx holder;
  v1::Grade grade;  // the holder's grade, kept with it: every candidate's score reads it
  int32_t hops;
  v1::LeveragePath::Via via;
  // From the holder's person to the target, both included: hops + 1 persons, inline up to the
  // default leverage_max_hops of 2 plus one (no heap block per lever: a large account builds tens
  // of thousands of levers and lists few).
  absl::InlinedVector<model::PersonIx, 4> persons;
};

class LeverageFinder {
 public:
  // Levers shown per key intersection.
  static constexpr size_t kMaxLevers = 3;
  // Persons one search may visit (the target included): bounds the cost per target whatever the
  // shape of the org chart, so the whole stage stays linear in the plan.
  static constexpr size_t kVisitBudget = 256;
  // TRUST/OPEN relationships kept per person (TRUST first, then plan order).
  static constexpr size_t kHoldersPerPerson = kMaxLevers + 1;
  // Levers Find returns, enough for any cell to keep kMaxLevers after ForCell in ordinary plans.
  static constexpr size_t kFound = 2 * kMaxLevers;

  // Indexes the TRUST and OPEN relationships once. max_hops >= 1 (settings.leverage_max_hops).
  // A finder keeps scratch space between searches: use one per analysis, from one thread.
  LeverageFinder(const model::PlanIndex& index, int32_t max_hops);
  LeverageFinder(const LeverageFinder&) = delete;
  LeverageFinder& operator=(const LeverageFinder&) = delete;

  // Levers for the target person: fewest hops first, then TRUST before OPEN, then the order the
  // search met the persons (manager, influencers, direct reports, each in plan order), then plan
  // order; per team member at most their first lever through others and their own relationship
  // with the target (so a cell can leave its own out); at most kFound. Neighbours of a person:
  // manager, persons who influence them, direct reports.
  std::vector<Lever> Find(model::PersonIx target) const;

  // `levers` (from Find) for the cell (m, target): without m's own relationship with the target,
  // one per team member, at most kMaxLevers.
  static std::vector<Lever> ForCell(const model::PlanIndex& index, std::vector<Lever> levers,
                                    model::MemberIx m);

  // How much a lever eases a step, 0-1: the strength of its grade, times 1 at 0 hops, the one-hop
  // factor at 1 hop and the per-extra-hop factor for each further hop (docs/tuning.md
  // `recommend.leverage`).
  static double Strength(const v1::RecommendTuning& tuning, const Lever& lever);

  // The lever as a LeveragePath written into `*out` (empty on entry), on its arena if it has one:
  // a key intersection's levers are written in place, not built on the heap and copied in.
  static void ToProto(const model::PlanIndex& index, const Lever& lever, v1::LeveragePath* out);

 private:
  // A person the search reached, and from where.
  struct Visit {
    model::PersonIx person;
    int32_t parent;  // index into the visit list; -1 for the target
    int32_t hops;
    v1::LeveragePath::Via via;
  };
  // A kept relationship of a visited person: visit (index into the visit list), holder (index into
  // holders_).
  struct Found {
    int32_t visit;
    int32_t holder;
  };
  // Reused by every Find: marks are "seen" when equal to the current stamp.
  struct Scratch {
    uint32_t stamp = 0;
    std::vector<uint32_t> person_seen;
    std::array<std::vector<uint32_t>, 2> member_seen;  // [own relationship with the target?][member]
    std::vector<Visit> visits;
    std::vector<Found> found;
  };

  const model::PlanIndex& index_;
  int32_t max_hops_;
  mutable Scratch scratch_;
  // A kept TRUST/OPEN relationship with its member and grade copied beside it: the search reads
  // them for every lever it meets, and reading them through the plan is a cache miss each.
  struct Holder {
    model::RelationshipIx relationship;
    model::MemberIx member;
    v1::Grade grade;
  };
  // holders_[offsets_[p] .. offsets_[p+1]): the kept TRUST/OPEN relationships of person p.
  std::vector<int32_t> offsets_;
  std::vector<Holder> holders_;
};

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_LEVERAGE_H_
