// Releases (docs/recommendations.md#releases): where a person is covered beyond what the account
// needs, which team members can step back and the effort that frees.
#ifndef CONTACTPLAN_SRC_RECOMMEND_RELEASES_H_
#define CONTACTPLAN_SRC_RECOMMEND_RELEASES_H_

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"

namespace contactplan::recommend {

// Two cases, persons in plan order, relationships in plan order within a person:
// - more than settings.over_covered_above graded relationships: the best ones are kept (highest
//   grade, then the member's seniority fit, then plan order) up to that number, and every other
//   holder can step back, freeing the upkeep of their grade;
// - a current relationship level above the desired one (both stated): every holder above the grade
//   the desired level asks for (GradeForLevel) can step back to it, freeing the difference in
//   upkeep (the best such relationship is kept when the desired grade is below SATISFIED's upkeep).
// A member who owns a key intersection with the person is never released from them. Releases
// with no effort freed are left out.
// Appends them to `*releases` in place.
void ProposeReleases(const model::Context& context,
                     const google::protobuf::RepeatedPtrField<v1::KeyIntersection>& key_intersections,
                     google::protobuf::RepeatedPtrField<v1::Release>* releases);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_RELEASES_H_
