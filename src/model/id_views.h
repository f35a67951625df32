// The plan's person and team member ids by position, as views of the plan's strings: for rows
// written after the PlanIndex they were worked out from is gone (the recommendations' rows of a
// binary analysis, src/engine/analysis_bytes.h). Valid while the plan lives.
#ifndef CONTACTPLAN_SRC_MODEL_ID_VIEWS_H_
#define CONTACTPLAN_SRC_MODEL_ID_VIEWS_H_

#include <string_view>
#include <vector>

#include "model/plan_index.h"

namespace contactplan::model {

struct IdViews {
  IdViews() = default;
  explicit IdViews(const PlanIndex& index) {
    persons.reserve(static_cast<size_t>(index.person_count()));
    for (PersonIx p = 0; p < index.person_count(); ++p) persons.push_back(index.person_id(p));
    members.reserve(static_cast<size_t>(index.member_count()));
    for (MemberIx m = 0; m < index.member_count(); ++m) members.push_back(index.member_id(m));
  }

  std::vector<std::string_view> persons;  // persons(p).id()
  std::vector<std::string_view> members;  // team_members(m).id()
};

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_ID_VIEWS_H_
