// The business relationship pyramid per person: its type, and current against desired level.
#include <string>

#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::PersonIx;

// Planning treats an unset current level as VENDOR (docs/rules.md): a relationship nobody has assessed is
// assumed to be at the bottom of the pyramid. Every rule of this family reads it the same way.
v1::RelationshipLevel CurrentLevel(const v1::Person& person) {
  return person.relationship_level() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED ? v1::VENDOR
                                                                          : person.relationship_level();
}

// Levels from current to desired; 0 when no desired level is set (nothing to close).
int32_t GapLevels(const v1::Person& person) {
  if (person.desired_relationship_level() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED) return 0;
  return person.desired_relationship_level() - CurrentLevel(person);
}

// "from Vendor (unset) to Problem Solver".
std::string FromTo(const v1::Person& person) {
  return absl::StrCat(
      "from ", RelationshipLevelWord(CurrentLevel(person)),
      person.relationship_level() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED ? " (not assessed)" : "",
      " to ", RelationshipLevelWord(person.desired_relationship_level()));
}

// "Dana Reyes (CFO) should move from Vendor to Problem Solver, 2 levels up; <advice>".
void AppendGapMessage(const model::PlanIndex& index, PersonIx p, const char* advice,
                      std::string* message) {
  const v1::Person& person = index.person(p);
  const int32_t gap = GapLevels(person);
  AppendPersonLabel(index, p, message);
  absl::StrAppend(message, " should move ", FromTo(person), ", ", gap,
                  gap == 1 ? " level" : " levels", " up; ", advice);
}

// The two gap rules' sentences, written only for a listed finding.
void RelationshipGapMessage(const model::Context& context, const Finding& finding,
                            std::string* message) {
  AppendGapMessage(context.index, finding.persons[0],
                   "plan the next step up, showing value the person sees as beyond what we sell.",
                   message);
}

void LargeRelationshipGapMessage(const model::Context& context, const Finding& finding,
                                 std::string* message) {
  AppendGapMessage(context.index, finding.persons[0],
                   "relationships climb one level at a time, so plan the next level first, or "
                   "lower the desired level to what the account really needs.",
                   message);
}

void AddGapFinding(const model::PlanIndex& index, PersonIx p, v1::Severity severity,
                   MessageWriter message, FindingSink& sink) {
  const v1::Person& person = index.person(p);
  const int32_t gap = GapLevels(person);
  sink.Add(severity, message)
      .Person(p)
      .Number("current_level", CurrentLevel(person))
      .Number("desired_level", person.desired_relationship_level())
      .Number("gap_levels", gap)
      .AtPerson(p);
}

// Written only for a listed finding.
void CompetitiveRelationshipMessage(const model::Context& context, const Finding& finding,
                                    std::string* message) {
  absl::StrAppend(message, "The relationship with ", PersonLabel(context.index, finding.persons[0]),
                  " is competitive: each side sees its needs at odds with the other's; "
                  "learn what they are measured on and find one shared goal to work on "
                  "together.");
}

void CompetitiveRelationship(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history: only the rules about leaving see them
    if (index.person(p).relationship_type() != v1::COMPETITIVE) continue;
    sink.Add(v1::INFO, CompetitiveRelationshipMessage).Person(p).AtPerson(p);
  }
}

void RelationshipGap(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const int32_t large = in.settings().large_relationship_gap_levels;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history: only the rules about leaving see them
    // One level by default; when the large-gap threshold is raised, the gaps below it that are no
    // longer "large" still deserve this smaller finding.
    const int32_t gap = GapLevels(index.person(p));
    if (gap < 1 || gap >= large) continue;
    AddGapFinding(index, p, v1::INFO, RelationshipGapMessage, sink);
  }
}

void LargeRelationshipGap(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const int32_t large = in.settings().large_relationship_gap_levels;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history: only the rules about leaving see them
    if (GapLevels(index.person(p)) < large) continue;
    AddGapFinding(index, p, v1::WARNING, LargeRelationshipGapMessage, sink);
  }
}

// Written only for a listed finding.
void BelowCredibleSourceMessage(const model::Context& context, const Finding& finding,
                                std::string* message) {
  const PersonIx p = finding.persons[0];
  AppendPersonLabel(context.index, p, message);
  absl::StrAppend(message,
                  " matters to the account but sees us as a Vendor; become a Credible Source by bringing them reliable insight about "
                  "their own business, not about our offer.");
}

void BelowCredibleSource(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history: only the rules about leaving see them
    const v1::Person& person = index.person(p);
    // An unset level was never assessed: it says nothing about how the person sees us (the
    // confidence score counts such persons instead).
    if (!index.matters(p) || person.relationship_level() != v1::VENDOR) continue;
    sink.Add(v1::WARNING, BelowCredibleSourceMessage)
        .Person(p)
        .Number("current_level", v1::VENDOR)
        .AtPerson(p);
  }
}

