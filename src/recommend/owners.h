// Owners under capacity (docs/recommendations.md): the effort each team member already spends keeping the map,
// the effort the recommendations add, and the best-placed team member for a new relationship.
#ifndef CONTACTPLAN_SRC_RECOMMEND_OWNERS_H_
#define CONTACTPLAN_SRC_RECOMMEND_OWNERS_H_

#include <array>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"

namespace contactplan::recommend {

// How well a team member's seniority suits a person's, 0-1: 1 at the same level or one above, 0.9
// one below, 0.7 two above, 0.6 two below, 0.5 three above, 0.4 three below; 0.85 when either
// level is unknown.
double SeniorityFit(v1::Level member, v1::Level person);

// A team member's tie to a person through the people around them: their best relationship at
// SATISFIED or better with the person's manager, an influencer or a direct report.
struct Connection {
  double strength = 0;                       // 1 TRUST, 0.75 OPEN, 0.5 SATISFIED, 0 none
  model::RelationshipIx via = model::kNone;  // the relationship that gives it
};

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

  // Committed effort per member: the upkeep (settings.EffortFor) of each graded relationship.
  explicit TeamCapacity(const model::Context& context);
  TeamCapacity(const TeamCapacity&) = delete;
  TeamCapacity& operator=(const TeamCapacity&) = delete;

  bool limited(model::MemberIx m) const { return limited_[m]; }
  double committed(model::MemberIx m) const { return committed_[m]; }
  double planned(model::MemberIx m) const { return planned_[m]; }
  // Capacity - committed - planned; +infinity for a member without a capacity.
  double remaining(model::MemberIx m) const;
  bool CanAfford(model::MemberIx m, double effort) const;
  // Plans `effort` more for m (the caller checked CanAfford).
  void Reserve(model::MemberIx m, double effort);

  // The best-placed owner of a new relationship with person p needing `effort`, among members with
  // no graded relationship with p: highest SeniorityFit + 0.5 * connection strength, then most
  // effort free, then plan order. O(log members + neighbourhood budget), never a scan of the team.
  OwnerChoice ChooseOwner(model::PersonIx p, double effort) const;

  // Why m owns the cell with p, in words: their level against the person's, the relationship
  // they hold (own_cell) or their connection, and the effort they have free.
  std::string OwnerReason(model::PersonIx p, model::MemberIx m, model::RelationshipIx own_cell,
                          const Connection& connection) const;
  // Effort in words: "1.5 of 4 effort units free (4 committed)", or "no capacity limit".
  std::string FreeEffort(model::MemberIx m) const;

  // One entry per team member, in plan order.
  std::vector<v1::TeamLoad> Loads() const;

 private:
  // Members of one level, most effort free first, then plan order.
  using Bucket = std::set<std::pair<double, model::MemberIx>>;
  std::pair<double, model::MemberIx> BucketKey(model::MemberIx m) const;

  const model::Context& context_;
  std::vector<bool> limited_;
  std::vector<double> capacity_, committed_, planned_;
  std::array<Bucket, v1::Level_ARRAYSIZE> by_level_;
};

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_OWNERS_H_
