#include "recommend/reassignments.h"

#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::recommend {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

std::vector<v1::Reassignment> PlanReassignments(const model::Context& context,
                                                TeamCapacity& capacity) {
  const model::PlanIndex& index = context.index;
  std::vector<v1::Reassignment> out;
  for (MemberIx former = 0; former < index.member_count(); ++former) {
    if (!index.member_has_left(former)) continue;
    for (RelationshipIx r : index.all_graded_of_member(former)) {
      const PersonIx p = index.relationship_person(r);
      if (index.has_left(p)) continue;  // both gone: history only
      v1::Reassignment& entry = out.emplace_back();
      entry.set_person_id(index.person(p).id());
      entry.set_former_team_member_id(index.member(former).id());
      entry.set_grade(index.grade(r));
      const std::string handover =
          absl::StrCat("; ask ", rules::MemberLabel(index, former),
                       " to hand over in person while the contact is warm");
      // Someone who stays and already holds a thread takes the lead: no new relationship to build.
      RelationshipIx kept = model::kNone;
      for (RelationshipIx other : index.graded_of_person(p)) {
        if (index.grade(other) >= context.settings.thread_min_grade &&
            (kept == model::kNone || index.grade(other) > index.grade(kept))) {
          kept = other;
        }
      }
      if (kept != model::kNone) {
        const MemberIx m = index.relationship_member(kept);
        entry.set_team_member_id(index.member(m).id());
        entry.set_reason(absl::StrCat(rules::MemberLabel(index, m), " already holds ",
                                      rules::GradeWord(index.grade(kept)), " with ",
                                      rules::PersonLabel(index, p), ": take over the lead",
                                      handover));
        continue;
      }
      const double effort = context.settings.EffortFor(index.grade(r));
      const OwnerChoice choice = capacity.ChooseOwner(p, effort);
      if (choice.member == model::kNone) {
        entry.set_reason(choice.best_placed == model::kNone
                             ? std::string("nobody who stays can take it over: bring someone into "
                                           "the account")
                             : absl::StrCat("nobody who stays has the effort free; best placed: ",
                                            capacity.OwnerReason(p, choice.best_placed,
                                                                 model::kNone, choice.connection)));
        continue;
      }
      capacity.Reserve(choice.member, effort);
      entry.set_team_member_id(index.member(choice.member).id());
      entry.set_reason(absl::StrCat(
          capacity.OwnerReason(p, choice.member, model::kNone, choice.connection), handover));
    }
  }
  return out;
}

}  // namespace contactplan::recommend
