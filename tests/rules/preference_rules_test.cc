// NEUTRAL_AS_NON_SUPPORTER, PREFERENCE_GAP, DECISION_MAKER_NOT_SUPPORTIVE, ENEMY_IN_BUYING_GROUP.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/rules_test_support.h"

namespace contactplan::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// A plan with persons p1, p2 and one opportunity "o1" whose body is `opportunity` (text format).
std::string WithOpportunity(std::string_view opportunity) {
  return absl::StrCat(R"pb(
    persons { id: "p1" name: "Dana Reyes" title: "CFO" }
    persons { id: "p2" }
    opportunities { id: "o0" name: "Earlier deal" closed: true }
    opportunities { id: "o1" name: "ERP renewal" )pb",
                      std::string(opportunity), "}");
}

// ---- NEUTRAL_AS_NON_SUPPORTER ----

TEST(NeutralAsNonSupporterTest, NeutralParticipantOfAnOpenOpportunity) {
  const v1::Finding f = Only(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p2" preference: SUPPORTER }
    participants { person_id: "p1" buying_role: EVALUATOR preference: NEUTRAL }
  )pb")), "NEUTRAL_AS_NON_SUPPORTER");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(f.opportunity_id(), "o1");
  EXPECT_EQ(f.path(), "opportunities[1].participants[1]");
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes (CFO)"));
  EXPECT_THAT(f.message(), HasSubstr("ERP renewal"));
}

TEST(NeutralAsNonSupporterTest, OtherPreferencesAreNotNeutral) {
  EXPECT_THAT(Codes(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" preference: NON_SUPPORTER }
    participants { person_id: "p2" }
  )pb"))), Not(Contains("NEUTRAL_AS_NON_SUPPORTER")));
}

// ---- PREFERENCE_GAP ----

TEST(PreferenceGapTest, NeutralIsPlannedAsNonSupporterSoTwoLevelsToSupporter) {
  const v1::Finding f = Only(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" preference: NEUTRAL desired_preference: SUPPORTER }
  )pb")), "PREFERENCE_GAP");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(f.opportunity_id(), "o1");
  EXPECT_EQ(f.path(), "opportunities[1].participants[0]");
  EXPECT_EQ(NumberOf(f, "effective_preference"), v1::NON_SUPPORTER);
  EXPECT_EQ(NumberOf(f, "gap_levels"), 2);
}

TEST(PreferenceGapTest, OneLevelIsInfo) {
  const v1::Finding f = Only(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" preference: SUPPORTER desired_preference: MENTOR }
  )pb")), "PREFERENCE_GAP");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_EQ(NumberOf(f, "gap_levels"), 1);
}

TEST(PreferenceGapTest, UnrecordedPreferenceIsPlannedAsNonSupporter) {
  const v1::Finding f = Only(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" desired_preference: SUPPORTER }
  )pb")), "PREFERENCE_GAP");
  EXPECT_EQ(NumberOf(f, "gap_levels"), 2);
  EXPECT_EQ(f.severity(), v1::WARNING);
}

TEST(PreferenceGapTest, NoGapWithoutDesiredOrAtOrAboveIt) {
  EXPECT_THAT(WithCode(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" preference: ENEMY }
    participants { person_id: "p2" preference: MENTOR desired_preference: SUPPORTER }
  )pb")), "PREFERENCE_GAP"), IsEmpty());
  EXPECT_THAT(Codes(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" preference: SUPPORTER desired_preference: SUPPORTER }
  )pb"))), Not(Contains("PREFERENCE_GAP")));
}

TEST(PreferenceGapTest, WarningLevelIsAnOption) {
  const std::string plan = WithOpportunity(R"pb(
    participants { person_id: "p1" preference: NON_SUPPORTER desired_preference: SUPPORTER }
  )pb");
  EXPECT_EQ(Only(Evaluate(plan), "PREFERENCE_GAP").severity(), v1::WARNING);
  EXPECT_EQ(Only(Evaluate(plan, {.options = "thresholds { preference_gap_warning_levels: 3 }"}),
                 "PREFERENCE_GAP")
                .severity(),
            v1::INFO);
}

// ---- DECISION_MAKER_NOT_SUPPORTIVE ----

TEST(DecisionMakerNotSupportiveTest, DecisionMakersAndApproversBelowSupporter) {
  const std::vector<v1::Finding> findings = WithCode(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" buying_role: DECISION_MAKER preference: NEUTRAL }
    participants { person_id: "p2" buying_role: APPROVER }
  )pb")), "DECISION_MAKER_NOT_SUPPORTIVE");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].severity(), v1::CRITICAL);
  EXPECT_THAT(findings[0].person_ids(), ElementsAre("p1"));
  EXPECT_EQ(findings[0].opportunity_id(), "o1");
  EXPECT_EQ(findings[0].path(), "opportunities[1].participants[0]");
  // Unset preference is included: support nobody recorded is not support.
  EXPECT_THAT(findings[1].person_ids(), ElementsAre("p2"));
  EXPECT_THAT(findings[1].message(), HasSubstr("not known to support us"));
}

TEST(DecisionMakerNotSupportiveTest, SupportersMentorsAndOtherRolesAreFine) {
  EXPECT_THAT(Codes(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" buying_role: DECISION_MAKER preference: SUPPORTER }
    participants { person_id: "p2" buying_role: APPROVER preference: MENTOR }
  )pb"))), Not(Contains("DECISION_MAKER_NOT_SUPPORTIVE")));
  EXPECT_THAT(Codes(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p1" buying_role: EVALUATOR preference: ENEMY }
    participants { person_id: "p2" buying_role: USER }
  )pb"))), Not(Contains("DECISION_MAKER_NOT_SUPPORTIVE")));
}

// ---- ENEMY_IN_BUYING_GROUP ----

TEST(EnemyInBuyingGroupTest, EnemyInAnOpenOpportunity) {
  const v1::Finding f = Only(Evaluate(WithOpportunity(R"pb(
    participants { person_id: "p2" preference: NON_SUPPORTER }
    participants { person_id: "p1" buying_role: EVALUATOR preference: ENEMY }
  )pb")), "ENEMY_IN_BUYING_GROUP");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(f.opportunity_id(), "o1");
  EXPECT_EQ(f.path(), "opportunities[1].participants[1]");
}

// ---- All four ----

TEST(PreferenceRulesTest, ClosedOpportunitiesAreHistory) {
  const std::vector<std::string> codes = Codes(Evaluate(R"pb(
    persons { id: "p1" } persons { id: "p2" }
    opportunities { id: "o1" closed: true
                    participants { person_id: "p1" buying_role: DECISION_MAKER preference: NEUTRAL
                                   desired_preference: MENTOR }
                    participants { person_id: "p2" preference: ENEMY } }
  )pb"));
  for (const char* code : {"NEUTRAL_AS_NON_SUPPORTER", "PREFERENCE_GAP",
                           "DECISION_MAKER_NOT_SUPPORTIVE", "ENEMY_IN_BUYING_GROUP"}) {
    EXPECT_THAT(codes, Not(Contains(code)));
  }
}

}  // namespace
}  // namespace contactplan::testing
