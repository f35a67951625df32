#include "recommend/owners.h"

#include <cmath>
#include <limits>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Effort is summed from small decimals; a step that fits to within this still fits.
constexpr double kEffortSlack = 1e-9;
constexpr double kConnectionWeight = 0.5;

double ConnectionStrength(v1::Grade grade) {
  switch (grade) {
    case v1::TRUST:
      return 1.0;
    case v1::OPEN:
      return 0.75;
    case v1::SATISFIED:
      return 0.5;
    default:
      return 0;
  }
}

// Where the person sits relative to the member, for owner reasons.
std::string SeniorityWords(v1::Level member, v1::Level person) {
  if (member == v1::LEVEL_UNSPECIFIED || person == v1::LEVEL_UNSPECIFIED) return "level unknown";
  const int diff = member - person;
  if (diff == 0) return absl::StrCat(rules::LevelWord(member), ", same level as the person");
  const int gap = diff < 0 ? -diff : diff;
  return absl::StrCat(rules::LevelWord(member), ", ", gap, gap == 1 ? " level " : " levels ",
                      diff > 0 ? "above" : "below", " the person");
}

}  // namespace

double SeniorityFit(v1::Level member, v1::Level person) {
  if (member == v1::LEVEL_UNSPECIFIED || person == v1::LEVEL_UNSPECIFIED) return 0.85;
  switch (member - person) {
    case 0:
    case 1:
      return 1.0;
    case -1:
      return 0.9;
    case 2:
      return 0.7;
    case -2:
      return 0.6;
    case 3:
      return 0.5;
    default:
      return 0.4;
  }
}

TeamCapacity::TeamCapacity(const model::Context& context)
    : context_(context),
      limited_(context.index.member_count(), false),
      capacity_(context.index.member_count(), 0),
      committed_(context.index.member_count(), 0),
      planned_(context.index.member_count(), 0) {
  const model::PlanIndex& index = context.index;
  for (MemberIx m = 0; m < index.member_count(); ++m) {
    const v1::TeamMember& member = index.member(m);
    limited_[m] = member.has_capacity();
    capacity_[m] = member.capacity();
    for (RelationshipIx r : index.graded_of_member(m)) {
      committed_[m] += context.settings.EffortFor(index.grade(r));
    }
    if (index.member_has_left(m)) continue;  // owns nothing new: their cells are reassigned
    const int level = v1::Level_IsValid(member.level()) ? member.level() : 0;
    by_level_[level].insert(BucketKey(m));
  }
}

double TeamCapacity::remaining(MemberIx m) const {
  return limited_[m] ? capacity_[m] - committed_[m] - planned_[m] : kInfinity;
}

bool TeamCapacity::CanAfford(MemberIx m, double effort) const {
  return remaining(m) + kEffortSlack >= effort;
}

std::pair<double, MemberIx> TeamCapacity::BucketKey(MemberIx m) const { return {-remaining(m), m}; }

void TeamCapacity::Reserve(MemberIx m, double effort) {
  const v1::Level level = context_.index.member(m).level();
  Bucket& bucket = by_level_[v1::Level_IsValid(level) ? level : 0];
  bucket.erase(BucketKey(m));
  planned_[m] += effort;
  bucket.insert(BucketKey(m));
}

