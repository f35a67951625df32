// The deal as the plan of action sees it (docs/recommendations.md#the-deal): how pressing each open
// opportunity is within the horizon (stage, expected close or renewal, value, the account's
// motivation), which decision makers and approvers are not supportive, and for each open
// opportunity without a Mentor the best candidate to become one.
#ifndef CONTACTPLAN_SRC_RECOMMEND_DEAL_H_
#define CONTACTPLAN_SRC_RECOMMEND_DEAL_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/context.h"

namespace contactplan::recommend {

class DealView {
 public:
  // Reads every open opportunity once. `importance` has one value per person (PersonImportance),
  // used to break ties between Mentor candidates.
  DealView(const model::Context& context, std::span<const double> importance,
           int32_t horizon_days);

  // The urgency boost of steps with person p (0-1): the pressure of the most pressing open
  // opportunity they take part in, 0 when they take part in none. Pressure of an opportunity is
  // the noisy-or of its stage boost, value boost x value / largest open value, the retention
  // boost in a RETENTION account, and the close boost when its expected close falls within the
  // horizon (beyond it, times horizon / days to close); docs/tuning.md `recommend.deal`.
  double Pressure(model::PersonIx p) const { return pressure_[p]; }
  // The opportunity behind Pressure(p), or kNone.
  model::OpportunityIx PressingOpportunity(model::PersonIx p) const { return pressing_[p]; }

  // A DECISION_MAKER or APPROVER of an open opportunity whose effective preference is below
  // SUPPORTER (Neutral and unset count as Non-Supporter).
  bool UnsupportiveDecider(model::PersonIx p) const { return unsupportive_[p]; }
  // A DECISION_MAKER or APPROVER of an open opportunity.
  bool Decider(model::PersonIx p) const { return decider_[p]; }
  // The best Mentor candidate of an open opportunity that has participants and no Mentor: a
  // Supporter, or a participant holding EVANGELIST, with whom we hold a thread
  // (settings.thread_min_grade or better); Supporters who are evangelists first, then the best
  // grade we hold, then importance, then plan order.
  bool MentorCandidate(model::PersonIx p) const { return mentor_candidate_[p]; }
  // The opportunity p is the Mentor candidate of (the first in plan order), or kNone.
  model::OpportunityIx MentorFor(model::PersonIx p) const { return mentor_for_[p]; }

  // The deal in a seller's words: "opportunity \"Renewal 2025\" at Evaluate Risk, value 1850000,
  // renewal due in 20 days". Empty for kNone.
  std::string Situation(model::OpportunityIx o) const;

 private:
  double OpportunityPressure(model::OpportunityIx o) const;

  const model::Context& context_;
  int32_t horizon_days_;
  double largest_value_ = 0;
  std::vector<double> pressure_;
  std::vector<model::OpportunityIx> pressing_;
  std::vector<bool> unsupportive_, decider_, mentor_candidate_;
  std::vector<model::OpportunityIx> mentor_for_;
};

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_DEAL_H_
