// NO_THREAD_PERSON: a person who matters is known to our team, but only through relationships too
// weak to carry anything (below the thread grade): we talk to them, nobody holds them.
#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::PersonIx;
using model::RelationshipIx;

// "Dana Reyes (CFO), a key person, is known to our team but nobody holds a thread with them (...)",
// written only for a listed finding.
void NoThreadPersonMessage(const model::Context& context, const Finding& finding,
                           std::string* message) {
  const model::PlanIndex& index = context.index;
  const PersonIx p = finding.persons[0];
  const std::span<const RelationshipIx> graded = index.graded_of_person(p);
  std::vector<std::string> cells;
  cells.reserve(graded.size());
  for (RelationshipIx r : graded) {
    cells.push_back(absl::StrCat(MemberLabel(index, index.relationship_member(r)), " at ",
                                 GradeWord(index.grade(r))));
  }
  AppendPersonLabel(index, p, message);
  absl::StrAppend(message, index.is_key(p) ? ", a key person," : "",
                  " is known to our team but nobody holds a thread with them (", ListOf(cells),
                  "; a thread needs ", GradeWord(context.settings.thread_min_grade),
                  " or better); lift the most promising of these relationships a grade, or bring "
                  "in someone who can.");
}

void NoThreadPerson(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Grade thread_grade = in.settings().thread_min_grade;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (!index.matters(p)) continue;
    const std::span<const RelationshipIx> graded = index.graded_of_person(p);
    // Uncovered persons are UNCOVERED_PERSON's; one thread is enough to be out of this rule.
    if (graded.empty()) continue;
    v1::Grade best = v1::GRADE_UNSPECIFIED;
    for (RelationshipIx r : graded) best = std::max(best, index.grade(r));
    if (best >= thread_grade) continue;
    FindingBuilder finding =
        sink.Add(index.is_key(p) ? v1::CRITICAL : v1::WARNING, NoThreadPersonMessage).Person(p);
    for (RelationshipIx r : graded) finding.Member(index.relationship_member(r));
    finding.Number("graded_intersections", static_cast<double>(graded.size()))
        .Number("best_grade", best)
        .AtPerson(p);
  }
}

}  // namespace

extern constinit const Rule kNoThreadPerson{
    .info = {.code = "NO_THREAD_PERSON",
             .fires_when = "a person who matters has graded intersections, none of them a thread",
             .severity = "WARNING; CRITICAL if key",
             .explanation =
                 "Someone who matters to the account is on speaking terms with our team, but every "
                 "relationship with them is below the thread grade (Satisfied by default): they "
                 "are indifferent to us, or unhappy. Such a person counts as reached on a map that "
                 "only asks whether anyone knows them, yet nobody on our side can rely on them for "
                 "information or support, and a key person in that state can turn the decision "
                 "against us unnoticed. Lift the most promising relationship one grade, repairing "
                 "any Dissatisfied or Motivated to change relationship first, or bring in a team "
                 "member better placed to earn their confidence."},
    .needs_now = false,
    .evaluate = NoThreadPerson,
    .reason = {.scope = ReasonScope::kPerson}};

}  // namespace contactplan::rules
