#include "options/score_tuning_check.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace contactplan {
namespace {

// The grades of a GradeValues table from worst to best, with their field names.
std::vector<std::pair<const char*, double>> InGradeOrder(const v1::GradeValues& v) {
  return {{"motivated_to_change", v.motivated_to_change()},
          {"dissatisfied", v.dissatisfied()},
          {"indifferent", v.indifferent()},
          {"satisfied", v.satisfied()},
          {"open", v.open()},
          {"trust", v.trust()}};
}

absl::Status AtMostOne(const std::string& path, double value) {
  if (value <= 1) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("tuning.scores.", path, ": must be between 0 and 1, got ", value));
}

// `rising`: each grade's value at least the one below it; otherwise at most.
absl::Status CheckOrder(const char* table, const v1::GradeValues& values, bool rising) {
  const auto ordered = InGradeOrder(values);
  for (size_t i = 1; i < ordered.size(); ++i) {
    const double below = ordered[i - 1].second;
    const double here = ordered[i].second;
    if (rising ? here < below : here > below) {
      return absl::InvalidArgumentError(absl::StrCat(
          "tuning.scores.", table, ".", ordered[i].first, ": must be ",
          rising ? "at least" : "at most", " the value of ", ordered[i - 1].first, " (", below,
          ") so that raising a grade never lowers account health, got ", here));
    }
  }
  for (const auto& [name, value] : ordered) {
    if (absl::Status s = AtMostOne(absl::StrCat(table, ".", name), value); !s.ok()) return s;
  }
  return AtMostOne(absl::StrCat(table, ".blank"), values.blank());
}

}  // namespace

absl::Status CheckScoreTuning(const v1::ScoreTuning& scores) {
  if (absl::Status s = CheckOrder("grade_strength", scores.grade_strength(), true); !s.ok()) {
    return s;
  }
  if (scores.grade_strength().blank() > scores.grade_strength().indifferent()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tuning.scores.grade_strength.blank: must be at most the value of indifferent (",
        scores.grade_strength().indifferent(),
        ") so that a first relationship never lowers account health, got ",
        scores.grade_strength().blank()));
  }
  if (absl::Status s = CheckOrder("dissatisfaction", scores.dissatisfaction(), false); !s.ok()) {
    return s;
  }
  if (scores.dissatisfaction().indifferent() > 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tuning.scores.dissatisfaction.indifferent: must be 0 so that a first relationship never "
        "adds dissatisfaction (and lowers account health), got ",
        scores.dissatisfaction().indifferent()));
  }
  const v1::PreferenceValues& support = scores.support();
  for (const auto& [name, value] :
       std::vector<std::pair<const char*, double>>{{"support.mentor", support.mentor()},
                                                   {"support.supporter", support.supporter()},
                                                   {"support.neutral", support.neutral()},
                                                   {"support.non_supporter", support.non_supporter()},
                                                   {"support.enemy", support.enemy()},
                                                   {"support.unset", support.unset()},
                                                   {"breadth.known_below_thread",
                                                    scores.breadth().known_below_thread()},
                                                   {"risk.power_indifferent_credit",
                                                    scores.risk().power_indifferent_credit()},
                                                   {"risk.power_unknown_credit",
                                                    scores.risk().power_unknown_credit()},
                                                   {"confidence.trust_excess_span",
                                                    scores.confidence().trust_excess_span()}}) {
    if (absl::Status s = AtMostOne(name, value); !s.ok()) return s;
  }
  if (scores.depth().threads_for_multi() < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tuning.scores.depth.threads_for_multi: must be at least 1, got ",
        scores.depth().threads_for_multi()));
  }
  return absl::OkStatus();
}

}  // namespace contactplan
