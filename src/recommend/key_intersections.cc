#include "recommend/key_intersections.h"

#include <algorithm>
#include <bit>
#include <optional>
#include <queue>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/stable_sort.h"
#include "recommend/grade_steps.h"
#include "recommend/introducer.h"
#include "recommend/priority.h"
#include "recommend/strategy_table.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

using Tier = v1::KeyIntersection::Tier;

struct Candidate {
  PersonIx person;
  MemberIx member;      // the owner; kNone only when the plan has no team
  RelationshipIx cell;  // the graded relationship; kNone for a blank cell
  MemberIx holder = model::kNone;  // who holds the graded cell the candidate came from
  // A repair passed from `holder` to a more senior owner: the grade the person holds against us
  // (the step's feasibility and urgency start from it); GRADE_UNSPECIFIED otherwise.
  v1::Grade grievance = v1::GRADE_UNSPECIFIED;
  Tier tier = v1::KeyIntersection::TIER_UNSPECIFIED;
  bool mentor_ask = false;  // the step wins a Mentor for an open opportunity
  v1::Grade current;
  v1::Grade next;
  v1::Grade goal;
  double effort;
  ReasonSet reasons;
  Connection connection;  // of a blank cell's owner
  v1::Priority priority;  // Ranking::Score's; until `scored`, Ranking::Bound's score only
  bool scored = false;
};

// Everything the ranking needs per candidate, with the levers of each person found once.
class Ranking {
 public:
  Ranking(const model::Context& context, const KeyIntersectionInputs& inputs)
      : context_(context),
        inputs_(inputs),
        reason_factors_(context.settings.tuning.recommend()),
        levers_(context.index.person_count()) {
    // Every candidate's score reads its person's level: read them all here, in plan order, rather
    // than one Person message per candidate (a cache miss each on a large account).
    person_levels_.reserve(context.index.person_count());
    for (const v1::Person& person : context.index.plan().persons()) {
      person_levels_.push_back(person.level());
    }
  }

  const std::vector<Lever>& LeversOf(PersonIx p) {
    if (!levers_[p]) levers_[p] = inputs_.leverage.Find(p);
    return *levers_[p];
  }

  // Levers for the candidate's cell (its own relationship left out).
  std::vector<Lever> LeversFor(const Candidate& c) {
    return LeverageFinder::ForCell(context_.index, LeversOf(c.person), c.member);
  }

  // The strength of LeversFor(c).front(), or 0 when there is none, without building the list:
  // every candidate is scored, so copying its person's levers per candidate was a tenth of the
  // whole analysis of a large account (benchmarks/RESULTS.md). ForCell keeps the first lever that
  // is not the cell's own relationship, so that is the one whose strength counts.
  double LeverStrength(const Candidate& c) {
    for (const Lever& lever : LeversOf(c.person)) {
      if (lever.hops == 0 && context_.index.relationship_member(lever.holder) == c.member) continue;
      return LeverageFinder::Strength(context_.settings.tuning.recommend(), lever);
    }
    return 0;
  }

  // The grade whose step sets the feasibility: a new face does not erase what the person already
  // thinks of us, so a blank cell with someone who is Dissatisfied or Motivated to change with us
  // is as hard as repairing their best relationship.
  v1::Grade FeasibilityBasis(const Candidate& c) const {
    if (c.grievance != v1::GRADE_UNSPECIFIED) return c.grievance;
    if (c.cell != model::kNone) return c.current;
    v1::Grade best = v1::GRADE_UNSPECIFIED;
    for (RelationshipIx r : context_.index.graded_of_person(c.person)) {
      best = std::max(best, context_.index.grade(r));
    }
    return best != v1::GRADE_UNSPECIFIED && best < v1::INDIFFERENT ? best : c.current;
  }

  void Score(Candidate& c) {
    const double leverage = LeverStrength(c);
    const Factors f = FactorsOf(c);
    c.priority = MakePriority(f.importance, f.urgency,
                              Feasibility(f.tuning, f.basis, f.fit, leverage));
    c.scored = true;
  }

  // A score no lower than Score's, without the leverage search (the costly part: a walk of the
  // person's network, once per person): the feasibility at whichever end of the leverage range
  // (none, full) gives more. The product of the rounded factors grows with each of them when
  // importance is not negative, and every rounding keeps order, so the bound holds to the bit;
  // with a negative importance the candidate is scored outright. PlanKeyIntersections scores a
  // candidate only when its bound reaches the top of the ranking: on the 10,000 x 500 account
  // 2,801 of 21,873.
  void Bound(Candidate& c) {
    const Factors f = FactorsOf(c);
    if (!(f.importance >= 0)) {
      Score(c);
      return;
    }
    const double feasibility = std::max(Feasibility(f.tuning, f.basis, f.fit, 0.0),
                                        Feasibility(f.tuning, f.basis, f.fit, 1.0));
    c.priority = MakePriority(f.importance, f.urgency, feasibility);
    c.scored = false;
  }

