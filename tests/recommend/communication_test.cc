// Communication advice per participant of an open opportunity.
#include "recommend/communication.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::RecommendFixture;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using Advice = v1::CommunicationAdvice;

// AdviseCommunication as a list (the engine hands it the analysis' field).
std::vector<Advice> AdviseCommunication(const model::PlanIndex& index) {
  google::protobuf::RepeatedPtrField<Advice> advice;
  recommend::AdviseCommunication(index, &advice);
  return {advice.begin(), advice.end()};
}

Advice::Kind KindFor(const char* person, v1::OpportunityStage stage) {
  v1::Plan plan = PlanFromText(R"pb(
    persons { id: "p-exec" level: EXECUTIVE }
    persons { id: "p-power" level: MIDDLE_MANAGEMENT buyer_roles: POWER }
    persons { id: "p-advisor" level: SENIOR_MANAGEMENT buyer_roles: ADVISOR }
    persons { id: "p-manager" level: MIDDLE_MANAGEMENT }
    persons { id: "p-user" level: OPERATIONAL }
    persons { id: "p-champion" level: MIDDLE_MANAGEMENT buyer_roles: EVANGELIST }
    persons { id: "p-unknown" }
    opportunities { id: "o" }
  )pb");
  plan.mutable_opportunities(0)->set_stage(stage);
  v1::Participant& participant = *plan.mutable_opportunities(0)->add_participants();
  participant.set_person_id(person);
  participant.set_buying_role(std::string(person) == "p-unknown" ? v1::Participant::APPROVER
                                                                  : v1::Participant::USER);
  const RecommendFixture fixture(plan);
  const std::vector<Advice> advice = AdviseCommunication(fixture.index());
  EXPECT_EQ(advice.size(), 1u);
  return advice.empty() ? Advice::KIND_UNSPECIFIED : advice[0].kind();
}

// docs/vocabulary.md: planning needs strategic dialogue; determining needs and evaluating alternatives need
// relationship maintenance; evaluating risk needs value communication.
TEST(Communication, ExecutiveColumnFollowsTheSpec) {
  EXPECT_EQ(KindFor("p-exec", v1::PLANNING), Advice::STRATEGIC_DIALOGUE);
  EXPECT_EQ(KindFor("p-exec", v1::DETERMINE_NEEDS), Advice::RELATIONSHIP_MAINTENANCE);
  EXPECT_EQ(KindFor("p-exec", v1::EVALUATE_ALTERNATIVES), Advice::RELATIONSHIP_MAINTENANCE);
  EXPECT_EQ(KindFor("p-exec", v1::EVALUATE_RISK), Advice::VALUE_COMMUNICATION);
  EXPECT_EQ(KindFor("p-exec", v1::NEGOTIATE_CLOSE), Advice::VALUE_CONFIRMATION);
  // A power buyer reads the executive column whatever their title.
  EXPECT_EQ(KindFor("p-power", v1::PLANNING), Advice::STRATEGIC_DIALOGUE);
}

TEST(Communication, OtherAudiencesHaveTheirOwnColumns) {
  EXPECT_EQ(KindFor("p-advisor", v1::EVALUATE_RISK), Advice::RISK_REDUCTION);
  EXPECT_EQ(KindFor("p-manager", v1::EVALUATE_ALTERNATIVES), Advice::EVALUATION_SUPPORT);
  EXPECT_EQ(KindFor("p-user", v1::NEGOTIATE_CLOSE), Advice::ADOPTION_PLANNING);
  EXPECT_EQ(KindFor("p-champion", v1::PLANNING), Advice::CHAMPION_ENABLEMENT);
  // Level unknown: an approver reads the senior-manager column.
  EXPECT_EQ(KindFor("p-unknown", v1::DETERMINE_NEEDS), Advice::SOLUTION_VISION);
}

TEST(Communication, OnlyOpenOpportunitiesInPlanOrderAndUnknownStageAssumesPlanning) {
  const RecommendFixture fixture(R"pb(
    persons { id: "p1" level: EXECUTIVE }
    persons { id: "p2" level: MIDDLE_MANAGEMENT }
    opportunities { id: "closed" closed: true stage: PLANNING participants { person_id: "p1" } }
    opportunities {
      id: "open"
      participants { person_id: "p2" buying_role: EVALUATOR }
      participants { person_id: "p1" buying_role: DECISION_MAKER }
    }
  )pb");
  const std::vector<Advice> advice = AdviseCommunication(fixture.index());
  ASSERT_EQ(advice.size(), 2u);
  EXPECT_EQ(advice[0].opportunity_id(), "open");
  EXPECT_EQ(advice[0].person_id(), "p2");
  EXPECT_EQ(advice[0].audience(), Advice::EVALUATOR);
  EXPECT_EQ(advice[0].buying_role(), v1::Participant::EVALUATOR);
  EXPECT_EQ(advice[0].level(), v1::MIDDLE_MANAGEMENT);
  EXPECT_EQ(advice[1].person_id(), "p1");
  EXPECT_EQ(advice[1].stage(), v1::OPPORTUNITY_STAGE_UNSPECIFIED);
  EXPECT_EQ(advice[1].kind(), Advice::STRATEGIC_DIALOGUE);
  EXPECT_THAT(advice[1].advice(), HasSubstr("Stage not recorded, planning assumed. Strategic"));
}


