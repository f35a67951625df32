#include "score/web.h"

#include <bit>
#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"

namespace contactplan::score {
namespace {

// One bit per known level; LEVEL_UNSPECIFIED (and anything out of range) is not a level we know.
void AddLevel(v1::Level level, uint32_t& levels) {
  if (level > v1::LEVEL_UNSPECIFIED && level < 32) levels |= 1u << level;
}

int32_t CountLevels(uint32_t levels) { return std::popcount(levels); }

}  // namespace

void ComputeWeb(const model::Context& context, v1::Web* out) {
  const model::PlanIndex& index = context.index;
  const v1::Grade thread_min = context.settings.thread_min_grade;

  // Mark both ends of every thread first, so the id lists below come out in plan order.
  std::vector<bool> member_threaded(index.member_count(), false);
  std::vector<bool> person_threaded(index.person_count(), false);
  for (model::RelationshipIx r : index.graded()) {
    if (index.grade(r) < thread_min) continue;
    member_threaded[index.relationship_member(r)] = true;
    person_threaded[index.relationship_person(r)] = true;
  }

  v1::Web& web = *out;
  web.set_thread_min_grade(thread_min);
  uint32_t team_levels = 0;
  uint32_t person_levels = 0;
  for (model::MemberIx m = 0; m < index.member_count(); ++m) {
    if (!member_threaded[m]) continue;
    web.add_team_member_ids(index.member(m).id());
    AddLevel(index.member(m).level(), team_levels);
  }
  for (model::PersonIx p = 0; p < index.person_count(); ++p) {
    if (!person_threaded[p]) continue;
    web.add_person_ids(index.person(p).id());
    AddLevel(index.person(p).level(), person_levels);
  }
  web.set_team_members(web.team_member_ids_size());
  web.set_persons(web.person_ids_size());
  web.set_team_levels(CountLevels(team_levels));
  web.set_person_levels(CountLevels(person_levels));
  web.set_figure(absl::StrCat(web.team_members(), "x", web.persons()));
  web.set_meets3x3(web.team_members() >= 3 && web.persons() >= 3 && web.team_levels() >= 3 &&
                   web.person_levels() >= 3);
}

}  // namespace contactplan::score