 private:
  // What Score and Bound share: everything but the leverage.
  struct Factors {
    const v1::RecommendTuning& tuning;
    double importance;
    double urgency;
    v1::Grade basis;
    double fit;
  };
  Factors FactorsOf(const Candidate& c) const {
    const model::PlanIndex& index = context_.index;
    const v1::RecommendTuning& tuning = context_.settings.tuning.recommend();
    const v1::Level person_level = person_levels_[c.person];
    const v1::Level owner_level =
        c.member == model::kNone ? v1::LEVEL_UNSPECIFIED : index.member(c.member).level();
    const double urgency =
        Urgency(tuning, reason_factors_,
                c.grievance != v1::GRADE_UNSPECIFIED ? c.grievance : c.current, c.reasons,
                inputs_.deal.Pressure(c.person));
    // A repair handed to a more senior member starts afresh with them, from the grievance.
    return {tuning, inputs_.importance[c.person], WithFallingUrgency(context_, c.cell, urgency),
            FeasibilityBasis(c), SeniorityFit(tuning, owner_level, person_level)};
  }

  const model::Context& context_;
  const KeyIntersectionInputs& inputs_;
  const ReasonFactors reason_factors_;  // of the analysis' tuning, read once
  std::vector<v1::Level> person_levels_;  // by person
  std::vector<std::optional<std::vector<Lever>>> levers_;
};

// Heap order: the first tier on top, then the highest score; ties to plan order of person, then
// member, graded cells first, then to the candidate found first (in the plan order of the cells
// they came from: a repair handed over to a member who holds a cell of their own with the person
// is the same cell as that member's own step). A total order, so which candidate wins never
// depends on how the heap was built or which candidates were scored when.
struct Lower {
  const std::vector<Candidate>* candidates;
  bool operator()(int32_t a, int32_t b) const {
    const Candidate& x = (*candidates)[a];
    const Candidate& y = (*candidates)[b];
    if (x.tier != y.tier) return x.tier > y.tier;  // tiers first: REPAIR on top
    if (x.priority.score() != y.priority.score()) return x.priority.score() < y.priority.score();
    if (x.person != y.person) return x.person > y.person;
    if (x.member != y.member) return x.member > y.member;
    if (x.cell != y.cell) return x.cell < y.cell;
    return a > b;
  }
};

std::string UnstaffedReason(const model::Context& context, const TeamCapacity& capacity,
                            const Candidate& c) {
  const model::PlanIndex& index = context.index;
  if (c.member == model::kNone) return "the plan has no team members who could own this cell";
  const std::string effort =
      absl::StrCat("reaching ", rules::GradeWord(c.goal), " needs ", c.effort,
                   c.effort == 1 ? " effort unit" : " effort units");
  if (c.cell != model::kNone) {
    return absl::StrCat(rules::MemberLabel(index, c.member), " holds this relationship (",
                        rules::GradeWord(c.current), ") but has ", capacity.FreeEffort(c.member),
                        "; ", effort);
  }
  return absl::StrCat("nobody who could take on ", rules::PersonLabel(index, c.person),
                      " has the effort free (", effort,
                      "); best placed: ", rules::MemberLabel(index, c.member), ", ",
                      capacity.FreeEffort(c.member));
}

// Makes `owner` the owner of c, a repair of the holder's D or M cell: the key intersection is the
// owner's own cell with the person (a new face from blank, else the grade they hold, kept when it
// is already positive: the step is the repair conversation, not a climb). Back to the holder's own
// cell when `owner` is the holder.
void HandOver(const model::Context& context, Candidate& c, MemberIx owner) {
  const model::PlanIndex& index = context.index;
  const RelationshipIx holder_cell = index.FindCell(c.holder, c.person);
  const v1::Grade grievance =
      c.grievance != v1::GRADE_UNSPECIFIED ? c.grievance : index.grade(holder_cell);
  c.member = owner;
  if (owner == c.holder) {
    c.cell = holder_cell;
    c.current = grievance;
    c.grievance = v1::GRADE_UNSPECIFIED;
    c.next = NextGrade(c.current);
  } else {
    const RelationshipIx own = index.FindCell(owner, c.person);
    const bool graded = own != model::kNone && index.grade(own) != v1::GRADE_UNSPECIFIED;
    c.cell = graded ? own : model::kNone;
    c.current = graded ? index.grade(own) : v1::GRADE_UNSPECIFIED;
    c.grievance = grievance;
    c.next = IsPositive(c.current) ? c.current : NextGrade(c.current);
  }
  c.goal = IsPositive(c.current) && c.grievance != v1::GRADE_UNSPECIFIED
               ? c.current
               : GoalGrade(c.current, v1::SATISFIED);
  c.effort = StepEffort(context.settings, c.current, c.goal);
}

