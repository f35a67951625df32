// Engine options resolve to the documented defaults when unset, and out-of-range values are named.
#include "options/settings.h"

#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::contactplan::testing::OptionsFromText;
using ::testing::HasSubstr;

TEST(SettingsTest, EmptyOptionsGiveTheCataloguesDefaults) {
  absl::StatusOr<Settings> s = ResolveSettings({});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->over_covered_above, 3);
  EXPECT_EQ(s->seniority_gap_levels, 2);
  EXPECT_EQ(s->trust_inflation_min_intersections, 5);
  EXPECT_DOUBLE_EQ(s->trust_inflation_max_share, 0.2);
  EXPECT_DOUBLE_EQ(s->too_few_open_min_share, 0.25);
  EXPECT_EQ(s->stale_after_days, 90);
  EXPECT_EQ(s->nps_detractor_max, 6);
  EXPECT_EQ(s->sales_plan_min_tactics, 4);
  EXPECT_EQ(s->thread_min_grade, v1::SATISFIED);
  EXPECT_EQ(s->KeyIntersectionLimit(30), 5);
  EXPECT_EQ(s->KeyIntersectionLimit(60), 8);
  EXPECT_EQ(s->KeyIntersectionLimit(90), 12);
  EXPECT_EQ(s->EffortFor(v1::SATISFIED), 1);
  EXPECT_EQ(s->EffortFor(v1::OPEN), 2);
  EXPECT_EQ(s->EffortFor(v1::TRUST), 4);
  EXPECT_EQ(s->EffortFor(v1::INDIFFERENT), 0);
  EXPECT_EQ(s->max_retained_bytes, uint64_t{128} << 20);
}

TEST(SettingsTest, ExplicitZeroIsKeptApartFromUnset) {
  absl::StatusOr<Settings> s = ResolveSettings(OptionsFromText(R"pb(
    thresholds { over_covered_above: 0 trust_inflation_max_share: 0 }
    thread_min_grade: OPEN
    limits { max_retained_bytes: 0 }
  )pb"));
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->max_retained_bytes, 0u);
  EXPECT_EQ(s->over_covered_above, 0);
  EXPECT_EQ(s->trust_inflation_max_share, 0);
  EXPECT_EQ(s->thread_min_grade, v1::OPEN);
}

TEST(SettingsTest, OutOfRangeValuesAreNamedWithTheirRange) {
  for (const char* text : {"thresholds { stale_after_days: 0 }", "health_weights { risk: -1 }",
                           "effort_costs { open: nan }", "leverage_max_hops: 9",
                           "limits { max_retained_bytes: 1099511627777 }"}) {
    absl::StatusOr<Settings> s = ResolveSettings(OptionsFromText(text));
    ASSERT_FALSE(s.ok()) << text;
    EXPECT_THAT(s.status().message(), HasSubstr("must be between")) << text;
  }
  absl::StatusOr<Settings> zero = ResolveSettings(OptionsFromText(
      "health_weights { breadth: 0 depth: 0 quality: 0 risk: 0 }"));
  ASSERT_FALSE(zero.ok());
  EXPECT_THAT(zero.status().message(), HasSubstr("health_weights"));
}

// Strategy rules that could never match or name nothing to recommend are refused at creation,
// naming the field, rather than skipped in silence.
TEST(SettingsTest, StrategyRulesThatCannotWorkAreRefusedNamingTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {"strategy_rules { from_grade: INDIFFERENT }", "strategy_rules[0].strategies: name at least"},
      {"strategy_rules { strategies: UNITY } strategy_rules { strategies: INFLUENCE_STRATEGY_UNSPECIFIED }",
       "strategy_rules[1].strategies[0]: not a known influence strategy"},
      {"strategy_rules { strategies: 42 }", "strategy_rules[0].strategies[0]: not a known"},
      {"strategy_rules { from_grade: TRUST strategies: UNITY }",
       "strategy_rules[0].from_grade: TRUST is the top grade"},
      {"strategy_rules { blank_cell: true from_grade: SATISFIED strategies: UNITY }",
       "strategy_rules[0]: blank_cell matches cells without a grade"},
      {"strategy_rules { level: 9 strategies: UNITY }", "strategy_rules[0].level: not a known"},
      {"strategy_rules { buyer_role: 9 strategies: UNITY }",
       "strategy_rules[0].buyer_role: not a known"},
      {"strategy_rules { from_grade: 12 strategies: UNITY }",
       "strategy_rules[0].from_grade: not a known grade"},
  };
  for (const auto& [text, message] : cases) {
    absl::StatusOr<Settings> s = ResolveSettings(OptionsFromText(text));
    ASSERT_FALSE(s.ok()) << text;
    EXPECT_THAT(s.status().message(), HasSubstr(message)) << text;
  }
  absl::StatusOr<Settings> good = ResolveSettings(OptionsFromText(
      "strategy_rules { blank_cell: true level: EXECUTIVE strategies: AUTHORITY strategies: UNITY }"));
  ASSERT_TRUE(good.ok()) << good.status();
  EXPECT_EQ(good->strategy_rules.size(), 1u);
}

}  // namespace
}  // namespace contactplan