// Written only for a listed finding.
void OverInvestedMessage(const model::Context& context, const Finding& finding,
                         std::string* message) {
  const PersonIx p = finding.persons[0];
  const v1::Person& person = context.index.person(p);
  AppendPersonLabel(context.index, p, message);
  absl::StrAppend(message, " is at ",
                  RelationshipLevelWord(CurrentLevel(person)), ", above the desired ",
                  RelationshipLevelWord(person.desired_relationship_level()),
                  "; keeping that level costs effort that could move elsewhere, unless "
                  "the desired level should be raised.");
}

void OverInvested(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history: only the rules about leaving see them
    const v1::Person& person = index.person(p);
    if (person.desired_relationship_level() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED) continue;
    const int32_t over = CurrentLevel(person) - person.desired_relationship_level();
    if (over <= 0) continue;
    sink.Add(v1::INFO, OverInvestedMessage)
        .Person(p)
        .Number("current_level", CurrentLevel(person))
        .Number("desired_level", person.desired_relationship_level())
        .Number("gap_levels", -over)
        .AtPerson(p);
  }
}

}  // namespace

extern constinit const Rule kCompetitiveRelationship{
    .info = {.code = "COMPETITIVE_RELATIONSHIP",
             .fires_when = "a person's relationship type is COMPETITIVE",
             .severity = "INFO",
             .explanation =
                 "In a competitive relationship each side sees its needs as opposed to the other's: "
                 "every conversation is a negotiation and every gain for one side feels like a loss "
                 "for the other. Such relationships are fragile and rarely grow. Learn what the "
                 "person is measured on, find a goal both sides share, and work on it together to "
                 "move towards a cooperative relationship."},
    .needs_now = false,
    .evaluate = CompetitiveRelationship,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kRelationshipGap{
    .info = {.code = "RELATIONSHIP_GAP",
             .fires_when = "current relationship level is exactly 1 below desired (unset current "
                           "counts as VENDOR)",
             .severity = "INFO",
             .explanation =
                 "The person is one level of the relationship pyramid (Vendor, Credible Source, "
                 "Problem Solver, Trusted Advisor) below where the account team wants them. One "
                 "level is a reachable step within a planning horizon: plan it with a blueprint "
                 "entry. A person whose current level was never assessed counts as Vendor; one "
                 "without a desired level has no gap. If the large-gap threshold is raised above "
                 "2, gaps below that threshold are reported here."},
    .needs_now = false,
    .evaluate = RelationshipGap,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kLargeRelationshipGap{
    .info = {.code = "LARGE_RELATIONSHIP_GAP",
             .fires_when = "current relationship level is 2 or more below desired",
             .severity = "WARNING",
             .explanation =
                 "The desired relationship level is two or more levels of the pyramid above the "
                 "current one. Relationships climb one level at a time, and each level costs more "
                 "to reach and keep, so a plan that aims straight at the top is unlikely to work. "
                 "Plan the next level first, or ask whether the desired level matches what the "
                 "account needs from this person. An unassessed current level counts as Vendor."},
    .needs_now = false,
    .evaluate = LargeRelationshipGap,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kBelowCredibleSource{
    .info = {.code = "BELOW_CREDIBLE_SOURCE",
             .fires_when = "a person who matters has current relationship level VENDOR (an unset "
                           "level is not assessed, not Vendor: it does not fire this rule)",
             .severity = "WARNING",
             .explanation =
                 "Everyone who matters in a target account should see us at least as a Credible "
                 "Source: someone whose information they rely on. As a Vendor we are called in "
                 "when requirements are already written, and compared on price. Bring the person "
                 "insight about their own business to earn credibility. A person whose current "
                 "level was never assessed is not reported here: nothing says they see us as a "
                 "Vendor, and the confidence score counts the levels left unassessed."},
    .needs_now = false,
    .evaluate = BelowCredibleSource,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kOverInvested{
    .info = {.code = "OVER_INVESTED",
             .fires_when = "current relationship level is above desired: effort can move elsewhere",
             .severity = "INFO",
             .explanation =
                 "The relationship is already above the level the account team wants with this "
                 "person. Higher levels cost more to sustain, so the extra effort may serve the "
                 "account better elsewhere. Either raise the desired level, because the person "
                 "matters more than the plan says, or keep the relationship warm with less "
                 "effort and move time to persons with a gap."},
    .needs_now = false,
    .evaluate = OverInvested};

}  // namespace contactplan::rules
