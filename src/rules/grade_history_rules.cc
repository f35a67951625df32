// Grade history: the grades an intersection had before (docs/time.md#grade-history).
#include <string>

#include "absl/strings/str_cat.h"
#include "model/grade_history.h"
#include "model/time.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// "Dana Reyes (CFO)'s grade of Sam Lee fell from Satisfied to Dissatisfied 12 days ago; ...",
// written only for a listed finding.
void GradeFallingMessage(const model::Context& context, const Finding& finding,
                         std::string* message) {
  const model::PlanIndex& index = context.index;
  const auto from = static_cast<v1::Grade>(finding.number("from_grade"));
  const auto to = static_cast<v1::Grade>(finding.number("to_grade"));
  const bool hostile = to <= v1::DISSATISFIED;
  AppendPersonLabel(index, finding.persons[0], message);
  absl::StrAppend(message, "'s grade of ",
                  MemberLabel(index, finding.members[0]), " fell from ", GradeWord(from), " to ",
                  GradeWord(to), " ", static_cast<int64_t>(finding.number("days_since_drop")),
                  " days ago; ",
                  hostile ? "find out what went wrong, own it, and agree a recovery plan with "
                            "them before it spreads."
                          : "ask what changed while it is fresh, and act on the answer.");
}

void GradeFalling(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const absl::Time now = *in.context.now;  // the registry skips this rule without "now"
  const int32_t window_days = in.settings().tuning.activity().falling_window_days();
  const absl::Duration window = absl::Hours(24) * window_days;
  for (RelationshipIx r : index.graded()) {
    if (!index.fell_within(r, now, window)) continue;
    const model::GradeChangeSeen& change = *index.latest_drop(r);  // read once, by the index
    const PersonIx p = index.relationship_person(r);
    const MemberIx m = index.relationship_member(r);
    const bool hostile = change.to <= v1::DISSATISFIED;
    const bool critical = hostile && index.is_key(p);
    const int64_t days = model::DaysBetween(*change.at, now);
    sink.Add(critical ? v1::CRITICAL : v1::WARNING, GradeFallingMessage)
        .Person(p)
        .Member(m)
        .Number("from_grade", change.from)
        .Number("to_grade", change.to)
        .Number("days_since_drop", static_cast<double>(days))
        .Number("window_days", window_days)
        .AtRelationship(r);
  }
}

}  // namespace

extern constinit const Rule kGradeFalling{
    .info = {.code = "GRADE_FALLING",
             .fires_when = "an intersection's latest grade change is a drop, dated within 90 days "
                           "before now",
             .severity = "WARNING; CRITICAL when it fell to D or M with a key person",
             .explanation =
                 "A grade that has just dropped is the earliest warning a map gives: something "
                 "happened, and the person remembers it. Left alone it keeps falling. Ask what "
                 "changed while it is fresh; if it fell to Dissatisfied or Motivated to change, own "
                 "the problem and agree a recovery plan. The grade history of the intersection "
                 "dates the change; the rule needs a \"now\"."},
    .needs_now = true,
    .evaluate = GradeFalling,
    // The urgency of a falling cell is its own term of the key-intersection priority
    // (docs/time.md#grade-history), so the reason adds none here.
    .reason = {.scope = ReasonScope::kThisCell}};

}  // namespace contactplan::rules