// Mentors and evangelists get champion enablement at any level, every stage.
TEST(Communication, MentorsAndEvangelistsGetChampionEnablementAtAnyLevel) {
  const RecommendFixture fixture(R"pb(
    persons { id: "p-ceo" level: EXECUTIVE buyer_roles: POWER }
    persons { id: "p-eva" level: SENIOR_MANAGEMENT buyer_roles: EVANGELIST buyer_roles: ADVISOR }
    opportunities {
      id: "o" stage: EVALUATE_RISK
      participants { person_id: "p-ceo" buying_role: DECISION_MAKER preference: MENTOR }
      participants { person_id: "p-eva" buying_role: EVALUATOR }
    }
  )pb");
  const std::vector<Advice> advice = AdviseCommunication(fixture.index());
  ASSERT_EQ(advice.size(), 2u);
  for (const Advice& a : advice) {
    EXPECT_EQ(a.audience(), Advice::CHAMPION) << a.person_id();
    EXPECT_EQ(a.kind(), Advice::CHAMPION_ENABLEMENT) << a.person_id();
    EXPECT_THAT(a.advice(), HasSubstr("co-write the value case")) << a.person_id();
  }
}

// A decision maker or approver below Satisfied gets repair first; the stage's message follows.
TEST(Communication, DecisionMakerBelowSatisfiedGetsRepairFirst) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" } team_members { id: "t2" }
    persons { id: "p-dm" level: EXECUTIVE }
    persons { id: "p-ap" level: EXECUTIVE }
    persons { id: "p-ok" level: EXECUTIVE }
    persons { id: "p-ev" level: EXECUTIVE }
    relationships { team_member_id: "t1" person_id: "p-dm" grade: TRUST }
    relationships { team_member_id: "t2" person_id: "p-dm" grade: DISSATISFIED }
    relationships { team_member_id: "t1" person_id: "p-ap" grade: INDIFFERENT }
    relationships { team_member_id: "t1" person_id: "p-ok" grade: SATISFIED }
    relationships { team_member_id: "t1" person_id: "p-ev" grade: MOTIVATED_TO_CHANGE }
    opportunities {
      id: "o" stage: EVALUATE_RISK
      participants { person_id: "p-dm" buying_role: DECISION_MAKER }
      participants { person_id: "p-ap" buying_role: APPROVER }
      participants { person_id: "p-ok" buying_role: APPROVER }
      participants { person_id: "p-ev" buying_role: EVALUATOR }
    }
  )pb");
  const std::vector<Advice> advice = AdviseCommunication(fixture.index());
  ASSERT_EQ(advice.size(), 4u);
  EXPECT_EQ(advice[0].kind(), Advice::REPAIR_FIRST);
  EXPECT_THAT(advice[0].advice(), HasSubstr("Repair first: they are Dissatisfied"));
  EXPECT_THAT(advice[0].advice(), HasSubstr("then: Value communication"));
  EXPECT_EQ(advice[1].kind(), Advice::REPAIR_FIRST);
  EXPECT_THAT(advice[1].advice(), HasSubstr("at best they are Indifferent"));
  EXPECT_EQ(advice[2].kind(), Advice::VALUE_COMMUNICATION);
  // Only decision makers and approvers: an evaluator keeps the stage's advice.
  EXPECT_EQ(advice[3].kind(), Advice::VALUE_COMMUNICATION);
}

// The deal's stage, value, close date and a renewal reach the text where they help.
TEST(Communication, TheDealReachesTheAdvice) {
  const RecommendFixture fixture(R"pb(
    account { motivation: RETENTION }
    persons { id: "p-coo" level: EXECUTIVE }
    persons { id: "p-user" level: OPERATIONAL }
    opportunities {
      id: "o" name: "Renewal 2025" stage: EVALUATE_RISK value: 1850000
      expected_close_at { seconds: 1718409600 }
      participants { person_id: "p-coo" buying_role: DECISION_MAKER }
      participants { person_id: "p-user" buying_role: USER }
    }
  )pb");
  const std::vector<Advice> advice = AdviseCommunication(fixture.index());
  ASSERT_EQ(advice.size(), 2u);
  EXPECT_THAT(advice[0].advice(),
              HasSubstr("The deal: Renewal 2025, evaluating risk, worth 1.85M, expected to close on "
                        "2024-06-15. It is a renewal"));
  EXPECT_THAT(advice[1].advice(), Not(HasSubstr("worth")));
  EXPECT_THAT(advice[1].advice(), HasSubstr("expected to close on 2024-06-15"));
}

}  // namespace
}  // namespace contactplan::recommend
