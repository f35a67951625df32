#include "recommend/owners.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "options/tuning_values.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// Effort is summed from small decimals; a step that fits to within this still fits.
constexpr double kEffortSlack = 1e-9;

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

double SeniorityFit(const v1::RecommendTuning& tuning, v1::Level member, v1::Level person) {
  const v1::SeniorityFitValues& fit = tuning.seniority_fit();
  if (member == v1::LEVEL_UNSPECIFIED || person == v1::LEVEL_UNSPECIFIED) return fit.unknown();
  switch (member - person) {
    case 0: return fit.same();
    case 1: return fit.one_above();
    case -1: return fit.one_below();
    case 2: return fit.two_above();
    case -2: return fit.two_below();
    case 3: return fit.three_above();
    default: return fit.three_below();
  }
}

void VisitNeighbourRelationships(const model::PlanIndex& index, PersonIx p,
                                 absl::FunctionRef<void(RelationshipIx)> visit) {
  int32_t persons_read = 0, relationships_read = 0;
  const auto read = [&](PersonIx q) {
    if (q == model::kNone || persons_read >= TeamCapacity::kNeighbourBudget) return;
    ++persons_read;
    for (RelationshipIx r : index.graded_of_person(q)) {
      if (relationships_read++ >= TeamCapacity::kConnectionScanBudget) return;
      visit(r);
    }
  };
  read(index.manager(p));
  for (PersonIx q : index.influencers_of(p)) read(q);
  for (PersonIx q : index.direct_reports(p)) read(q);
}

TeamCapacity::TeamCapacity(const model::Context& context)
    : context_(context),
      limited_(context.index.member_count(), false),
      holds_thread_(context.index.member_count(), false),
      capacity_(context.index.member_count(), 0),
      committed_(context.index.member_count(), 0),
      planned_(context.index.member_count(), 0),
      connection_of_(context.index.member_count()),
      connection_stamp_(context.index.member_count(), 0) {
  const model::PlanIndex& index = context.index;
  // Each member's graded cells (graded_of_member) are those of graded() that name them, in the
  // same plan order: one pass over graded() adds the same efforts in the same order per member,
  // reading the plan in order instead of member by member (a cache miss per cell).
  for (RelationshipIx r : index.graded()) {
    const v1::Grade grade = index.grade(r);
    const MemberIx m = index.relationship_member(r);
    committed_[m] += context.settings.EffortFor(grade);
    if (grade >= context.settings.thread_min_grade) holds_thread_[m] = true;
  }
  int32_t threads = 0;
  for (MemberIx m = 0; m < index.member_count(); ++m) {
    const v1::TeamMember& member = index.member(m);
    limited_[m] = member.has_capacity();
    capacity_[m] = member.has_capacity() ? member.capacity() : context.settings.default_capacity;
    threads += holds_thread_[m];
    if (index.member_has_left(m)) continue;  // owns nothing new: their cells are reassigned
    const int level = v1::Level_IsValid(member.level()) ? member.level() : 0;
    by_level_[level].insert(BucketKey(m));
  }
  thin_web_ = threads <= context.settings.tuning.recommend().owner().thin_web_max_members();
}

double TeamCapacity::remaining(MemberIx m) const {
  return capacity_[m] - committed_[m] - planned_[m];
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
  const v1::RecommendTuning& tuning = context_.settings.tuning.recommend();
  const v1::Level person_level = index.person(p).level();
  const auto graded_with_person = [&](MemberIx m) {
    const RelationshipIx cell = index.FindCell(m, p);
    return cell != model::kNone && index.grade(cell) != v1::GRADE_UNSPECIFIED;
  };

  // Connections through the people around p, within the budgets, in the order met (for a
  // deterministic walk).
  if (++stamp_ == 0) {  // wrapped: no stamp may match an earlier call's
    std::fill(connection_stamp_.begin(), connection_stamp_.end(), 0);
    stamp_ = 1;
  }
  connected_.clear();
  VisitNeighbourRelationships(index, p, [&](RelationshipIx r) {
    const double strength = ValueOf(tuning.owner().connection_strength(), index.grade(r));
    if (strength == 0) return;
    const MemberIx m = index.relationship_member(r);
    if (connection_stamp_[m] != stamp_) {
      connection_stamp_[m] = stamp_;
      connection_of_[m] = Connection{};
      connected_.push_back(m);
    }
    if (strength > connection_of_[m].strength) connection_of_[m] = {strength, r};
  });
  const auto connection = [this](MemberIx m) -> const Connection* {
    return m != model::kNone && connection_stamp_[m] == stamp_ ? &connection_of_[m] : nullptr;
  };

  struct Option {
    MemberIx member = model::kNone;
    double score = -1;
    double free = 0;
  };
  Option affordable, any;
  const auto consider = [&](MemberIx m) {
    const Connection* met = connection(m);
    const double strength = met == nullptr ? 0 : met->strength;
    const double free_share = capacity_[m] > 0 ? std::max(0.0, remaining(m)) / capacity_[m] : 0;
    const double score =
        SeniorityFit(tuning, index.member(m).level(), person_level) +
        tuning.owner().connection_weight() * strength +
        tuning.owner().free_share_weight() * free_share +
        (thin_web_ && !holds_thread_[m] ? tuning.owner().thin_web_new_member_bonus() : 0);
    const Option option{m, score, remaining(m)};
    const auto better = [](const Option& a, const Option& b) {
      if (b.member == model::kNone) return true;
      if (a.score != b.score) return a.score > b.score;
      if (a.free != b.free) return a.free > b.free;
      return a.member < b.member;
    };
    if (better(option, any)) any = option;
    if (CanAfford(m, effort) && better(option, affordable)) affordable = option;
  };
  for (MemberIx m : connected_) {
    if (!graded_with_person(m)) consider(m);
  }
  // Within a level, unconnected members differ only by effort free and (while the web is thin)
  // by holding a thread: the front of the bucket, and its first member without a thread, are the
  // only ones worth comparing. Members skipped are at most the person's own relationships and,
  // while the web is thin, at most the one member who holds threads.
  for (const Bucket& bucket : by_level_) {
    bool front = true;
    for (const auto& [negative_free, m] : bucket) {
      if (graded_with_person(m)) continue;
      if (front) {
        consider(m);
        front = false;
        if (!thin_web_ || !holds_thread_[m]) break;
      } else if (!holds_thread_[m]) {
        consider(m);
        break;
      }
    }
  }

  OwnerChoice choice;
  // An owner the blueprint already names for the person is kept when they can take it on.
  if (const MemberIx named = BlueprintOwner(p);
      named != model::kNone && !graded_with_person(named) && CanAfford(named, effort)) {
    affordable.member = named;
    any.member = named;
  }
  choice.member = affordable.member;
  choice.best_placed = any.member;
  const MemberIx described = choice.member != model::kNone ? choice.member : choice.best_placed;
  if (const Connection* met = connection(described); met != nullptr) choice.connection = *met;
  return choice;
}

