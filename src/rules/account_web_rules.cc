// The account's web of influence (docs/scores.md `web`): how many threads hold the account together.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

// Names the web's members and persons on the finding, in plan order.
void AddWebParties(const model::InfluenceWeb& web, FindingBuilder& finding) {
  for (model::PersonIx p : web.persons) finding.Person(p);
  for (model::MemberIx m : web.members) finding.Member(m);
}

void AddWebNumbers(const model::InfluenceWeb& web, FindingBuilder& finding) {
  finding.Number("team_members", web.team_members())
      .Number("persons", web.person_count())
      .Number("team_levels", web.team_levels)
      .Number("person_levels", web.person_levels);
}

const char* ThreadGrade(const model::InfluenceWeb& web) {
  return GradeWord(web.thread_min_grade == v1::GRADE_UNSPECIFIED ? v1::SATISFIED
                                                                 : web.thread_min_grade);
}

void SingleThreadedAccount(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const model::InfluenceWeb& web = in.web;
  if (index.person_count() == 0 || (web.team_members() > 1 && web.person_count() > 1)) return;
  std::string message;
  if (web.team_members() == 0) {
    message = absl::StrCat("No relationship on the map is at ", ThreadGrade(web),
                           " or better, so nothing holds the account together; start with the "
                           "persons who matter most and earn a first good relationship with each.");
  } else {
    message = absl::StrCat("The account hangs on a ", web.figure(),
                           " web of influence (relationships at ", ThreadGrade(web),
                           " or better): one departure on either side can cut us off; ",
                           web.team_members() == 1 ? "bring more of our team into the account"
                                                   : "reach more client persons",
                           ", introduced through the relationships we already have.");
  }
  FindingBuilder finding = sink.Add(v1::CRITICAL, std::move(message));
  AddWebParties(web, finding);
  AddWebNumbers(web, finding);
}

void Below3x3(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const model::InfluenceWeb& web = in.web;
  if (index.person_count() == 0 || web.meets3x3()) return;
  std::vector<std::string> short_of;
  if (web.team_members() < 3) short_of.push_back(absl::StrCat(web.team_members(), " team members"));
  if (web.team_levels < 3) short_of.push_back(absl::StrCat(web.team_levels, " team levels"));
  if (web.person_count() < 3) short_of.push_back(absl::StrCat(web.person_count(), " client persons"));
  if (web.person_levels < 3) {
    short_of.push_back(absl::StrCat(web.person_levels, " client levels"));
  }
  FindingBuilder finding = sink.Add(
      v1::WARNING,
      absl::StrCat("The web of influence is ", web.figure(), " and does not meet 3x3 (",
                   ListOf(short_of),
                   "); aim for at least 3 team members at 3 levels, each with a relationship at ",
                   ThreadGrade(web), " or better, reaching 3 client persons at 3 levels."));
  AddWebParties(web, finding);
  AddWebNumbers(web, finding);
}

}  // namespace

extern constinit const Rule kSingleThreadedAccount{
    .info = {.code = "SINGLE_THREADED_ACCOUNT",
             .fires_when = "the map has persons and the web has at most one team member or at "
                           "most one person",
             .severity = "CRITICAL",
             .explanation =
                 "The whole account rests on one thread: a single team member, or a single client "
                 "person, holds every relationship at the thread grade (Satisfied by default). "
                 "People change jobs on both sides, and when this one leaves, the account's history, "
                 "goodwill and access leave too; what we learn is one person's view. Widen the web "
                 "now, while the existing relationship can make introductions."},
    .needs_now = false,
    .evaluate = SingleThreadedAccount};

extern constinit const Rule kBelow3x3{
    .info = {.code = "BELOW_3X3",
             .fires_when = "the map has persons and the web does not meet 3x3",
             .severity = "WARNING",
             .explanation =
                 "A resilient account is at least 3x3: three people on our side, at three different "
                 "levels, each with a good relationship, reaching three client persons at three "
                 "different levels. Below that, a reorganisation or one departure can leave us "
                 "without a voice where decisions are made. The finding says which of the four "
                 "counts falls short; plan introductions that add the missing people and levels."},
    .needs_now = false,
    .evaluate = Below3x3};

}  // namespace contactplan::rules
