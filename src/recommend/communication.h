// Communication advice (docs/recommendations.md): per participant of each open opportunity, the communication the
// current stage of the buying process needs for that person's audience (level and buyer role).
#ifndef CONTACTPLAN_SRC_RECOMMEND_COMMUNICATION_H_
#define CONTACTPLAN_SRC_RECOMMEND_COMMUNICATION_H_

#include "contactplan/v1/recommendations.pb.h"
#include "model/plan_index.h"

namespace contactplan::recommend {

// The audience whose column of the table applies to person p as `participant` of an open
// opportunity: Mentors (their preference in this opportunity) and evangelists read the champion
// column at any level; otherwise executives and power buyers the executive column; advisors and
// evaluators the evaluator column; otherwise the person's level, or, when it is unknown, decision
// makers and approvers read the senior-manager column, users the operational one and everyone
// else the middle-manager one.
v1::CommunicationAdvice::Audience AudienceOf(const model::PlanIndex& index, model::PersonIx p,
                                             const v1::Participant& participant);

// Open opportunities in plan order, their participants in order. An opportunity without a stage is
// advised as if at PLANNING (the earliest, safest assumption), and the advice says so. A decision
// maker or approver with a D or M intersection, or graded but nowhere at SATISFIED or above, gets
// REPAIR_FIRST: mending comes before the stage's message, which follows. Every advice ends with
// the deal in a sentence (stage, value for those who weigh it, expected close, renewal).
// Appends the advice to `*advice` in place.
void AdviseCommunication(const model::PlanIndex& index,
                         google::protobuf::RepeatedPtrField<v1::CommunicationAdvice>* advice);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_COMMUNICATION_H_
