// Coverage: who on our team reaches which client person, and whether the right people do.
#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// "Sam Lee, Ana Ruiz": the team members of the given relationships, in plan order.
std::string MemberList(const model::PlanIndex& index, std::span<const RelationshipIx> relationships) {
  std::vector<std::string> names;
  names.reserve(relationships.size());
  for (RelationshipIx r : relationships) {
    names.push_back(MemberLabel(index, index.relationship_member(r)));
  }
  return ListOf(names);
}

// Written only for a listed finding.
void UncoveredPersonMessage(const model::Context& context, const Finding& finding,
                            std::string* message) {
  const model::PlanIndex& index = context.index;
  const PersonIx p = finding.persons[0];
  // Blank cells on the map are owners already planned for this person but never graded.
  const std::span<const RelationshipIx> planned = index.relationships_of_person(p);
  AppendPersonLabel(index, p, message);
  absl::StrAppend(message, index.is_key(p) ? ", a key person," : "",
                  " has no graded relationship with anyone on our team; ");
  if (planned.empty()) {
    absl::StrAppend(message, "choose an owner close to their seniority, make contact and grade it.");
  } else {
    absl::StrAppend(message, MemberList(index, planned),
                    " is on the map without a grade: make contact and grade it as the client would.");
  }
}

void UncoveredPerson(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p) || !index.graded_of_person(p).empty()) continue;
    const bool key = index.is_key(p);
    const std::span<const RelationshipIx> planned = index.relationships_of_person(p);
    FindingBuilder finding =
        sink.Add(key ? v1::CRITICAL : v1::WARNING, UncoveredPersonMessage).Person(p);
    for (RelationshipIx r : planned) finding.Member(index.relationship_member(r));
    finding.Number("graded_intersections", 0).AtPerson(p);
  }
}

// Written only for a listed finding.
void SingleThreadedPersonMessage(const model::Context& context, const Finding& finding,
                                 std::string* message) {
  const model::PlanIndex& index = context.index;
  AppendPersonLabel(index, finding.persons[0], message);
  absl::StrAppend(message, " matters to the account but only ",
                  MemberLabel(index, finding.members[0]),
                  " has a relationship with them; add a second team member so the "
                  "relationship survives a change on either side.");
}

void SingleThreadedPerson(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const std::span<const RelationshipIx> graded = index.graded_of_person(p);
    if (!index.matters(p) || graded.size() != 1) continue;
    const MemberIx only = index.relationship_member(graded[0]);
    sink.Add(v1::WARNING, SingleThreadedPersonMessage)
        .Person(p)
        .Member(only)
        .Number("graded_intersections", 1)
        .AtPerson(p);
  }
}

// Written only for a listed finding.
void OverCoveredPersonMessage(const model::Context& context, const Finding& finding,
                              std::string* message) {
  const model::PlanIndex& index = context.index;
  const PersonIx p = finding.persons[0];
  const std::span<const RelationshipIx> graded = index.graded_of_person(p);
  AppendPersonLabel(index, p, message);
  absl::StrAppend(message, " has ", graded.size(),
                  " graded relationships with our team (more than ",
                  static_cast<int32_t>(finding.number("over_covered_above")), ": ",
                  MemberList(index, graded),
                  "); agree who leads and spend the others' time on people we do "
                  "not reach yet",
                  finding.number("key_person_uncovered") > 0
                      ? ", starting with the key persons nobody reaches."
                      : ".");
}

void OverCoveredPerson(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const int32_t limit = in.settings().over_covered_above;
  // While a key person has nobody at all, spare effort on an over-covered person is effort the
  // account needs elsewhere now: the finding is a warning. Computed once, only if a person is
  // over-covered.
  std::optional<bool> key_uncovered;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const std::span<const RelationshipIx> graded = index.graded_of_person(p);
    if (static_cast<int64_t>(graded.size()) <= limit) continue;
    if (!key_uncovered) {
      key_uncovered = false;
      for (PersonIx k = 0; k < index.person_count() && !*key_uncovered; ++k) {
        *key_uncovered = index.is_key(k) && index.graded_of_person(k).empty();
      }
    }
    // The members, every holder of a graded cell, are named when the finding is written
    // (OverCoveredMembers).
    sink.Add(*key_uncovered ? v1::WARNING : v1::INFO, OverCoveredPersonMessage)
        .Person(p)
        .Number("graded_intersections", static_cast<double>(graded.size()))
        .Number("over_covered_above", limit)
        .Number("key_person_uncovered", *key_uncovered ? 1 : 0)
        .AtPerson(p);
  }
}

// The team members an OVER_COVERED_PERSON finding names: the holders of the person's graded
// cells, in plan order.
void OverCoveredMembers(const model::Context& context, const Finding& finding,
                        std::vector<MemberIx>* members) {
  const model::PlanIndex& index = context.index;
  for (RelationshipIx r : index.graded_of_person(finding.persons[0])) {
    members->push_back(index.relationship_member(r));
  }
}

