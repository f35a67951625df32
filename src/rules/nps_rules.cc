// Net Promoter answers: detractors, and an account NPS that falls over time.
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "model/nps.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::PersonIx;

// Written only for a listed finding.
void NpsDetractorMessage(const model::Context& context, const Finding& finding,
                         std::string* message) {
  const PersonIx p = finding.persons[0];
  AppendPersonLabel(context.index, p, message);
  absl::StrAppend(message, context.index.is_key(p) ? ", a key person," : "", " answered ",
                  static_cast<int32_t>(finding.number("nps_score")),
                  " out of 10 in the latest NPS survey, a detractor; have their owner ask "
                  "what went wrong, and close the loop with what we changed.");
}

void NpsDetractor(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const int32_t detractor_max = in.settings().nps_detractor_max;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history: only the rules about leaving see them
    const v1::NpsAnswer* latest = index.latest_nps(p);
    if (latest == nullptr || latest->score() > detractor_max) continue;
    sink.Add(index.is_key(p) ? v1::CRITICAL : v1::WARNING, NpsDetractorMessage)
        .Person(p)
        .Number("nps_score", latest->score())
        .AtPerson(p);
  }
}

using model::AccountNps;
using model::NpsClass;

// The person's NPS class at `at` (model::LatestNpsAnswerAt), or nullopt without an answer by then.
std::optional<NpsClass> ClassAt(const v1::Person& person, absl::Time at) {
  const v1::NpsAnswer* latest = model::LatestNpsAnswerAt(person, at);
  if (latest == nullptr) return std::nullopt;
  return model::NpsClassOf(latest->score());
}

void NpsDeclining(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const Settings& settings = in.settings();
  const absl::Time now = *in.context.now;  // the registry skips this rule without "now"
  const absl::Time before = now - absl::Hours(24) * settings.nps_decline_window_days;
  AccountNps at_now, at_before;
  // Persons whose answer moved to a worse class, or who newly answered as detractors.
  std::vector<PersonIx> worse;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history: only the rules about leaving see them
    const v1::Person& person = index.person(p);
    if (person.nps_answers().empty()) continue;
    const std::optional<NpsClass> class_now = ClassAt(person, now);
    const std::optional<NpsClass> class_before = ClassAt(person, before);
    if (class_now) at_now.Count(*class_now);
    if (class_before) at_before.Count(*class_before);
    if (class_now && (class_before ? *class_now < *class_before : *class_now == model::kDetractor)) {
      worse.push_back(p);
    }
  }
  if (at_now.answered == 0 || at_before.answered == 0) return;
  const double nps_now = at_now.value();
  const double nps_before = at_before.value();
  // A small tolerance so that a drop of exactly the threshold is not lost to rounding of the
  // percentages (e.g. 1/3 of 100).
  if (!(nps_now <= nps_before - settings.nps_decline_points + 1e-9)) return;
  std::vector<std::string> names;
  names.reserve(worse.size());
  for (PersonIx p : worse) names.push_back(PersonLabel(index, p));
  std::string message = absl::StrFormat(
      "Account NPS fell from %.0f to %.0f over the last %d days (a drop of %.0f points, limit "
      "%.0f); ",
      nps_before, nps_now, settings.nps_decline_window_days, nps_before - nps_now,
      settings.nps_decline_points);
  if (names.empty()) {
    absl::StrAppend(&message, "find out what changed for the persons who answered.");
  } else {
    absl::StrAppend(&message, "ask ", ListOf(names),
                    " what changed and answer it.");
  }
  // A fall this steep is the account turning against us, not noise in a few answers.
  const bool steep = nps_now <= nps_before - settings.nps_decline_warning_points + 1e-9;
  FindingBuilder finding = sink.Add(steep ? v1::WARNING : v1::INFO, std::move(message));
  for (PersonIx p : worse) finding.Person(p);
  finding.Number("nps_now", nps_now)
      .Number("nps_before", nps_before)
      .Number("answered_now", at_now.answered)
      .Number("answered_before", at_before.answered)
      .Number("window_days", settings.nps_decline_window_days)
      .Number("nps_decline_warning_points", settings.nps_decline_warning_points);
}

}  // namespace

extern constinit const Rule kNpsDetractor{
    .info = {.code = "NPS_DETRACTOR",
             .fires_when = "a person's latest NPS answer is 0-6",
             .severity = "WARNING; CRITICAL if key",
             .explanation =
                 "The person's most recent Net Promoter answer says they would not recommend us. "
                 "Detractors talk to colleagues, and a key person who is a detractor can block the "
                 "next deal or the renewal. Have the owner of the relationship ask what lies behind "
                 "the score, fix what can be fixed, and tell the person what changed; a grade of "
                 "Satisfied or better next to a detractor's answer also deserves a second look."},
    .needs_now = false,
    .evaluate = NpsDetractor,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kNpsDeclining{
    .info = {.code = "NPS_DECLINING",
             .fires_when = "account NPS now is at least 10 points below account NPS 90 days earlier",
             .severity = "INFO; WARNING at 30 points or more",
             .explanation =
                 "The account's NPS (percent promoters minus percent detractors, over each person's "
                 "latest answer at a date) has fallen noticeably over the window. Single answers "
                 "can mislead; a falling account figure shows that the account as a whole is "
                 "cooling. Answers dated after a date do not count for it, persons without an "
                 "answer by then are left out, and an undated answer counts from the beginning of "
                 "time until a dated one replaces it. Talk to the persons whose answers dropped and "
                 "look for a shared cause. A fall of 30 points or more is a warning: the account "
                 "as a whole is turning. The rule needs a \"now\" and answers at both dates."},
    .needs_now = true,
    .evaluate = NpsDeclining};

}  // namespace contactplan::rules
