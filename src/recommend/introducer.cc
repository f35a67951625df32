#include "recommend/introducer.h"

#include "absl/strings/str_cat.h"
#include "recommend/owners.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// How the person the introducer knows stands to the target, in words.
std::string Tie(const model::PlanIndex& index, PersonIx known, PersonIx target) {
  if (known == target) return "";
  if (index.manager(target) == known) return ", their manager";
  if (index.manager(known) == target) return ", a direct report of theirs";
  for (PersonIx q : index.influencers_of(target)) {
    if (q == known) return ", who influences them";
  }
  return ", close to them in the organisation";
}

Introduction Describe(const model::PlanIndex& index, RelationshipIx r, PersonIx target,
                      MemberIx owner) {
  Introduction introduction;
  introduction.member = index.relationship_member(r);
  const PersonIx known = index.relationship_person(r);
  introduction.reason = absl::StrCat(
      rules::MemberLabel(index, introduction.member), " holds ", rules::GradeWord(index.grade(r)),
      " with ", known == target ? "the person" : rules::PersonLabel(index, known),
      Tie(index, known, target), ": can ", known == target ? "bring " : "introduce ",
      rules::MemberLabel(index, owner), known == target ? " in" : "");
  return introduction;
}

}  // namespace

Introduction ChooseIntroducer(const model::PlanIndex& index, std::span<const Lever> levers,
                              PersonIx target, MemberIx owner) {
  for (const Lever& lever : levers) {
    if (index.relationship_member(lever.holder) != owner) {
      return Describe(index, lever.holder, target, owner);
    }
  }
  RelationshipIx best = model::kNone;
  VisitNeighbourRelationships(index, target, [&](RelationshipIx r) {
    if (index.relationship_member(r) == owner || index.grade(r) < v1::SATISFIED) return;
    if (best == model::kNone || index.grade(r) > index.grade(best)) best = r;
  });
  if (best == model::kNone) return {};
  return Describe(index, best, target, owner);
}

}  // namespace contactplan::recommend
