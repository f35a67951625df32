// The catalogue as a whole: codes and severities exactly as docs/rules.md, disabled rules, time-based rules
// without "now", and the output order.
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "contactplan/rule_catalogue.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/rules_test_support.h"
#include "support/text_plan.h"

namespace contactplan::testing {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

// docs/rules.md, in order: code and severity column.
const std::vector<std::pair<std::string, std::string>>& SpecCatalogue() {
  static const auto* const spec = new std::vector<std::pair<std::string, std::string>>{
      {"UNCOVERED_PERSON", "WARNING; CRITICAL if key"},
      {"WEAK_RELATIONSHIP", "I: WARNING; D, M: CRITICAL"},
      {"SINGLE_THREADED_PERSON", "WARNING"},
      {"OVER_COVERED_PERSON", "INFO"},
      {"SENIORITY_MISMATCH", "WARNING"},
      {"TRUST_INFLATION", "WARNING"},
      {"TOO_FEW_OPEN", "INFO"},
      {"STALE_ASSESSMENT", "INFO; WARNING for T and O"},
      {"SINGLE_THREADED_ACCOUNT", "CRITICAL"},
      {"BELOW_3X3", "WARNING"},
      {"NPS_DETRACTOR", "WARNING; CRITICAL if key"},
      {"NPS_DECLINING", "INFO"},
      {"COMPETITIVE_RELATIONSHIP", "INFO"},
      {"NO_POWER_BUYER_IDENTIFIED", "WARNING"},
      {"NO_POWER_ACCESS", "CRITICAL"},
      {"NO_EVANGELIST", "INFO"},
      {"RELATIONSHIP_GAP", "INFO"},
      {"LARGE_RELATIONSHIP_GAP", "WARNING"},
      {"BELOW_CREDIBLE_SOURCE", "WARNING"},
      {"OVER_INVESTED", "INFO"},
      {"NEUTRAL_AS_NON_SUPPORTER", "INFO"},
      {"PREFERENCE_GAP", "INFO; WARNING if 2 or more levels"},
      {"DECISION_MAKER_NOT_SUPPORTIVE", "CRITICAL"},
      {"NO_MENTOR", "CRITICAL"},
      {"ENEMY_IN_BUYING_GROUP", "WARNING"},
      {"LATE_PREFERRED_STRATEGY", "INFO"},
      {"QUALIFICATION_INCOMPLETE", "INFO"},
      {"NO_BLUEPRINT", "INFO"},
      {"MISSING_BLUEPRINT", "WARNING"},
      {"GOAL_SKIPS_LEVELS", "WARNING"},
      {"NO_INFLUENCE_STRATEGY", "WARNING"},
      {"SALES_TACTIC", "INFO"},
      {"SALES_PLAN", "WARNING"},
      {"CHAMPION_LEFT", "WARNING; CRITICAL if a MENTOR of an open opportunity"},
      {"OWNER_LEFT", "WARNING; CRITICAL when a key person is left without a thread"},
      {"GRADE_FALLING", "WARNING; CRITICAL when it fell to D or M with a key person"},
      {"GRADE_NOT_BORNE_OUT", "WARNING"},
      {"ONE_WAY_CONTACT", "WARNING; CRITICAL with a key person"},
  };
  return *spec;
}

TEST(RuleCatalogueTest, ListsExactlyTheSpecCodesInOrderWithTheirSeverities) {
  const std::span<const RuleInfo> catalogue = RuleCatalogue();
  ASSERT_EQ(catalogue.size(), SpecCatalogue().size());
  ASSERT_EQ(catalogue.size(), 38u);
  for (size_t i = 0; i < catalogue.size(); ++i) {
    EXPECT_EQ(catalogue[i].code, SpecCatalogue()[i].first) << "position " << i;
    EXPECT_EQ(catalogue[i].severity, SpecCatalogue()[i].second) << catalogue[i].code;
  }
}

TEST(RuleCatalogueTest, EveryRuleIsExplained) {
  for (const RuleInfo& rule : RuleCatalogue()) {
    EXPECT_GT(rule.fires_when.size(), 20u) << rule.code;
    // One paragraph: several sentences, no line breaks.
    EXPECT_GT(rule.explanation.size(), 200u) << rule.code;
    EXPECT_EQ(rule.explanation.find('\n'), std::string_view::npos) << rule.code;
    EXPECT_EQ(rule.explanation.back(), '.') << rule.code;
  }
}

TEST(RuleCatalogueTest, IsTheSameSpanEveryTime) {
  EXPECT_EQ(RuleCatalogue().data(), RuleCatalogue().data());
}

// A plan on which many rules fire at once, at every severity.
constexpr const char* kBusyPlan = R"pb(
  team_members { id: "t1" name: "Sam Lee" level: OPERATIONAL }
  team_members { id: "t2" level: OPERATIONAL }
  persons { id: "p1" name: "Dana Reyes" level: EXECUTIVE buyer_roles: POWER
            relationship_type: COMPETITIVE desired_relationship_level: PROBLEM_SOLVER
            nps_answers { score: 10 answered_at { seconds: 1700000000 } }
            nps_answers { score: 3 answered_at { seconds: 1717000000 } } }
  persons { id: "p2" relationship_level: TRUSTED_ADVISOR desired_relationship_level: VENDOR }
  persons { id: "p3" key: true }
  relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT
                  assessed_at { seconds: 1600000000 } }
  relationships { team_member_id: "t2" person_id: "p2" grade: MOTIVATED_TO_CHANGE }
  relationships { team_member_id: "t1" person_id: "p2" grade: TRUST
                  last_contact_at { seconds: 1600000000 } }
  opportunities { id: "o1" stage: EVALUATE_RISK competitive_strategy: PREFERRED
                  participants { person_id: "p1" buying_role: DECISION_MAKER preference: NEUTRAL
                                 desired_preference: MENTOR }
                  participants { person_id: "p2" preference: ENEMY } }
  blueprint { person_id: "p2" team_member_id: "t1" goal { grade: TRUST }
              tactics { description: "Pitch" } tactics {} tactics {} tactics {} }
)pb";

