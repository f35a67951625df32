// Staleness: grades that nobody has checked or acted on for too long.
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "model/time.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::RelationshipIx;

// "Sam Lee's Trust grade with Dana Reyes (CFO) was last assessed or acted on 120 days ago ...",
// written only for a listed finding.
void StaleAssessmentMessage(const model::Context& context, const Finding& finding,
                            std::string* message) {
  const model::PlanIndex& index = context.index;
  const v1::Grade grade = index.grade(finding.at.at[0]);
  const bool costly = grade == v1::TRUST || grade == v1::OPEN;
  absl::StrAppend(message, MemberLabel(index, finding.members[0]), "'s ", GradeWord(grade),
                  " grade with ", PersonLabel(index, finding.persons[0]),
                  " was last assessed or acted on ",
                  static_cast<int64_t>(finding.number("days_since_contact")), " days ago (more than ",
                  static_cast<int32_t>(finding.number("stale_after_days")), "); ",
                  costly ? "without attention it drifts down, so make contact and re-grade."
                         : "make contact and re-grade it as the client sees it today.");
}

void StaleAssessment(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const absl::Time now = *in.context.now;  // the registry skips this rule without "now"
  const int32_t stale_days = in.settings().stale_after_days;
  // "More than N days before now", as one time to compare against: Debian's Abseil subtracts
  // times out of line, and this asks it of every graded cell.
  const absl::Time stale_before = now - absl::Hours(24) * stale_days;
  for (RelationshipIx r : index.graded()) {
    // The later of assessed_at and the last contact (else the latest touch). A grade with neither
    // time gives no evidence of age; it is not reported as stale.
    const std::optional<absl::Time> evidence = index.last_evidence(r);
    if (!evidence) continue;
    const absl::Time latest = *evidence;
    // "More than N days": exactly N days is still fresh.
    if (!(latest < stale_before)) continue;
    const v1::Grade grade = index.grade(r);
    const bool costly = grade == v1::TRUST || grade == v1::OPEN;
    const int64_t days = model::DaysBetween(latest, now);
    sink.Add(costly ? v1::WARNING : v1::INFO, StaleAssessmentMessage)
        .Person(index.relationship_person(r))
        .Member(index.relationship_member(r))
        .Number("days_since_contact", static_cast<double>(days))
        .Number("stale_after_days", stale_days)
        .AtRelationship(r);
  }
}

}  // namespace

extern constinit const Rule kStaleAssessment{
    .info = {.code = "STALE_ASSESSMENT",
             .fires_when = "a graded intersection's latest assessment or contact is more than 90 "
                           "days before now",
             .severity = "INFO; WARNING for T and O",
             .explanation =
                 "A grade is a judgement made at one moment. Without attention, good relationships "
                 "drift down towards Indifferent, and Trust and Open drift fastest because they cost "
                 "the most to keep; those stale grades are warnings. The latest of the assessment "
                 "date and the last contact date counts; a grade that has neither date is not "
                 "reported, since nothing shows its age, so record dates to make this check "
                 "useful. Make contact, and re-grade the relationship as the client sees it today. "
                 "The rule needs a \"now\" and is skipped when the plan holds no time at all."},
    .needs_now = true,
    .evaluate = StaleAssessment,
    .reason = {.scope = ReasonScope::kThisCell}};

}  // namespace contactplan::rules
