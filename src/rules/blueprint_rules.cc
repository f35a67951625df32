// The contact blueprint: whether the relationships that need work have a plan, and whether the plan
// invests in the relationship rather than just selling.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// How many of the three relationship tests a tactic passes.
int32_t TestsPassed(const v1::Tactic& tactic) {
  return static_cast<int32_t>(tactic.invests_own_time()) + static_cast<int32_t>(tactic.teaches_us()) +
         static_cast<int32_t>(tactic.shows_value());
}

// "blueprint entry for Dana Reyes (CFO) with Sam Lee" (no article: callers add it).
std::string EntryLabel(const model::PlanIndex& index, int32_t b) {
  const v1::BlueprintEntry& entry = index.plan().blueprint(b);
  const PersonIx p = index.FindPerson(entry.person_id());
  const MemberIx m = index.FindMember(entry.team_member_id());
  return absl::StrCat("blueprint entry for ",
                      p == model::kNone ? entry.person_id() : PersonLabel(index, p),
                      m == model::kNone ? "" : absl::StrCat(" with ", MemberLabel(index, m)));
}

void NoBlueprint(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  if (index.person_count() == 0 || !index.plan().blueprint().empty()) return;
  sink.Add(v1::INFO,
           "The plan has no contact blueprint; for the few relationships that matter most in the "
           "next 30 to 90 days, write down the goal, the influence strategy and the tactics, and "
           "who owns them.")
      .Number("persons", index.person_count());
}

void MissingBlueprint(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  if (index.plan().blueprint().empty()) return;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (!index.is_key(p) || !index.blueprint_of_person(p).empty()) continue;
    const std::span<const RelationshipIx> graded = index.graded_of_person(p);
    const bool uncovered = graded.empty();
    bool weak = false;
    for (RelationshipIx r : graded) weak = weak || index.grade(r) <= v1::INDIFFERENT;
    if (!uncovered && !weak) continue;
    FindingBuilder finding = sink.Add(
        v1::WARNING,
        absl::StrCat(PersonLabel(index, p), " is a key person ",
                     uncovered ? "nobody on our team has a graded relationship with"
                               : "with a relationship at Indifferent or worse",
                     ", yet the blueprint has no entry for them; add one with an owner, a goal "
                     "one grade up and the tactics to get there."))
                                    .Person(p);
    for (RelationshipIx r : graded) {
      if (index.grade(r) <= v1::INDIFFERENT) finding.Member(index.relationship_member(r));
    }
    finding.Number("graded_intersections", static_cast<double>(graded.size())).Path(PersonPath(p));
  }
}

void GoalSkipsLevels(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Plan& plan = index.plan();
  for (int32_t b = 0; b < plan.blueprint_size(); ++b) {
    const v1::BlueprintEntry& entry = plan.blueprint(b);
    const v1::Grade goal = entry.goal().grade();
    if (goal == v1::GRADE_UNSPECIFIED) continue;
    // The goal is about the intersection (person, owner); an entry without an owner names none.
    const PersonIx p = index.FindPerson(entry.person_id());
    const MemberIx m = index.FindMember(entry.team_member_id());
    if (p == model::kNone || m == model::kNone) continue;
    const RelationshipIx r = index.FindCell(m, p);
    const v1::Grade current = r == model::kNone ? v1::GRADE_UNSPECIFIED : index.grade(r);
    // Every relationship starts at INDIFFERENT, so from a blank cell SATISFIED is the first goal
    // (reached via INDIFFERENT within the horizon, as the key intersections plan it); OPEN or
    // TRUST skips.
    const int32_t from = current == v1::GRADE_UNSPECIFIED ? v1::INDIFFERENT : current;
    const int32_t steps = goal - from;
    if (steps <= 1) continue;
    sink.Add(v1::WARNING,
             absl::StrCat("The goal of the ", EntryLabel(index, b), " is ", GradeWord(goal), " from ",
                          current == v1::GRADE_UNSPECIFIED ? "no relationship yet"
                                                           : GradeWord(current),
                          ", ", steps,
                          " steps at once; relationships move one grade at a time, so set the "
                          "next grade as the goal for this horizon."))
        .Person(p)
        .Member(m)
        .Number("current_grade", current)
        .Number("goal_grade", goal)
        .Number("gap_levels", steps)
        .Path(BlueprintPath(b));
  }
}