// Written only for a listed finding: the finding's team members are the person's graded ones.
void SeniorityMismatchMessage(const model::Context& context, const Finding& finding,
                              std::string* message) {
  const model::PlanIndex& index = context.index;
  const PersonIx p = finding.persons[0];
  std::vector<std::string> members;
  members.reserve(finding.members.size());
  for (const MemberIx m : finding.members) {
    members.push_back(absl::StrCat(MemberLabel(index, m), ", ", LevelWord(index.member(m).level())));
  }
  AppendPersonLabel(index, p, message);
  absl::StrAppend(message, " is at ", LevelWord(index.person(p).level()),
                  " level but deals only with team members at least ",
                  static_cast<int32_t>(finding.number("levels_below")), " levels below (",
                  absl::StrJoin(members, "; "),
                  "); bring in someone from our side within one level of them.");
}

void SeniorityMismatch(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const int32_t gap_levels = in.settings().seniority_gap_levels;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const v1::Level level = index.person(p).level();
    if (level != v1::EXECUTIVE && level != v1::SENIOR_MANAGEMENT) continue;
    const std::span<const RelationshipIx> graded = index.graded_of_person(p);
    if (graded.empty()) continue;
    // Every relationship must reach down at least gap_levels; a team member of unknown level might
    // be a peer, so it never lets the rule fire.
    int32_t closest = std::numeric_limits<int32_t>::max();
    for (RelationshipIx r : graded) {
      const v1::Level member_level = index.member(index.relationship_member(r)).level();
      const int32_t below = member_level == v1::LEVEL_UNSPECIFIED ? 0 : level - member_level;
      closest = std::min(closest, below);
      if (closest < gap_levels) break;
    }
    if (closest < gap_levels) continue;
    FindingBuilder finding = sink.Add(v1::WARNING, SeniorityMismatchMessage).Person(p);
    for (RelationshipIx r : graded) finding.Member(index.relationship_member(r));
    finding.Number("levels_below", closest)
        .Number("seniority_gap_levels", gap_levels)
        .AtPerson(p);
  }
}

}  // namespace

extern constinit const Rule kUncoveredPerson{
    .info = {.code = "UNCOVERED_PERSON",
             .fires_when = "a person has no graded intersection",
             .severity = "WARNING; CRITICAL if key",
             .explanation =
                 "Nobody on our team has a known relationship with this person, so whatever they "
                 "think of us reaches us second-hand, if at all. A key person we do not reach can "
                 "decide against us without our ever hearing why. Give the person an owner whose "
                 "seniority is close to theirs, make a first contact, and grade it the way the "
                 "client would (a new relationship starts at Indifferent)."},
    .needs_now = false,
    .evaluate = UncoveredPerson,
    .reason = {.scope = ReasonScope::kBlankCell}};

extern constinit const Rule kSingleThreadedPerson{
    .info = {.code = "SINGLE_THREADED_PERSON",
             .fires_when = "a person who matters has exactly one graded intersection",
             .severity = "WARNING",
             .explanation =
                 "Someone who matters to the account (marked key, holding a buyer role, or part of "
                 "an open opportunity) is reached by a single team member. If that team member "
                 "leaves, changes role or falls out with the person, the relationship goes with "
                 "them. Introduce a second team member, ideally at a different level, while the "
                 "existing relationship can still vouch for them."},
    .needs_now = false,
    .evaluate = SingleThreadedPerson,
    .reason = {.scope = ReasonScope::kBlankCell}};

extern constinit const Rule kOverCoveredPerson{
    .info = {.code = "OVER_COVERED_PERSON",
             .fires_when = "a person has more than 3 graded intersections",
             .severity = "INFO; WARNING while a key person is uncovered",
             .explanation =
                 "Many team members keep a relationship with the same person. Every relationship "
                 "costs effort to keep, the client hears several voices, and people elsewhere in "
                 "the account go without attention. Agree who leads with this person and move the "
                 "others' time to persons we reach weakly or not at all. While a key person has no "
                 "relationship with anyone on our team, that spare time is needed now, and the "
                 "finding is a warning."},
    .needs_now = false,
    .evaluate = OverCoveredPerson,
    .write_members = OverCoveredMembers};

extern constinit const Rule kSeniorityMismatch{
    .info = {.code = "SENIORITY_MISMATCH",
             .fires_when = "a person at EXECUTIVE or SENIOR_MANAGEMENT has graded intersections, "
                           "all with team members at least 2 levels below them (unknown levels "
                           "never trigger it)",
             .severity = "WARNING",
             .explanation =
                 "Senior people talk most openly with peers. When every relationship a senior "
                 "client person has with us runs to someone far below them, we hear their agenda "
                 "filtered, and they see us as a supplier rather than a partner. Bring in a team "
                 "member within one level of the person, introduced by the existing owner. A team "
                 "member whose level is unknown might be a peer, so such a relationship keeps the "
                 "rule quiet: record levels to get a true picture."},
    .needs_now = false,
    .evaluate = SeniorityMismatch,
    .reason = {.scope = ReasonScope::kBlankCell}};

}  // namespace contactplan::rules