// The tier a seller works the candidate in (docs/recommendations.md#tiers). Feasibility plays no
// part: a hard repair stays a repair.
Tier TierOf(const model::PlanIndex& index, const DealView& deal, const Candidate& c) {
  if (c.cell != model::kNone && c.current <= v1::DISSATISFIED && index.matters(c.person)) {
    return v1::KeyIntersection::REPAIR;
  }
  if (deal.UnsupportiveDecider(c.person)) return v1::KeyIntersection::REPAIR;
  if (c.mentor_ask || deal.Decider(c.person)) return v1::KeyIntersection::DEAL;
  if (c.cell == model::kNone || c.current < v1::SATISFIED) return v1::KeyIntersection::COVERAGE;
  return v1::KeyIntersection::DEPTH;
}

// The strategies of a staffed step: the champion ask for a Mentor candidate (and for a deal step
// on a Trust cell, which has no grade step left); repairs without scarcity or social proof; the
// deal that presses named in the first reason.
std::vector<v1::StrategyChoice> StrategiesFor(const model::Context& context, const DealView& deal,
                                              const Candidate& c) {
  const model::PlanIndex& index = context.index;
  std::vector<v1::StrategyChoice> choices =
      c.mentor_ask ? ChampionStrategies()
                   : RankStrategies(context.settings, index, c.person,
                                    c.grievance != v1::GRADE_UNSPECIFIED ? c.grievance : c.current,
                                    index.member(c.member).level());
  if (choices.empty()) choices = ChampionStrategies();
  if (c.tier == v1::KeyIntersection::REPAIR) choices = RepairStrategies(std::move(choices));
  const model::OpportunityIx o =
      c.mentor_ask ? deal.MentorFor(c.person) : deal.PressingOpportunity(c.person);
  if (o != model::kNone && !choices.empty()) {
    v1::StrategyChoice& first = choices.front();
    first.set_reason(absl::StrCat(first.reason(), " The deal: ", deal.Situation(o),
                                  c.mentor_ask ? "; it has no Mentor yet." : "."));
  }
  return choices;
}

}  // namespace

bool NeedsNewRelationship(const model::Context& context, PersonIx p) {
  const model::PlanIndex& index = context.index;
  if (index.has_left(p)) return false;  // history: a successor is the new relationship to build
  int32_t positive = 0;
  for (RelationshipIx r : index.graded_of_person(p)) positive += IsPositive(index.grade(r));
  if (positive == 0 || (index.matters(p) && positive < 2)) return true;
  const v1::Level level = index.person(p).level();
  if (level != v1::EXECUTIVE && level != v1::SENIOR_MANAGEMENT) return false;
  for (RelationshipIx r : index.graded_of_person(p)) {
    const v1::Level member_level = index.member(index.relationship_member(r)).level();
    if (member_level == v1::LEVEL_UNSPECIFIED ||
        level - member_level < context.settings.seniority_gap_levels) {
      return false;
    }
  }
  return true;
}

