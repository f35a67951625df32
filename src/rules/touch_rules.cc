// Touches: what the recorded contacts of an intersection say about its grade (docs/time.md#touches).
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "model/time.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// "Sam Lee's Trust grade with Dana Reyes (CFO) rests on 4 recorded touches, but ...", written only
// for a listed finding.
void GradeNotBorneOutMessage(const model::Context& context, const Finding& finding,
                             std::string* message) {
  const model::PlanIndex& index = context.index;
  const std::string since =
      finding.has_number("days_since_inbound")
          ? absl::StrCat("the last time they reached out or took part was ",
                         static_cast<int64_t>(finding.number("days_since_inbound")), " days ago")
          : "none of them came from them or had them take part";
  absl::StrAppend(message, MemberLabel(index, finding.members[0]), "'s ",
                  GradeWord(static_cast<v1::Grade>(finding.number("grade"))), " grade with ",
                  PersonLabel(index, finding.persons[0]), " rests on ",
                  static_cast<int32_t>(finding.number("touches")), " recorded touches, but ", since,
                  "; a grade that high shows in the person seeking us out. Ask for a "
                  "conversation they would value, and re-grade from how they answer.");
}

void GradeNotBorneOut(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const absl::Time now = *in.context.now;  // the registry skips this rule without "now"
  const int32_t window_days = in.settings().tuning.activity().borne_out_window_days();
  // Within the window before now, as one time to compare against (Debian's Abseil subtracts
  // times out of line).
  const absl::Time window_start = now - absl::Hours(24) * window_days;
  for (RelationshipIx r : index.graded()) {
    const v1::Grade grade = index.grade(r);
    if (grade != v1::OPEN && grade != v1::TRUST) continue;
    const model::TouchSummary& touches = index.touch_summary(r);
    if (touches.touches == 0) continue;
    const std::optional<absl::Time> inbound = touches.last_inbound;
    if (inbound && *inbound <= now && *inbound >= window_start) continue;
    const PersonIx p = index.relationship_person(r);
    const MemberIx m = index.relationship_member(r);
    FindingBuilder finding = sink.Add(v1::WARNING, GradeNotBorneOutMessage)
            .Person(p)
            .Member(m)
            .Number("grade", grade)
            .Number("touches", touches.touches)
            .Number("window_days", window_days);
    if (inbound) {
      finding.Number("days_since_inbound", static_cast<double>(model::DaysBetween(*inbound, now)));
    }
    finding.AtRelationship(r);
  }
}

// "The last 5 touches between Sam Lee and Dana Reyes (CFO) all went out from us ...", written only
// for a listed finding.
void OneWayContactMessage(const model::Context& context, const Finding& finding,
                          std::string* message) {
  const model::PlanIndex& index = context.index;
  const PersonIx p = finding.persons[0];
  absl::StrAppend(message, "The last ", static_cast<int32_t>(finding.number("outbound_touches")),
                  " touches between ", MemberLabel(index, finding.members[0]), " and ",
                  PersonLabel(index, p), index.is_key(p) ? ", a key person," : "",
                  " all went out from us with no answer recorded; stop sending more of the "
                  "same, and reach them through someone they listen to, or with something "
                  "they asked for.");
}

void OneWayContact(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const int32_t min_touches = in.settings().tuning.activity().one_way_min_touches();
  for (RelationshipIx r = 0; r < index.relationship_count(); ++r) {
    if (index.relationship_departed(r)) continue;
    const int32_t outbound = index.touch_summary(r).trailing_outbound;
    if (outbound == 0 || outbound < min_touches) continue;
    const PersonIx p = index.relationship_person(r);
    const MemberIx m = index.relationship_member(r);
    const bool key = index.is_key(p);
    sink.Add(key ? v1::CRITICAL : v1::WARNING, OneWayContactMessage)
        .Person(p)
        .Member(m)
        .Number("outbound_touches", outbound)
        .Number("min_touches", min_touches)
        .AtRelationship(r);
  }
}

}  // namespace

extern constinit const Rule kGradeNotBorneOut{
    .info = {.code = "GRADE_NOT_BORNE_OUT",
             .fires_when = "an intersection graded OPEN or TRUST has touches recorded and no "
                           "inbound or two-way touch within 90 days before now",
             .severity = "WARNING",
             .explanation =
                 "Open and Trust mean the person listens to our ideas and seeks our advice; the "
                 "record should show them reaching out or taking part. When every recent touch went "
                 "one way, the grade is a hope, not an observation. Seek a conversation the person "
                 "would value and grade again from how they respond. The rule needs a \"now\" and "
                 "reads only intersections with touches recorded."},
    .needs_now = true,
    .evaluate = GradeNotBorneOut,
    .reason = {.scope = ReasonScope::kThisCell}};

extern constinit const Rule kOneWayContact{
    .info = {.code = "ONE_WAY_CONTACT",
             .fires_when = "the latest 3 or more touches of an intersection are all OUTBOUND",
             .severity = "WARNING; CRITICAL with a key person",
             .explanation =
                 "Three approaches in a row without an answer say the person is not engaging, "
                 "whatever the grade says. More of the same lowers our standing; change the "
                 "approach: an introduction from someone they trust, or something they asked for."},
    .needs_now = false,
    .evaluate = OneWayContact,
    .reason = {.scope = ReasonScope::kThisCell}};

}  // namespace contactplan::rules