void NoInfluenceStrategy(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Plan& plan = index.plan();
  for (int32_t b = 0; b < plan.blueprint_size(); ++b) {
    const v1::BlueprintEntry& entry = plan.blueprint(b);
    bool named = false;
    for (int strategy : entry.strategies()) {
      named = named || strategy != v1::INFLUENCE_STRATEGY_UNSPECIFIED;
    }
    if (named) continue;
    sink.Add(v1::WARNING,
             absl::StrCat("The ", EntryLabel(index, b),
                          " names no influence strategy; choose the channel the tactics work "
                          "through (reciprocity, commitment, social proof, liking, authority, "
                          "scarcity or unity) so they pull in one direction."))
        .Person(index.FindPerson(entry.person_id()))
        .Member(index.FindMember(entry.team_member_id()))
        .Path(BlueprintPath(b));
  }
}

void SalesTactic(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Plan& plan = index.plan();
  for (int32_t b = 0; b < plan.blueprint_size(); ++b) {
    const v1::BlueprintEntry& entry = plan.blueprint(b);
    for (int32_t t = 0; t < entry.tactics_size(); ++t) {
      const v1::Tactic& tactic = entry.tactics(t);
      if (TestsPassed(tactic) > 0) continue;
      const MemberIx owner = index.FindMember(
          tactic.owner_id().empty() ? entry.team_member_id() : tactic.owner_id());
      sink.Add(v1::INFO,
               absl::StrCat("The tactic ",
                            tactic.description().empty()
                                ? std::string()
                                : absl::StrCat("\"", tactic.description(), "\" "),
                            "in the ", EntryLabel(index, b),
                            " passes none of the three relationship tests (our own unpaid time, "
                            "learning about the client, showing value beyond the current work); "
                            "it sells rather than invests: rework it or add one that invests."))
          .Person(index.FindPerson(entry.person_id()))
          .Member(owner)
          .Number("tests_passed", 0)
          .Path(TacticPath(b, t));
    }
  }
}

void SalesPlan(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const Settings& settings = in.settings();
  int32_t tactics = 0;
  int32_t investing = 0;  // tactics passing at least two tests
  for (const v1::BlueprintEntry& entry : index.plan().blueprint()) {
    for (const v1::Tactic& tactic : entry.tactics()) {
      ++tactics;
      investing += TestsPassed(tactic) >= 2;
    }
  }
  if (tactics == 0 || tactics < settings.sales_plan_min_tactics) return;
  const double share = static_cast<double>(investing) / tactics;
  if (!(share < settings.sales_plan_min_share)) return;
  sink.Add(v1::WARNING,
           absl::StrFormat("Only %d of the blueprint's %d tactics (%.0f%%) pass at least two of "
                           "the three relationship tests, fewer than %.0f%%: this is a sales plan, "
                           "not a relationship plan; replace tactics that ask with ones that give "
                           "our time, teach us about the client and show our value.",
                           investing, tactics, 100 * share, 100 * settings.sales_plan_min_share))
      .Number("tactics", tactics)
      .Number("investing_tactics", investing)
      .Number("investing_share", share);
}

}  // namespace

