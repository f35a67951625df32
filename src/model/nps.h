// Net Promoter answers at a date: the standard classes and the account NPS (docs/vocabulary.md).
// One definition for the NPS_DECLINING rule and the diff of two plans, so both count alike.
#ifndef CONTACTPLAN_SRC_MODEL_NPS_H_
#define CONTACTPLAN_SRC_MODEL_NPS_H_

#include <cstdint>
#include <optional>

#include "absl/time/time.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::model {

// The standard NPS classes; the account NPS always uses them (9-10 promoter, 7-8 passive, 0-6
// detractor), whatever threshold the NPS_DETRACTOR rule is given, so that the figure stays
// comparable with any other NPS.
enum NpsClass { kDetractor = 0, kPassive = 1, kPromoter = 2 };
NpsClass NpsClassOf(int32_t score);

// The person's latest answer at or before `at`, or null: an undated answer counts as given at the
// beginning of time (it stands until a dated answer supersedes it), and among answers with the same
// time the later one in the list wins, as for PlanIndex::latest_nps. Pass absl::InfiniteFuture()
// for the latest answer of all.
const v1::NpsAnswer* LatestNpsAnswerAt(const v1::Person& person, absl::Time at);

// Account NPS at one date: % promoters - % detractors over each person's latest answer by then.
struct AccountNps {
  int32_t answered = 0;
  int32_t promoters = 0;
  int32_t detractors = 0;

  void Count(NpsClass c) {
    ++answered;
    promoters += c == kPromoter;
    detractors += c == kDetractor;
  }
  // -100..100; only meaningful when answered > 0.
  double value() const { return 100.0 * (promoters - detractors) / answered; }
};

// The account NPS of `plan` at `at` over every person's latest answer by then (persons who left
// included: their answers were given while they were there); nullopt when nobody had answered.
std::optional<double> AccountNpsAt(const v1::Plan& plan, absl::Time at);

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_NPS_H_
