// Test support for the recommend stage: a plan with its index, settings and "now" built directly
// (the way the engine builds them), findings written by hand, and a deterministic generator of
// random plans for the properties every recommendation must keep.
#ifndef CONTACTPLAN_TESTS_RECOMMEND_RECOMMEND_FIXTURE_H_
#define CONTACTPLAN_TESTS_RECOMMEND_RECOMMEND_FIXTURE_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"
#include "model/plan_index.h"
#include "rules/finding.h"
#include "options/settings.h"
#include "support/text_plan.h"

namespace contactplan::testing {

// 2024-06-01T00:00:00Z: the as_of of plans that need a "now".
absl::Time Now();
// `days` whole days before Now().
absl::Time DaysAgo(int64_t days);
google::protobuf::Timestamp TimestampDaysAgo(int64_t days);

class RecommendFixture {
 public:
  // "Now" is the plan's as_of, else the latest time in the plan (as the engine resolves it).
  explicit RecommendFixture(v1::Plan plan, std::string_view options_text = "");
  explicit RecommendFixture(std::string_view plan_text, std::string_view options_text = "");
  RecommendFixture(const RecommendFixture&) = delete;
  RecommendFixture& operator=(const RecommendFixture&) = delete;

  const v1::Plan& plan() const { return plan_; }
  const model::PlanIndex& index() const { return index_; }
  const Settings& settings() const { return settings_; }
  const model::Context& context() const { return context_; }

  v1::Recommendations Recommend(const std::vector<v1::Finding>& findings = {},
                                int32_t horizon_days = 30) const;
  // The rule catalogue's own findings for the plan (rules::EvaluateRules over score::ComputeWeb).
  std::vector<v1::Finding> RuleFindings() const;

  // Position of a person / team member by id; fails the test when absent.
  model::PersonIx Person(std::string_view id) const;
  model::MemberIx Member(std::string_view id) const;

 private:
  v1::Plan plan_;  // before index_: the index refers to it
  Settings settings_;
  model::PlanIndex index_;
  model::Context context_;
};

// The findings as the recommendation stage reads them: each message's rule found by its code and
// its ids resolved through `index`. Codes of no rule and ids that do not resolve are left out, as
// no rule could emit them.
std::vector<rules::Finding> TypedFindings(const model::PlanIndex& index,
                                          const std::vector<v1::Finding>& findings);

// A finding as a rule would write it.
v1::Finding MakeFinding(std::string_view code, std::initializer_list<std::string_view> person_ids,
                        std::initializer_list<std::string_view> team_member_ids = {});

// A valid plan of random shape: 1-12 team members (some with capacity), 3-60 persons in an org
// chart with influence links, a sparse contact map with every grade, stated desired grades here
// and there, and open and closed opportunities. The same seed gives the same plan everywhere.
v1::Plan RandomPlan(uint64_t seed);

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_RECOMMEND_RECOMMEND_FIXTURE_H_