MemberIx TeamCapacity::BlueprintOwner(PersonIx p) const {
  const model::PlanIndex& index = context_.index;
  for (int32_t e : index.blueprint_of_person(p)) {
    const std::string& id = index.plan().blueprint(e).team_member_id();
    if (id.empty()) continue;
    if (const MemberIx m = index.FindMember(id); m != model::kNone) return m;
  }
  return model::kNone;
}

MemberIx TeamCapacity::ChooseRepairOwner(PersonIx p, MemberIx holder, double effort) const {
  const model::PlanIndex& index = context_.index;
  const v1::RecommendTuning& tuning = context_.settings.tuning.recommend();
  const v1::Level person_level = index.person(p).level();
  const v1::Level holder_level = index.member(holder).level();
  const int32_t max_below = tuning.owner().repair_holder_max_levels_below();
  if (person_level == v1::LEVEL_UNSPECIFIED || holder_level == v1::LEVEL_UNSPECIFIED ||
      person_level - holder_level <= max_below) {
    return holder;
  }
  const auto senior_enough = [&](MemberIx m) {
    const v1::Level level = index.member(m).level();
    return level != v1::LEVEL_UNSPECIFIED && person_level - level <= max_below;
  };
  // First choice: a senior-enough member who already holds a positive grade with the person.
  MemberIx best = model::kNone;
  v1::Grade best_grade = v1::GRADE_UNSPECIFIED;
  for (RelationshipIx r : index.graded_of_person(p)) {
    const MemberIx m = index.relationship_member(r);
    if (m == holder || index.grade(r) < v1::SATISFIED || !senior_enough(m)) continue;
    if (!CanAfford(m, effort)) continue;
    if (best == model::kNone || index.grade(r) > best_grade) {
      best = m;
      best_grade = index.grade(r);
    }
  }
  if (best != model::kNone) return best;
  // Else the best-fitting level with the most effort free: the front of each bucket.
  double best_fit = -1;
  for (int level = 0; level < static_cast<int>(by_level_.size()); ++level) {
    for (const auto& [negative_free, m] : by_level_[level]) {
      if (m == holder) continue;
      if (!senior_enough(m)) break;      // one level: all or none are senior enough
      if (!CanAfford(m, effort)) break;  // most free first: nobody behind can either
      const double fit = SeniorityFit(tuning, index.member(m).level(), person_level);
      if (fit > best_fit) {
        best_fit = fit;
        best = m;
      }
      break;
    }
  }
  return best != model::kNone ? best : holder;
}

std::string TeamCapacity::FreeEffort(MemberIx m) const {
  return absl::StrCat(std::max(0.0, remaining(m)), " of ", capacity_[m],
                      limited_[m] ? "" : " (default)", " effort units free (",
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
  if (BlueprintOwner(p) == m) absl::StrAppend(&reason, "; the plan's blueprint names them");
  if (own_cell == model::kNone && thin_web_ && !holds_thread_[m]) {
    absl::StrAppend(&reason, "; holds no thread yet, and our side of the web is thin");
  }
  absl::StrAppend(&reason, "; ", FreeEffort(m));
  return reason;
}

std::vector<v1::TeamLoad> TeamCapacity::Loads() const {
  std::vector<v1::TeamLoad> loads(capacity_.size());
  for (MemberIx m = 0; m < static_cast<MemberIx>(loads.size()); ++m) {
    v1::TeamLoad& load = loads[m];
    load.set_team_member_id(context_.index.member(m).id());
    load.set_has_capacity(true);  // stated, else settings.default_capacity
    load.set_capacity(capacity_[m]);
    load.set_committed(committed_[m]);
    load.set_planned(planned_[m]);
  }
  return loads;
}

}  // namespace contactplan::recommend
