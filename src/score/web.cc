#include "score/web.h"

namespace contactplan::score {

void WriteWeb(const model::PlanIndex& index, const model::InfluenceWeb& web, v1::Web* out) {
  out->set_thread_min_grade(web.thread_min_grade);
  out->mutable_team_member_ids()->Reserve(web.team_members());
  for (model::MemberIx m : web.members) out->add_team_member_ids(index.member(m).id());
  out->mutable_person_ids()->Reserve(web.person_count());
  for (model::PersonIx p : web.persons) out->add_person_ids(index.person(p).id());
  out->set_team_members(web.team_members());
  out->set_persons(web.person_count());
  out->set_team_levels(web.team_levels);
  out->set_person_levels(web.person_levels);
  out->set_figure(web.figure());
  out->set_meets3x3(web.meets3x3());
}

}  // namespace contactplan::score
