// Leaving: people who have left (docs/time.md#leaving) are out of every other rule; these two say
// what their leaving costs the account.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// A successor named by a departed person, when it is someone still present.
PersonIx PresentSuccessor(const model::PlanIndex& index, PersonIx p) {
  const PersonIx successor = index.successor(p);
  return successor != model::kNone && successor != p && !index.has_left(successor) ? successor
                                                                                    : model::kNone;
}

void ChampionLeft(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Plan& plan = index.plan();
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (!index.has_left(p)) continue;
    bool mentor = false;
    int32_t backing = 0;  // open opportunities in which they were a Mentor or Supporter
    for (const model::Participation& part : index.open_participations(p)) {
      const v1::Preference preference =
          plan.opportunities(part.opportunity).participants(part.participant).preference();
      if (preference == v1::MENTOR || preference == v1::SUPPORTER) ++backing;
      mentor |= preference == v1::MENTOR;
    }
    const bool evangelist = index.has_buyer_role(p, v1::Person::EVANGELIST);
    v1::Grade best = v1::GRADE_UNSPECIFIED;
    std::vector<MemberIx> close;  // who held OPEN or TRUST with them
    for (RelationshipIx r : index.all_graded_of_person(p)) {
      best = std::max(best, index.grade(r));
      if (index.grade(r) >= v1::OPEN) close.push_back(index.relationship_member(r));
    }
    if (backing == 0 && !evangelist && best < v1::OPEN) continue;

    std::vector<std::string> was;
    if (mentor) was.push_back("our mentor in an open opportunity");
    else if (backing > 0) was.push_back("a supporter in an open opportunity");
    if (evangelist) was.push_back("an evangelist for the change");
    if (best >= v1::OPEN) was.push_back(absl::StrCat("at ", GradeWord(best), " with our team"));
    const PersonIx successor = PresentSuccessor(index, p);
    std::string message = absl::StrCat(PersonLabel(index, p), " has left; they were ", ListOf(was),
                                       ". ");
    if (successor != model::kNone) {
      absl::StrAppend(&message, "Ask them (or whoever knew them best) to introduce us to ",
                      PersonLabel(index, successor),
                      ", who took over, and win a new champion before the next decision.");
    } else {
      absl::StrAppend(&message,
                      "Find out who took over their part and who else backs us; do not count on "
                      "their support in any plan.");
    }
    FindingBuilder finding =
        sink.Add(mentor ? v1::CRITICAL : v1::WARNING, std::move(message)).Person(p);
    finding.Person(successor);
    for (MemberIx m : close) finding.Member(m);
    finding.Number("best_grade", best)
        .Number("open_opportunities_backed", backing)
        .Path(PersonPath(p));
  }
}

void OwnerLeft(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Grade thread_min = in.settings().thread_min_grade;
  for (MemberIx m = 0; m < index.member_count(); ++m) {
    if (!index.member_has_left(m)) continue;
    std::vector<PersonIx> held;           // persons who matter, still present
    std::vector<PersonIx> key_unthreaded;  // key persons with no thread among those who stay
    for (RelationshipIx r : index.all_graded_of_member(m)) {
      const PersonIx p = index.relationship_person(r);
      if (!index.matters(p)) continue;  // false for a person who has left too
      held.push_back(p);
      if (!index.is_key(p)) continue;
      bool threaded = false;
      for (RelationshipIx other : index.graded_of_person(p)) {
        threaded |= index.grade(other) >= thread_min;
      }
      if (!threaded) key_unthreaded.push_back(p);
    }
    if (held.empty()) continue;
    std::vector<std::string> names;
    names.reserve(held.size());
    for (PersonIx p : held) names.push_back(PersonLabel(index, p));
    std::string message = absl::StrCat(MemberLabel(index, m), " has left our team but still holds ",
                                       held.size() == 1 ? "the relationship" : "relationships",
                                       " with ", ListOf(names), ". ");
    if (!key_unthreaded.empty()) {
      std::vector<std::string> bare;
      for (PersonIx p : key_unthreaded) bare.push_back(PersonLabel(index, p));
      absl::StrAppend(&message, ListOf(bare), key_unthreaded.size() == 1 ? " is" : " are",
                      " now without a thread to us: ");
    }
    absl::StrAppend(&message,
                    "hand each relationship over in person (see the reassignments) before it "
                    "goes cold.");
    FindingBuilder finding =
        sink.Add(key_unthreaded.empty() ? v1::WARNING : v1::CRITICAL, std::move(message)).Member(m);
    for (PersonIx p : held) finding.Person(p);
    finding.Number("persons_who_matter", static_cast<double>(held.size()))
        .Number("key_persons_without_thread", static_cast<double>(key_unthreaded.size()))
        .Path(absl::StrCat("team_members[", m, "]"));
  }
}

}  // namespace

extern constinit const Rule kChampionLeft{
    .info = {.code = "CHAMPION_LEFT",
             .fires_when = "a person who has left was a MENTOR or SUPPORTER in an open opportunity, "
                           "holds EVANGELIST, or had an intersection at OPEN or better",
             .severity = "WARNING; CRITICAL if a MENTOR of an open opportunity",
             .explanation =
                 "When a champion leaves, the support they gave leaves with them: the deal loses "
                 "its voice in the room, and the successor owes us nothing. Personnel change is the "
                 "main risk of an account that hangs on few people. Ask the person who left, while "
                 "the goodwill lasts, to introduce us to their successor; rebuild the relationship "
                 "from first contact, and find a new mentor before the next decision."},
    .needs_now = false,
    .evaluate = ChampionLeft,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kOwnerLeft{
    .info = {.code = "OWNER_LEFT",
             .fires_when = "a team member who has left still holds graded intersections with "
                           "persons who matter",
             .severity = "WARNING; CRITICAL when a key person is left without a thread",
             .explanation =
                 "A relationship belongs to the two people in it: when our team member leaves, the "
                 "client's trust does not pass to whoever inherits the account. Hand each "
                 "relationship over in person, with the one who leaves introducing the one who "
                 "takes over, and start with the key persons who now have no thread to us."},
    .needs_now = false,
    .evaluate = OwnerLeft,
    .reason = {.scope = ReasonScope::kPerson}};

}  // namespace contactplan::rules
