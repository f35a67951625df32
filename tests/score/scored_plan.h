// Test support for the score stage: a plan with its index, settings and Context built directly, the
// way the engine builds them, so the stage runs without the rest of the engine.
#ifndef CONTACTPLAN_TESTS_SCORE_SCORED_PLAN_H_
#define CONTACTPLAN_TESTS_SCORE_SCORED_PLAN_H_

#include <optional>
#include <utility>

#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "gtest/gtest.h"
#include "model/context.h"
#include "model/plan_index.h"
#include "options/settings.h"
#include "score/gaps.h"
#include "score/scores.h"
#include "score/web.h"

namespace contactplan::testing {

class ScoredPlan {
 public:
  // `now` is the analysis' "now" (unset: the plan has no time); `horizon_days` the analysis horizon.
  explicit ScoredPlan(v1::Plan plan, const v1::EngineOptions& options = {},
                      std::optional<absl::Time> now = std::nullopt, int32_t horizon_days = 30)
      : plan_(std::move(plan)),
        settings_(Resolve(options)),
        index_(plan_),
        context_{index_, settings_, now},
        horizon_days_(horizon_days) {}

  const v1::Plan& plan() const { return plan_; }
  v1::Web Web() const {
    v1::Web web;
    score::WriteWeb(context_.index, model::ComputeInfluenceWeb(context_), &web);
    return web;
  }
  v1::Gaps Gaps() const {
    v1::Gaps gaps;
    score::ComputeGaps(context_, &gaps);
    return gaps;
  }
  v1::Scores Scores() const {
    v1::Scores scores;
    score::ComputeScores(context_, model::ComputeInfluenceWeb(context_), horizon_days_, &scores);
    return scores;
  }

 private:
  static Settings Resolve(const v1::EngineOptions& options) {
    absl::StatusOr<Settings> settings = ResolveSettings(options);
    EXPECT_TRUE(settings.ok()) << settings.status();
    return settings.ok() ? *std::move(settings) : Settings{};
  }

  v1::Plan plan_;  // before index_: the index refers to it
  Settings settings_;
  model::PlanIndex index_;
  model::Context context_;
  int32_t horizon_days_;
};

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_SCORE_SCORED_PLAN_H_