extern constinit const Rule kNoBlueprint{
    .info = {.code = "NO_BLUEPRINT",
             .fires_when = "the plan has persons but no blueprint entry",
             .severity = "INFO",
             .explanation =
                 "A contact map shows where relationships stand; the blueprint says what we will do "
                 "about them. Without one, attention goes to whoever calls most often. Single out "
                 "the few relationships that matter most for the next 30 to 90 days and give each "
                 "an owner, a goal one grade up, an influence strategy and tactics. The engine's "
                 "drafted blueprint is a starting point."},
    .needs_now = false,
    .evaluate = NoBlueprint};

extern constinit const Rule kMissingBlueprint{
    .info = {.code = "MISSING_BLUEPRINT",
             .fires_when = "the blueprint has entries, and a key person with an intersection at I, "
                           "D or M, or uncovered, has none",
             .severity = "WARNING",
             .explanation =
                 "The team keeps a blueprint, but a key person whose relationship with us is weak "
                 "(Indifferent or worse) or missing altogether is not in it. These are the "
                 "relationships that most need a plan, and a blueprint that leaves them out "
                 "spends effort where it is easy rather than where it counts. Add an entry with "
                 "an owner and a goal one grade up."},
    .needs_now = false,
    .evaluate = MissingBlueprint,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kGoalSkipsLevels{
    .info = {.code = "GOAL_SKIPS_LEVELS",
             .fires_when = "a blueprint entry's goal grade is more than one level above the "
                           "current grade of its intersection (for a blank cell, SATISFIED - reached via "
                           "INDIFFERENT - is the first goal and does not skip; OPEN or TRUST does)",
             .severity = "WARNING",
             .explanation =
                 "Relationships move one grade at a time: a person must be Satisfied before they "
                 "are Open, and Open before they Trust us. A goal that jumps several grades "
                 "within one horizon sets the owner up to fail and hides the step that is really "
                 "needed next. From a blank cell the first goal is Satisfied, reached through "
                 "Indifferent, the grade every new relationship starts at; Open or Trust from a "
                 "blank cell skips. Set the next grade as the goal and plan the later "
                 "ones for later horizons. Entries without a goal grade or without an owner are "
                 "not checked."},
    .needs_now = false,
    .evaluate = GoalSkipsLevels};

extern constinit const Rule kNoInfluenceStrategy{
    .info = {.code = "NO_INFLUENCE_STRATEGY",
             .fires_when = "a blueprint entry names no influence strategy",
             .severity = "WARNING",
             .explanation =
                 "An influence strategy is the channel through which the tactics are meant to "
                 "work: reciprocity, commitment, social proof, liking, authority, scarcity or "
                 "unity. Without one, tactics tend to be a list of meetings that pull in different "
                 "directions. Choose the channel that fits the person and the grade step, then "
                 "check that each tactic uses it."},
    .needs_now = false,
    .evaluate = NoInfluenceStrategy};

extern constinit const Rule kSalesTactic{
    .info = {.code = "SALES_TACTIC",
             .fires_when = "a tactic passes none of the three relationship tests",
             .severity = "INFO",
             .explanation =
                 "A tactic that invests in the relationship passes three tests: we give our own "
                 "unpaid time, doing it teaches us more about the client, and it shows rather than "
                 "asserts that we are useful beyond the current work. A tactic that passes none of "
                 "them is a sales step, however it is named. Rework it so that it gives before it "
                 "asks, or pair it with one that does."},
    .needs_now = false,
    .evaluate = SalesTactic};

extern constinit const Rule kSalesPlan{
    .info = {.code = "SALES_PLAN",
             .fires_when = "the blueprint has at least 4 tactics and fewer than half of them pass "
                           "at least two tests",
             .severity = "WARNING",
             .explanation =
                 "Most of the blueprint's tactics fail the relationship tests, so the blueprint is "
                 "a sales plan in disguise: it aims at the next order rather than at a relationship "
                 "that produces orders for years. Clients notice the difference. Replace tactics "
                 "that ask for something with ones that invest our own time, teach us about the "
                 "client and show our value."},
    .needs_now = false,
    .evaluate = SalesPlan};

}  // namespace contactplan::rules