std::vector<v1::Finding> BusyFindings(const std::string& options = "") {
  return Evaluate(kBusyPlan, {.options = options, .now = Now()});
}

TEST(EvaluateRulesTest, EveryFindingCarriesACatalogueCodeASeverityAndAMessage) {
  absl::flat_hash_map<std::string, int> position;
  for (const RuleInfo& rule : RuleCatalogue()) {
    position[std::string(rule.code)] = static_cast<int>(position.size());
  }
  const std::vector<v1::Finding> findings = BusyFindings();
  ASSERT_GT(findings.size(), 20u);
  for (const v1::Finding& finding : findings) {
    EXPECT_TRUE(position.contains(finding.code())) << finding.code();
    EXPECT_NE(finding.severity(), v1::SEVERITY_UNSPECIFIED) << finding.code();
    EXPECT_FALSE(finding.message().empty()) << finding.code();
  }
}

TEST(EvaluateRulesTest, OrderIsSeverityThenCatalogueThenPlan) {
  absl::flat_hash_map<std::string, int> position;
  for (const RuleInfo& rule : RuleCatalogue()) {
    position[std::string(rule.code)] = static_cast<int>(position.size());
  }
  const std::vector<v1::Finding> findings = BusyFindings();
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings.front().severity(), v1::CRITICAL);
  EXPECT_EQ(findings.back().severity(), v1::INFO);
  for (size_t i = 1; i < findings.size(); ++i) {
    const v1::Finding& a = findings[i - 1];
    const v1::Finding& b = findings[i];
    ASSERT_GE(a.severity(), b.severity()) << a.code() << " before " << b.code();
    if (a.severity() == b.severity()) {
      ASSERT_LE(position[a.code()], position[b.code()]) << a.code() << " before " << b.code();
    }
  }
  // One rule's findings split by severity: the stale Trust cell (a warning) comes before the stale
  // Indifferent cell (info) although it is later in the plan.
  const std::vector<v1::Finding> stale = WithCode(findings, "STALE_ASSESSMENT");
  ASSERT_EQ(stale.size(), 2u);
  EXPECT_EQ(stale[0].path(), "relationships[2]");
  EXPECT_EQ(stale[1].path(), "relationships[0]");
  // Same rule and severity: plan order.
  const std::vector<v1::Finding> uncovered = WithCode(
      Evaluate(R"pb(persons { id: "a" } persons { id: "b" } persons { id: "c" })pb"),
      "UNCOVERED_PERSON");
  ASSERT_EQ(uncovered.size(), 3u);
  EXPECT_EQ(uncovered[0].person_ids(0), "a");
  EXPECT_EQ(uncovered[1].person_ids(0), "b");
  EXPECT_EQ(uncovered[2].person_ids(0), "c");
}

TEST(EvaluateRulesTest, IsDeterministic) {
  const std::vector<v1::Finding> first = BusyFindings();
  const std::vector<v1::Finding> second = BusyFindings();
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].SerializeAsString(), second[i].SerializeAsString()) << i;
  }
}

TEST(EvaluateRulesTest, DisabledRulesAreLeftOut) {
  const std::vector<std::string> all = Codes(BusyFindings());
  ASSERT_THAT(all, Contains("WEAK_RELATIONSHIP"));
  ASSERT_THAT(all, Contains("NO_MENTOR"));
  ASSERT_THAT(all, Contains("UNCOVERED_PERSON"));
  const std::vector<std::string> some = Codes(BusyFindings(
      R"pb(disabled_rules: "WEAK_RELATIONSHIP" disabled_rules: "NO_MENTOR"
           disabled_rules: "NOT_A_RULE")pb"));
  EXPECT_THAT(some, Not(Contains("WEAK_RELATIONSHIP")));
  EXPECT_THAT(some, Not(Contains("NO_MENTOR")));
  EXPECT_THAT(some, Contains("UNCOVERED_PERSON"));
  EXPECT_EQ(all.size() - some.size(),
            WithCode(BusyFindings(), "WEAK_RELATIONSHIP").size() + 1);
}

TEST(EvaluateRulesTest, EveryRuleCanBeDisabled) {
  std::string options;
  for (const RuleInfo& rule : RuleCatalogue()) {
    options += "disabled_rules: \"" + std::string(rule.code) + "\" ";
  }
  EXPECT_THAT(Evaluate(kBusyPlan, {.options = options, .now = Now()}), IsEmpty());
}

TEST(EvaluateRulesTest, TimeBasedRulesNeedNow) {
  const std::vector<std::string> with_now = Codes(BusyFindings());
  EXPECT_THAT(with_now, Contains("STALE_ASSESSMENT"));
  EXPECT_THAT(with_now, Contains("NPS_DECLINING"));
  const std::vector<std::string> without_now = Codes(Evaluate(kBusyPlan));
  EXPECT_THAT(without_now, Not(Contains("STALE_ASSESSMENT")));
  EXPECT_THAT(without_now, Not(Contains("NPS_DECLINING")));
  // Everything else still runs.
  EXPECT_EQ(with_now.size() - without_now.size(),
            WithCode(BusyFindings(), "STALE_ASSESSMENT").size() + 1);
}

TEST(EvaluateRulesTest, EmptyPlanHasNoFindings) {
  EXPECT_THAT(Evaluate(v1::Plan(), {.now = Now()}), IsEmpty());
}

}  // namespace
}  // namespace contactplan::testing