void PlanKeyIntersections(const model::Context& context, const KeyIntersectionInputs& inputs,
                          TeamCapacity& capacity, int32_t limit,
                          google::protobuf::RepeatedPtrField<v1::KeyIntersection>* key_intersections,
                          google::protobuf::RepeatedPtrField<v1::UnstaffedCell>* unstaffed) {
  const model::PlanIndex& index = context.index;
  const Settings& settings = context.settings;
  Ranking ranking(context, inputs);
  std::vector<Candidate> candidates;

  // A person's D or M cell is repaired before any other step with them: their other cells and a
  // blank cell wait.
  std::vector<bool> has_grievance(index.person_count(), false);
  for (RelationshipIx r : index.graded()) {
    if (index.grade(r) <= v1::DISSATISFIED) has_grievance[index.relationship_person(r)] = true;
  }
  const DealView& deal = inputs.deal;

  // Graded cells below their target, and the deal's steps on the lead cell of a Mentor candidate
  // or an unsupportive decision maker whatever its grade.
  for (RelationshipIx r : index.graded()) {
    const PersonIx p = index.relationship_person(r);
    const v1::Grade current = index.grade(r);
    if (has_grievance[p] && current > v1::DISSATISFIED) continue;
    const v1::Grade target = inputs.desired.CellTarget(r);
    const bool lead = inputs.desired.LeadCell(p) == r;
    const bool mentor_ask = lead && deal.MentorCandidate(p) && !has_grievance[p];
    // A Mentor candidate's step is the ask, on the relationship they already have with us.
    if (deal.MentorCandidate(p) && !has_grievance[p] && !lead) continue;
    const bool deal_step = lead && (mentor_ask || deal.UnsupportiveDecider(p));
    // Asking an Open or Trust contact to coach us needs no higher grade; from SATISFIED the ask
    // goes with opening the door (a Mentor hears our ideas).
    // A deal step below SATISFIED climbs whatever the plan's target: support is not won from
    // indifference.
    const bool climbs = (current < target || (deal_step && current < v1::SATISFIED)) &&
                        current < v1::TRUST && !(mentor_ask && current >= v1::OPEN);
    if (!climbs && !deal_step) continue;
    Candidate& c = candidates.emplace_back();
    c.person = p;
    c.holder = index.relationship_member(r);
    c.member = c.holder;
    c.cell = r;
    c.current = current;
    c.mentor_ask = mentor_ask;
    // A deal step on a cell already at its target keeps the grade: the step is their support.
    c.next = climbs ? NextGrade(current) : current;
    c.goal = climbs ? GoalGrade(current, target) : current;
    c.effort = StepEffort(settings, current, c.goal);
    c.reasons = inputs.reasons.ForRelationship(c.person, r, c.current, c.next);
    c.tier = TierOf(index, deal, c);
    if (c.tier == v1::KeyIntersection::REPAIR && current <= v1::DISSATISFIED) {
      const MemberIx owner = capacity.ChooseRepairOwner(p, c.holder, c.effort);
      if (owner != c.holder) HandOver(context, c, owner);
    }
  }
  // One blank cell per person who needs a new relationship.
  const double new_relationship_effort =
      StepEffort(settings, v1::GRADE_UNSPECIFIED, GoalGrade(v1::GRADE_UNSPECIFIED, v1::SATISFIED));
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (has_grievance[p] || deal.MentorCandidate(p) || !NeedsNewRelationship(context, p)) continue;
    const OwnerChoice choice = capacity.ChooseOwner(p, new_relationship_effort);
    const MemberIx owner = choice.member != model::kNone ? choice.member : choice.best_placed;
    if (owner == model::kNone && index.member_count() > 0) continue;  // the whole team knows them
    Candidate& c = candidates.emplace_back();
    c.person = p;
    c.member = owner;
    c.cell = model::kNone;
    c.current = v1::GRADE_UNSPECIFIED;
    c.next = NextGrade(c.current);
    c.goal = GoalGrade(c.current, v1::SATISFIED);
    c.effort = new_relationship_effort;
    c.reasons = inputs.reasons.For(p, owner, c.current, c.next);
    c.connection = choice.connection;
    c.tier = TierOf(index, deal, c);
  }
  for (Candidate& c : candidates) ranking.Bound(c);

  std::vector<int32_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::priority_queue<int32_t, std::vector<int32_t>, Lower> heap(Lower{&candidates},
                                                                 std::move(order));
  const int first_key = key_intersections->size();
  std::vector<bool> person_staffed(index.person_count(), false);
  while (!heap.empty() && key_intersections->size() - first_key < limit) {
    const int32_t top = heap.top();
    heap.pop();
    Candidate& c = candidates[top];
    if (person_staffed[c.person]) continue;
    if (!c.scored) {
      // Its bound topped every other candidate's score or bound: its own score takes its place,
      // and the top of the heap is then a scored candidate that no other can beat.
      ranking.Score(c);
      heap.push(top);
      continue;
    }
    const bool affordable = c.member != model::kNone && capacity.CanAfford(c.member, c.effort);
    const bool repair_of_grievance =
        c.holder != model::kNone && c.tier == v1::KeyIntersection::REPAIR &&
        (c.grievance != v1::GRADE_UNSPECIFIED || c.current <= v1::DISSATISFIED);
    if (!affordable && repair_of_grievance) {
      // The repair's owner spent their effort on better-ranked cells: another senior-enough member,
      // else the holder.
      const MemberIx owner = capacity.ChooseRepairOwner(c.person, c.holder, c.effort);
      if (owner != c.member && capacity.CanAfford(owner, c.effort)) {
        HandOver(context, c, owner);
        ranking.Score(c);
        heap.push(top);
        continue;
      }
    }
    if (c.cell == model::kNone && c.member != model::kNone && !repair_of_grievance) {
      // Effort planned for better-ranked cells changes who is best placed (the free share, or
      // the chosen owner's effort is gone): choose again, and re-rank with the new owner's fit.
      // Between two pops without staffing the capacity is unchanged, so this settles.
      const OwnerChoice choice = capacity.ChooseOwner(c.person, c.effort);
      if (choice.member != model::kNone && choice.member != c.member) {
        c.member = choice.member;
        c.connection = choice.connection;
        ranking.Score(c);
        heap.push(top);
        continue;
      }
    }
    if (!affordable) {
      if (unstaffed->size() < limit) {
        v1::UnstaffedCell& cell = *unstaffed->Add();
        cell.set_person_id(index.person(c.person).id());
        if (c.member != model::kNone) cell.set_team_member_id(index.member(c.member).id());
        cell.set_reason(UnstaffedReason(context, capacity, c));
        cell.set_current_grade(c.current);
        cell.set_next_grade(c.next);
        cell.set_effort(c.effort);
        cell.set_priority(c.priority.score());
      }
      continue;
    }

    person_staffed[c.person] = true;
    v1::KeyIntersection& key = *key_intersections->Add();
    key.set_team_member_id(index.member(c.member).id());
    key.set_person_id(index.person(c.person).id());
    key.set_current_grade(c.current);
    key.set_next_grade(c.next);
    key.set_goal_grade(c.goal);
    // The codes of the set in catalogue order (CellReasons::Codes), each written into its field in
    // place rather than gathered into a vector of strings first.
    const std::span<const ReasonCode> codes = ReasonCodes();
    for (ReasonSet bits = c.reasons; bits != 0; bits &= bits - 1) {
      const size_t bit = static_cast<size_t>(std::countr_zero(bits));
      if (bit >= codes.size()) break;  // no such code (a set from CellReasons never has one)
      key.add_reason_codes()->assign(codes[bit].code.data(), codes[bit].code.size());
    }
    *key.mutable_priority() = c.priority;
    // The choices are heap messages and the key lives on the analysis' arena, where a move is a
    // deep copy: their reasons are moved in as strings instead (each keeps its heap block). Both
    // fields of StrategyChoice are carried over.
    for (v1::StrategyChoice& choice : StrategiesFor(context, deal, c)) {
      v1::StrategyChoice& kept = *key.add_strategies();
      kept.set_strategy(choice.strategy());
      kept.set_reason(std::move(*choice.mutable_reason()));
    }
    const std::vector<Lever> levers = ranking.LeversFor(c);
    for (const Lever& lever : levers) LeverageFinder::ToProto(index, lever, key.add_leverage());
    key.set_tier(c.tier);
    if (c.grievance == v1::GRADE_UNSPECIFIED) {
      key.set_owner_reason(capacity.OwnerReason(c.person, c.member, c.cell, c.connection));
    } else {
      const int32_t levels = settings.tuning.recommend().owner().repair_holder_max_levels_below();
      key.set_owner_reason(absl::StrCat(
          capacity.OwnerReason(c.person, c.member, c.cell, {}), "; takes over the repair from ",
          rules::MemberLabel(index, c.holder), ", who holds ", rules::GradeWord(c.grievance),
          " with them more than ", levels, levels == 1 ? " level" : " levels",
          " below the person"));
    }
    // The owner who already holds a thread with the person needs nobody to open the door (a Mentor
    // ask on a Trust cell is the owner's own conversation).
    const bool door_open = c.current >= settings.thread_min_grade;
    if (const Introduction introduction =
            door_open ? Introduction{} : ChooseIntroducer(index, levers, c.person, c.member);
        introduction.member != model::kNone) {
      key.set_introducer_id(index.member(introduction.member).id());
      key.set_introducer_reason(introduction.reason);
    }
    key.set_effort(c.effort);
    capacity.Reserve(c.member, c.effort);
  }
  // A cell that moved to another owner was re-scored with that owner's fit, which may be higher
  // than the scores staffed before it: rank by tier, then final score, staffing order on ties.
  // The messages stay where they are; only the field's pointers are reordered.
  const auto by_score = [](const v1::KeyIntersection* a, const v1::KeyIntersection* b) {
    if (a->tier() != b->tier()) return a->tier() < b->tier();
    return a->priority().score() > b->priority().score();
  };
  StableSort(key_intersections->pointer_begin() + first_key, key_intersections->pointer_end(),
             by_score);
  for (int i = first_key; i < key_intersections->size(); ++i) {
    key_intersections->Mutable(i)->set_rank(i - first_key + 1);
  }
}

}  // namespace contactplan::recommend
