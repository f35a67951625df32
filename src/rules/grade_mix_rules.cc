// Grade mix: how good each graded relationship is, and whether the map's grades look believable.
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// "Dana Reyes (CFO) is Dissatisfied with Sam Lee; ...", written only for a listed finding.
void WeakRelationshipMessage(const model::Context& context, const Finding& finding,
                             std::string* message) {
  const model::PlanIndex& index = context.index;
  // Every sentence starts with the person: their label is written into the message in place.
  AppendPersonLabel(index, finding.persons[0], message);
  const std::string member = MemberLabel(index, finding.members[0]);
  switch (static_cast<v1::Grade>(finding.number("grade"))) {
    case v1::INDIFFERENT:
      absl::StrAppend(message, " is Indifferent towards ", member,
                      ": they see no compelling benefit in us yet; plan a contact that "
                      "gives them one, aiming for Satisfied.");
      break;
    case v1::DISSATISFIED:
      absl::StrAppend(message, " is Dissatisfied with ", member,
                      "; find out what went wrong and put it right before asking "
                      "them for anything.");
      break;
    default:
      absl::StrAppend(message, " is Motivated to change in their dealings with ", member,
                      ": they are working to replace us; find the event behind it and "
                      "answer it at a senior level now.");
      break;
  }
}

void WeakRelationship(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  for (RelationshipIx r : index.graded()) {
    const v1::Grade grade = index.grade(r);
    if (grade >= v1::SATISFIED) continue;
    sink.Add(grade == v1::INDIFFERENT ? v1::WARNING : v1::CRITICAL, WeakRelationshipMessage)
        .Person(index.relationship_person(r))
        .Member(index.relationship_member(r))
        .Number("grade", grade)
        .AtRelationship(r);
  }
}

// Adds the persons and team members of the graded relationships at `grade`, each once, plan order.
void AddParties(const model::PlanIndex& index, v1::Grade grade, FindingBuilder& finding) {
  absl::flat_hash_set<PersonIx> persons;
  absl::flat_hash_set<MemberIx> members;
  std::vector<PersonIx> person_order;
  std::vector<MemberIx> member_order;
  for (RelationshipIx r : index.graded()) {
    if (index.grade(r) != grade) continue;
    if (persons.insert(index.relationship_person(r)).second) {
      person_order.push_back(index.relationship_person(r));
    }
    if (members.insert(index.relationship_member(r)).second) {
      member_order.push_back(index.relationship_member(r));
    }
  }
  for (PersonIx p : person_order) finding.Person(p);
  for (MemberIx m : member_order) finding.Member(m);
}

void TrustInflation(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const Settings& settings = in.settings();
  const int64_t total = static_cast<int64_t>(index.graded().size());
  if (total == 0 || total < settings.trust_inflation_min_intersections) return;
  const int32_t trust = index.grade_count(v1::TRUST);
  // Division rather than multiplication by the share: trust / total rounds to the same double as
  // a decimal share written in the options when the two are equal, so "more than" stays exact.
  const double share = static_cast<double>(trust) / static_cast<double>(total);
  if (!(share > settings.trust_inflation_max_share)) return;
  FindingBuilder finding =
      sink.Add(v1::WARNING,
               absl::StrFormat("%d of %d graded relationships (%.0f%%) are at Trust, more than "
                               "%.0f%%; Trust means our advice is actively sought and is rare: "
                               "re-grade them as the client would, and grade down when in doubt.",
                               trust, total, 100 * share, 100 * settings.trust_inflation_max_share));
  AddParties(index, v1::TRUST, finding);
  finding.Number("graded_intersections", static_cast<double>(total))
      .Number("trust_intersections", trust)
      .Number("trust_share", share);
}

void TooFewOpen(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const Settings& settings = in.settings();
  const int64_t total = static_cast<int64_t>(index.graded().size());
  if (total == 0 || total < settings.too_few_open_min_intersections) return;
  const int32_t open = index.grade_count(v1::OPEN);
  const double share = static_cast<double>(open) / static_cast<double>(total);
  if (!(share < settings.too_few_open_min_share)) return;
  sink.Add(v1::INFO,
           absl::StrFormat("Only %d of %d graded relationships (%.0f%%) are Open, fewer than "
                           "%.0f%%; people open to new ideas are where new work starts: pick "
                           "Satisfied relationships with people who can move something and give "
                           "them a reason to open up.",
                           open, total, 100 * share, 100 * settings.too_few_open_min_share))
      .Number("graded_intersections", static_cast<double>(total))
      .Number("open_intersections", open)
      .Number("open_share", share);
}

}  // namespace

extern constinit const Rule kWeakRelationship{
    .info = {.code = "WEAK_RELATIONSHIP",
             .fires_when = "one per graded intersection below SATISFIED",
             .severity = "I: WARNING; D, M: CRITICAL",
             .explanation =
                 "A relationship below Satisfied works against us or, at best, not for us. "
                 "Indifferent means the person sees no compelling benefit in us yet: give them one. "
                 "Dissatisfied means we let them down: find out how and repair it before asking for "
                 "anything. Motivated to change means they are working to replace us, which only "
                 "happens after a specific event: find that event and answer it quickly and at a "
                 "senior level. Relationships move one grade at a time, so plan the next step, not "
                 "the last one."},
    .needs_now = false,
    .evaluate = WeakRelationship,
    .reason = {.scope = ReasonScope::kThisCell}};

extern constinit const Rule kTrustInflation{
    .info = {.code = "TRUST_INFLATION",
             .fires_when = "at least 5 graded intersections and more than 20% of them TRUST",
             .severity = "WARNING",
             .explanation =
                 "Trust is the grade where the client actively seeks our advice; a healthy map has "
                 "few of them, because each one takes a lot of effort to earn and to keep. When "
                 "many relationships are graded Trust, the map more likely shows our hopes than the "
                 "client's view, and plans built on it aim at the wrong people. Re-grade these "
                 "relationships as the client would, and grade down when in doubt."},
    .needs_now = false,
    .evaluate = TrustInflation};

extern constinit const Rule kTooFewOpen{
    .info = {.code = "TOO_FEW_OPEN",
             .fires_when = "at least 5 graded intersections and fewer than 25% of them OPEN",
             .severity = "INFO",
             .explanation =
                 "Open relationships are satisfied people who also welcome new ideas and proposals; "
                 "that is where new work in the account begins. A map with many relationships but "
                 "few at Open keeps the current business and grows little. Choose Satisfied "
                 "relationships with people who can move something and plan what would make them "
                 "curious about what else we can do."},
    .needs_now = false,
    .evaluate = TooFewOpen,
    .reason = {.scope = ReasonScope::kStepToOpen}};

}  // namespace contactplan::rules
