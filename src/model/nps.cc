#include "model/nps.h"

#include "model/time.h"

namespace contactplan::model {

NpsClass NpsClassOf(int32_t score) {
  if (score >= 9) return kPromoter;
  if (score >= 7) return kPassive;
  return kDetractor;
}

const v1::NpsAnswer* LatestNpsAnswerAt(const v1::Person& person, absl::Time at) {
  const v1::NpsAnswer* latest = nullptr;
  absl::Time latest_time = absl::InfinitePast();
  for (const v1::NpsAnswer& answer : person.nps_answers()) {
    const absl::Time t =
        ToTime(answer.has_answered_at(), answer.answered_at()).value_or(absl::InfinitePast());
    if (t > at || (latest != nullptr && t < latest_time)) continue;
    latest = &answer;
    latest_time = t;
  }
  return latest;
}

std::optional<double> AccountNpsAt(const v1::Plan& plan, absl::Time at) {
  AccountNps nps;
  for (const v1::Person& person : plan.persons()) {
    if (const v1::NpsAnswer* answer = LatestNpsAnswerAt(person, at)) {
      nps.Count(NpsClassOf(answer->score()));
    }
  }
  if (nps.answered == 0) return std::nullopt;
  return nps.value();
}

}  // namespace contactplan::model
