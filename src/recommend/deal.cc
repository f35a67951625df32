#include "recommend/deal.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "model/time.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::OpportunityIx;
using model::PersonIx;
using model::RelationshipIx;

// Planning treats Neutral and unset as Non-Supporter.
v1::Preference Effective(v1::Preference preference) {
  return preference == v1::NEUTRAL || preference == v1::PREFERENCE_UNSPECIFIED
             ? v1::NON_SUPPORTER
             : preference;
}

bool IsDecider(v1::Participant::BuyingRole role) {
  return role == v1::Participant::DECISION_MAKER || role == v1::Participant::APPROVER;
}

const char* StageWord(v1::OpportunityStage stage) {
  switch (stage) {
    case v1::PLANNING: return "Planning";
    case v1::DETERMINE_NEEDS: return "Determine Needs";
    case v1::EVALUATE_ALTERNATIVES: return "Evaluate Alternatives";
    case v1::EVALUATE_RISK: return "Evaluate Risk";
    case v1::NEGOTIATE_CLOSE: return "Negotiate Close";
    default: return "";
  }
}

double StageBoost(const v1::DealTuning& deal, v1::OpportunityStage stage) {
  switch (stage) {
    case v1::PLANNING: return deal.stage_planning();
    case v1::DETERMINE_NEEDS: return deal.stage_determine_needs();
    case v1::EVALUATE_ALTERNATIVES: return deal.stage_evaluate_alternatives();
    case v1::EVALUATE_RISK: return deal.stage_evaluate_risk();
    case v1::NEGOTIATE_CLOSE: return deal.stage_negotiate_close();
    default: return 0;
  }
}

double Clamp01(double value) { return std::clamp(value, 0.0, 1.0); }

}  // namespace

DealView::DealView(const model::Context& context, std::span<const double> importance,
                   int32_t horizon_days)
    : context_(context),
      horizon_days_(horizon_days),
      pressure_(context.index.person_count(), 0),
      pressing_(context.index.person_count(), model::kNone),
      unsupportive_(context.index.person_count(), false),
      decider_(context.index.person_count(), false),
      mentor_candidate_(context.index.person_count(), false),
      mentor_for_(context.index.person_count(), model::kNone) {
  const model::PlanIndex& index = context.index;
  const v1::Plan& plan = index.plan();
  for (const v1::Opportunity& opportunity : plan.opportunities()) {
    if (!opportunity.closed() && std::isfinite(opportunity.value())) {
      largest_value_ = std::max(largest_value_, opportunity.value());
    }
  }
  // The best grade we hold with each person, read once.
  std::vector<v1::Grade> best(index.person_count(), v1::GRADE_UNSPECIFIED);
  for (RelationshipIx r : index.graded()) {
    v1::Grade& b = best[index.relationship_person(r)];
    b = std::max(b, index.grade(r));
  }
  for (OpportunityIx o = 0; o < plan.opportunities_size(); ++o) {
    const v1::Opportunity& opportunity = plan.opportunities(o);
    if (opportunity.closed()) continue;
    const double pressure = OpportunityPressure(o);
    bool has_mentor = false;
    PersonIx candidate = model::kNone;
    // (supporter and evangelist, best grade, importance): higher is better; plan order on ties.
    std::tuple<int, int, double> candidate_key{-1, -1, -1};
    for (const v1::Participant& participant : opportunity.participants()) {
      const PersonIx p = index.FindPerson(participant.person_id());
      // A participant who has left is no mentor and no one to win (docs/time.md#leaving).
      if (p == model::kNone || index.has_left(p)) continue;
      if (pressure > pressure_[p]) {
        pressure_[p] = pressure;
        pressing_[p] = o;
      } else if (pressing_[p] == model::kNone) {
        pressing_[p] = o;
      }
      const v1::Preference preference = Effective(participant.preference());
      has_mentor |= preference == v1::MENTOR;
      if (IsDecider(participant.buying_role())) {
        decider_[p] = true;
        if (preference < v1::SUPPORTER) unsupportive_[p] = true;
      }
      const bool supporter = preference == v1::SUPPORTER;
      const bool evangelist = index.has_buyer_role(p, v1::Person::EVANGELIST);
      if (!(supporter || evangelist) || preference == v1::ENEMY) continue;
      if (best[p] < context.settings.thread_min_grade) continue;
      const std::tuple<int, int, double> key{supporter + evangelist, best[p], importance[p]};
      if (key > candidate_key) {
        candidate_key = key;
        candidate = p;
      }
    }
    if (!has_mentor && candidate != model::kNone) {
      mentor_candidate_[candidate] = true;
      if (mentor_for_[candidate] == model::kNone) mentor_for_[candidate] = o;
    }
  }
}

double DealView::OpportunityPressure(OpportunityIx o) const {
  const v1::DealTuning& deal = context_.settings.tuning.recommend().deal();
  const v1::Opportunity& opportunity = context_.index.plan().opportunities(o);
  double calm = 1 - Clamp01(StageBoost(deal, opportunity.stage()));
  if (largest_value_ > 0 && opportunity.value() > 0 && std::isfinite(opportunity.value())) {
    calm *= 1 - Clamp01(deal.value_boost() * opportunity.value() / largest_value_);
  }
  if (context_.index.plan().account().motivation() == v1::RETENTION) {
    calm *= 1 - Clamp01(deal.retention_boost());
  }
  const std::optional<absl::Time> close =
      model::ToTime(opportunity.has_expected_close_at(), opportunity.expected_close_at());
  if (close && context_.now) {
    const int64_t days = model::DaysBetween(*context_.now, *close);
    const double share = days <= horizon_days_
                             ? 1.0
                             : static_cast<double>(horizon_days_) / static_cast<double>(days);
    calm *= 1 - Clamp01(deal.close_within_horizon_boost() * share);
  }
  return 1 - calm;
}

std::string DealView::Situation(OpportunityIx o) const {
  if (o == model::kNone) return "";
  const model::PlanIndex& index = context_.index;
  const v1::Opportunity& opportunity = index.plan().opportunities(o);
  std::string words = rules::OpportunityLabel(index, o);
  if (const char* stage = StageWord(opportunity.stage()); *stage != '\0') {
    absl::StrAppend(&words, " at ", stage);
  }
  if (opportunity.value() > 0 && std::isfinite(opportunity.value())) {
    absl::StrAppend(&words, ", value ", absl::StrFormat("%.0f", opportunity.value()));
  }
  const bool renewal = index.plan().account().motivation() == v1::RETENTION;
  const std::optional<absl::Time> close =
      model::ToTime(opportunity.has_expected_close_at(), opportunity.expected_close_at());
  if (close && context_.now) {
    const int64_t days = model::DaysBetween(*context_.now, *close);
    const char* what = renewal ? "renewal" : "expected close";
    if (days < 0) {
      absl::StrAppend(&words, ", ", what, " passed ", -days, days == -1 ? " day" : " days", " ago");
    } else {
      absl::StrAppend(&words, ", ", what, " in ", days, days == 1 ? " day" : " days");
    }
  } else if (renewal) {
    absl::StrAppend(&words, ", a renewal");
  }
  return words;
}

}  // namespace contactplan::recommend
