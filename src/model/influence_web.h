// The web of influence (docs/scores.md `web`) as the stages read it: which team members and persons
// hold threads, and at how many levels. The rules and the scores read this summary; the analysis'
// `web` message is written from it once (score/web.h).
#ifndef CONTACTPLAN_SRC_MODEL_INFLUENCE_WEB_H_
#define CONTACTPLAN_SRC_MODEL_INFLUENCE_WEB_H_

#include <cstdint>
#include <string>
#include <vector>

#include "contactplan/v1/plan.pb.h"
#include "model/context.h"

namespace contactplan::model {

struct InfluenceWeb {
  v1::Grade thread_min_grade = v1::GRADE_UNSPECIFIED;  // what counts as a thread
  std::vector<MemberIx> members;  // team members holding at least one thread, plan order
  std::vector<PersonIx> persons;  // persons held by at least one thread, plan order
  int32_t team_levels = 0;        // distinct known levels among `members`
  int32_t person_levels = 0;      // distinct known levels among `persons`

  int32_t team_members() const { return static_cast<int32_t>(members.size()); }
  int32_t person_count() const { return static_cast<int32_t>(persons.size()); }
  // At least 3 team members at 3 levels and 3 persons at 3 levels.
  bool meets3x3() const {
    return team_members() >= 3 && person_count() >= 3 && team_levels >= 3 && person_levels >= 3;
  }
  // "team members x persons", e.g. "3x4".
  std::string figure() const;
};

// Threads are graded intersections at settings.thread_min_grade or better. O(relationships).
InfluenceWeb ComputeInfluenceWeb(const Context& context);

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_INFLUENCE_WEB_H_
