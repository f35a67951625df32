// What the render tests draw: an example plan and its analysis by the default engine.
#ifndef CONTACTPLAN_TESTS_RENDER_RENDER_INPUTS_H_
#define CONTACTPLAN_TESTS_RENDER_RENDER_INPUTS_H_

#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "gtest/gtest.h"

namespace contactplan::testing {

// The analysis of `plan` with the default options; an empty one (and a test failure) if it fails.
inline v1::Analysis AnalysisOf(const v1::Plan& plan) {
  absl::StatusOr<Engine> engine = Engine::Create();
  EXPECT_TRUE(engine.ok()) << engine.status();
  absl::StatusOr<v1::Analysis> analysis = engine->Analyze(plan);
  EXPECT_TRUE(analysis.ok()) << analysis.status();
  return analysis.ok() ? *analysis : v1::Analysis();
}

// examples/kestrel-health.json (tests run from the repository root).
inline v1::Plan Kestrel() {
  absl::StatusOr<v1::Plan> plan = ReadPlanFile("examples/kestrel-health.json");
  EXPECT_TRUE(plan.ok()) << plan.status();
  return plan.ok() ? *plan : v1::Plan();
}

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_RENDER_RENDER_INPUTS_H_