OwnerChoice TeamCapacity::ChooseOwner(PersonIx p, double effort) const {
  const model::PlanIndex& index = context_.index;
  const v1::Level person_level = index.person(p).level();
  const auto graded_with_person = [&](MemberIx m) {
    const RelationshipIx cell = index.FindCell(m, p);
    return cell != model::kNone && index.grade(cell) != v1::GRADE_UNSPECIFIED;
  };

  // Connections through the people around p, within the budgets.
  absl::flat_hash_map<MemberIx, Connection> connections;
  std::vector<MemberIx> connected;  // in the order met, for a deterministic walk
  int32_t persons_read = 0, relationships_read = 0;
  const auto read = [&](PersonIx q) {
    if (q == model::kNone || persons_read >= kNeighbourBudget) return;
    ++persons_read;
    for (RelationshipIx r : index.graded_of_person(q)) {
      if (relationships_read++ >= kConnectionScanBudget) return;
      const double strength = ConnectionStrength(index.grade(r));
      if (strength == 0) continue;
      const MemberIx m = index.relationship_member(r);
      auto [it, inserted] = connections.try_emplace(m);
      if (inserted) connected.push_back(m);
      if (strength > it->second.strength) it->second = {strength, r};
    }
  };
  read(index.manager(p));
  for (PersonIx q : index.influencers_of(p)) read(q);
  for (PersonIx q : index.direct_reports(p)) read(q);

  struct Option {
    MemberIx member = model::kNone;
    double score = -1;
    double free = 0;
  };
  Option affordable, any;
  const auto consider = [&](MemberIx m) {
    auto it = connections.find(m);
    const double strength = it == connections.end() ? 0 : it->second.strength;
    const Option option{
        m, SeniorityFit(index.member(m).level(), person_level) + kConnectionWeight * strength,
        remaining(m)};
    const auto better = [](const Option& a, const Option& b) {
      if (b.member == model::kNone) return true;
      if (a.score != b.score) return a.score > b.score;
      if (a.free != b.free) return a.free > b.free;
      return a.member < b.member;
    };
    if (better(option, any)) any = option;
    if (CanAfford(m, effort) && better(option, affordable)) affordable = option;
  };
  for (MemberIx m : connected) {
    if (!graded_with_person(m)) consider(m);
  }
  // Within a level every unconnected member has the same score, so the one with most effort free
  // (the front of the bucket) is the only one worth comparing.
  for (const Bucket& bucket : by_level_) {
    for (const auto& [negative_free, m] : bucket) {
      if (graded_with_person(m)) continue;  // at most the person's own relationships are skipped
      consider(m);
      break;
    }
  }

  OwnerChoice choice;
  choice.member = affordable.member;
  choice.best_placed = any.member;
  const MemberIx described = choice.member != model::kNone ? choice.member : choice.best_placed;
  if (auto it = connections.find(described); it != connections.end()) {
    choice.connection = it->second;
  }
  return choice;
}

std::string TeamCapacity::FreeEffort(MemberIx m) const {
  if (!limited_[m]) return "no capacity limit";
  return absl::StrCat(std::max(0.0, remaining(m)), " of ", capacity_[m], " effort units free (",
                      committed_[m], " committed to the current map",
                      planned_[m] > 0 ? absl::StrCat(", ", planned_[m], " planned") : "", ")");
}

std::string TeamCapacity::OwnerReason(PersonIx p, MemberIx m, RelationshipIx own_cell,
                                      const Connection& connection) const {
  const model::PlanIndex& index = context_.index;
  std::string reason =
      absl::StrCat(rules::MemberLabel(index, m), ": ",
                   SeniorityWords(index.member(m).level(), index.person(p).level()));
  if (own_cell != model::kNone && index.grade(own_cell) != v1::GRADE_UNSPECIFIED) {
    absl::StrAppend(&reason, "; holds this relationship (", rules::GradeWord(index.grade(own_cell)),
                    ")");
  } else if (connection.via != model::kNone) {
    const PersonIx q = index.relationship_person(connection.via);
    const char* role = q == index.manager(p)   ? "their manager"
                       : index.manager(q) == p ? "a direct report"
                                               : "an influencer of theirs";
    absl::StrAppend(&reason, "; holds ", rules::GradeWord(index.grade(connection.via)), " with ",
                    rules::PersonLabel(index, q), ", ", role);
  }
  absl::StrAppend(&reason, "; ", FreeEffort(m));
  return reason;
}

std::vector<v1::TeamLoad> TeamCapacity::Loads() const {
  std::vector<v1::TeamLoad> loads(capacity_.size());
  for (MemberIx m = 0; m < static_cast<MemberIx>(loads.size()); ++m) {
    v1::TeamLoad& load = loads[m];
    load.set_team_member_id(context_.index.member(m).id());
    load.set_has_capacity(limited_[m]);
    load.set_capacity(limited_[m] ? capacity_[m] : 0);
    load.set_committed(committed_[m]);
    load.set_planned(planned_[m]);
  }
  return loads;
}

}  // namespace contactplan::recommend
