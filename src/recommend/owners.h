// Owners under capacity (docs/recommendations.md): the effort each team member already spends keeping the map,
// the effort the recommendations add, and the best-placed team member for a new relationship.
#ifndef CONTACTPLAN_SRC_RECOMMEND_OWNERS_H_
#define CONTACTPLAN_SRC_RECOMMEND_OWNERS_H_

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"

namespace contactplan::recommend {

// How well a team member's seniority suits a person's, 0-1, by member level minus person level
// (docs/tuning.md `recommend.seniority_fit`): within one level fits, above fits better than below.
double SeniorityFit(const v1::RecommendTuning& tuning, v1::Level member, v1::Level person);

// A team member's tie to a person through the people around them: their best relationship at
// SATISFIED or better with the person's manager, an influencer or a direct report.
struct Connection {
  double strength = 0;                       // docs/tuning.md `recommend.owner.connection_strength`
  model::RelationshipIx via = model::kNone;  // the relationship that gives it
};

// Calls `visit` for the graded relationships of the persons around p (manager, persons who
// influence them, direct reports, each in plan order), at most TeamCapacity::kNeighbourBudget
// persons and kConnectionScanBudget relationships: how owners and introducers find who can open
// the door, at a cost bounded whatever the shape of the org chart.
void VisitNeighbourRelationships(const model::PlanIndex& index, model::PersonIx p,
                                 absl::FunctionRef<void(model::RelationshipIx)> visit);

struct OwnerChoice {
  model::MemberIx member = model::kNone;       // best placed among those with the effort free
  model::MemberIx best_placed = model::kNone;  // best placed, capacity aside
  Connection connection;                       // of `member`, else of `best_placed`
};

class TeamCapacity {
 public:
  // Persons around a target (manager, influencers, direct reports) whose relationships are read
  // for connections, and relationships read in all; bound the cost per owner choice.
  static constexpr int32_t kNeighbourBudget = 64;
  static constexpr int32_t kConnectionScanBudget = 256;

  // Committed effort per member: the upkeep (settings.EffortFor) of each graded relationship. A
  // member without a stated capacity can give settings.default_capacity, so load is balanced
  // even when the plan states none. Also counts the members who hold a thread, once.
  explicit TeamCapacity(const model::Context& context);
  TeamCapacity(const TeamCapacity&) = delete;
  TeamCapacity& operator=(const TeamCapacity&) = delete;

  // Whether the plan states m's capacity (else it is settings.default_capacity).
  bool limited(model::MemberIx m) const { return limited_[m]; }
  double committed(model::MemberIx m) const { return committed_[m]; }
  double planned(model::MemberIx m) const { return planned_[m]; }
  // Capacity (stated, else default_capacity) - committed - planned.
  double remaining(model::MemberIx m) const;
  // Whether our side of the web is thin: at most `recommend.owner.thin_web_max_members` team
  // members hold a thread (a graded relationship at settings.thread_min_grade or better).
  bool thin_web() const { return thin_web_; }
  bool holds_thread(model::MemberIx m) const { return holds_thread_[m]; }
  bool CanAfford(model::MemberIx m, double effort) const;
  // Plans `effort` more for m (the caller checked CanAfford).
  void Reserve(model::MemberIx m, double effort);

  // The best-placed owner of a new relationship with person p needing `effort`, among members with
  // no graded relationship with p: the member the plan's blueprint names for p when they can;
  // else the highest owner score = SeniorityFit + connection_weight * connection +
  // free_share_weight * (share of capacity free) + thin_web_new_member_bonus for a member without
  // threads while the web is thin; then most effort free, then plan order. O(log members +
  // neighbourhood budget), never a scan of the team.
  OwnerChoice ChooseOwner(model::PersonIx p, double effort) const;

  // Who repairs a relationship with p that `holder` holds: the holder, unless they are more than
  // `recommend.owner.repair_holder_max_levels_below` levels below p; then the member at a level
  // close enough who can afford `effort` and fits best (one who already holds a positive grade with
  // p first, then seniority fit, then effort free). Falls back to the holder when nobody senior
  // enough has the effort free. O(graded relationships of p + levels).
  model::MemberIx ChooseRepairOwner(model::PersonIx p, model::MemberIx holder, double effort) const;

  // The team member the plan's blueprint names as owner for p (the first entry that names one who
  // is on the team), or kNone.
  model::MemberIx BlueprintOwner(model::PersonIx p) const;

  // Why m owns the cell with p, in words: their level against the person's, the relationship
  // they hold (own_cell) or their connection, and the effort they have free.
  std::string OwnerReason(model::PersonIx p, model::MemberIx m, model::RelationshipIx own_cell,
                          const Connection& connection) const;
  // Effort in words: "1.5 of 4 effort units free (4 committed to the current map)"; a capacity
  // that is the default says so.
  std::string FreeEffort(model::MemberIx m) const;

  // One entry per team member, in plan order.
  std::vector<v1::TeamLoad> Loads() const;

 private:
  // Members of one level, most effort free first, then plan order.
  using Bucket = std::set<std::pair<double, model::MemberIx>>;
  std::pair<double, model::MemberIx> BucketKey(model::MemberIx m) const;

  const model::Context& context_;
  std::vector<bool> limited_;  // capacity stated in the plan
  std::vector<bool> holds_thread_;
  bool thin_web_ = false;
  std::vector<double> capacity_, committed_, planned_;
  std::array<Bucket, v1::Level_ARRAYSIZE> by_level_;
  // ChooseOwner's scratch, kept between its calls instead of a hash map built on each: the
  // connection met per member, valid where connection_stamp_[m] is the call's stamp, and the
  // members met, in order. (ChooseOwner is const; a TeamCapacity serves one analysis, on one
  // thread.)
  mutable std::vector<Connection> connection_of_;
  mutable std::vector<uint32_t> connection_stamp_;
  mutable uint32_t stamp_ = 0;
  mutable std::vector<model::MemberIx> connected_;
};

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_OWNERS_H_
