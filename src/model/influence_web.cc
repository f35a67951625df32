#include "model/influence_web.h"

#include <bit>

#include "absl/strings/str_cat.h"

namespace contactplan::model {
namespace {

// One bit per known level; LEVEL_UNSPECIFIED (and anything out of range) is not a level we know.
void AddLevel(v1::Level level, uint32_t& levels) {
  if (level > v1::LEVEL_UNSPECIFIED && level < 32) levels |= 1u << level;
}

}  // namespace

std::string InfluenceWeb::figure() const { return absl::StrCat(team_members(), "x", person_count()); }

InfluenceWeb ComputeInfluenceWeb(const Context& context) {
  const PlanIndex& index = context.index;
  InfluenceWeb web;
  web.thread_min_grade = context.settings.thread_min_grade;

  // Mark both ends of every thread first, so the lists below come out in plan order.
  std::vector<bool> member_threaded(index.member_count(), false);
  std::vector<bool> person_threaded(index.person_count(), false);
  for (RelationshipIx r : index.graded()) {
    if (index.grade(r) < web.thread_min_grade) continue;
    member_threaded[index.relationship_member(r)] = true;
    person_threaded[index.relationship_person(r)] = true;
  }
  uint32_t team_levels = 0;
  uint32_t person_levels = 0;
  for (MemberIx m = 0; m < index.member_count(); ++m) {
    if (!member_threaded[m]) continue;
    web.members.push_back(m);
    AddLevel(index.member(m).level(), team_levels);
  }
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (!person_threaded[p]) continue;
    web.persons.push_back(p);
    AddLevel(index.person(p).level(), person_levels);
  }
  web.team_levels = std::popcount(team_levels);
  web.person_levels = std::popcount(person_levels);
  return web;
}

}  // namespace contactplan::model
