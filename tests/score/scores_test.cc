#include "score/scores.h"

#include <cmath>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "score/scored_plan.h"
#include "support/text_plan.h"

namespace contactplan::score {
namespace {

using ::contactplan::testing::OptionsFromText;
using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ScoredPlan;
using ::testing::DoubleNear;
using ::testing::ElementsAre;

const v1::ScoreComponent* FindComponent(const v1::Score& score, const std::string& name) {
  for (const v1::ScoreComponent& component : score.components()) {
    if (component.name() == name) return &component;
  }
  ADD_FAILURE() << "no component " << name << " in " << score.ShortDebugString();
  return nullptr;
}

double ComponentValue(const v1::Score& score, const std::string& name) {
  const v1::ScoreComponent* component = FindComponent(score, name);
  return component == nullptr ? NAN : component->value();
}

// Checks the documented contract of a Score: components in 0-100 with non-negative weights, value
// their weighted mean.
void ExpectWellFormed(const v1::Score& score) {
  double weighted = 0;
  double weights = 0;
  for (const v1::ScoreComponent& component : score.components()) {
    EXPECT_GE(component.value(), 0) << component.name();
    EXPECT_LE(component.value(), 100) << component.name();
    EXPECT_GE(component.weight(), 0) << component.name();
    EXPECT_FALSE(component.explanation().empty()) << component.name();
    weighted += component.value() * component.weight();
    weights += component.weight();
  }
  ASSERT_GT(weights, 0);
  EXPECT_NEAR(score.value(), weighted / weights, 1e-9);
}

void ExpectAllWellFormed(const v1::Scores& scores) {
  ExpectWellFormed(scores.account_health());
  ExpectWellFormed(scores.coverage_breadth());
  ExpectWellFormed(scores.depth());
  ExpectWellFormed(scores.quality());
  ExpectWellFormed(scores.risk());
  for (const auto& person : scores.person_coverage()) ExpectWellFormed(person.coverage());
  for (const auto& deal : scores.opportunity_readiness()) ExpectWellFormed(deal.readiness());
}

// Three team members and four persons at three levels on both sides; the power buyer is key and an
// approver, the evangelist a mentor. The grades are filled in by each test.
constexpr char kAccount[] = R"pb(
  team_members { id: "t1" level: EXECUTIVE }
  team_members { id: "t2" level: SENIOR_MANAGEMENT }
  team_members { id: "t3" level: MIDDLE_MANAGEMENT }
  persons { id: "ceo" level: EXECUTIVE buyer_roles: POWER key: true
            nps_answers { score: 10 answered_at { seconds: 1700000000 } } }
  persons { id: "cio" level: SENIOR_MANAGEMENT buyer_roles: ADVISOR reports_to_id: "ceo"
            nps_answers { score: 9 answered_at { seconds: 1700000000 } } }
  persons { id: "lead" level: MIDDLE_MANAGEMENT buyer_roles: EVANGELIST reports_to_id: "cio" }
  persons { id: "user" level: OPERATIONAL buyer_roles: USER reports_to_id: "lead" }
  opportunities {
    id: "expansion"
    stage: NEGOTIATE_CLOSE
    qualification { pain_admitted: true access_to_power: true vision_agreed: true value_agreed: true }
    participants { person_id: "ceo" buying_role: APPROVER preference: SUPPORTER }
    participants { person_id: "lead" buying_role: DECISION_MAKER preference: MENTOR }
  }
)pb";

// The kAccount plan with every team member graded `grade` by every person.
v1::Plan AccountGradedAll(v1::Grade grade) {
  v1::Plan plan = PlanFromText(kAccount);
  for (const v1::TeamMember& member : plan.team_members()) {
    for (const v1::Person& person : plan.persons()) {
      v1::Relationship& relationship = *plan.add_relationships();
      relationship.set_team_member_id(member.id());
      relationship.set_person_id(person.id());
      relationship.set_grade(grade);
    }
  }
  return plan;
}

TEST(ScoresTest, EveryScoreIsTheWeightedMeanOfItsComponents) {
  v1::Plan plan = PlanFromText(kAccount);
  *plan.add_relationships() = PlanFromText(R"pb(
    relationships { team_member_id: "t1" person_id: "ceo" grade: OPEN }
  )pb").relationships(0);
  ExpectAllWellFormed(ScoredPlan(plan).Scores());
  ExpectAllWellFormed(ScoredPlan(v1::Plan()).Scores());
}

TEST(ScoresTest, TrustEverywhereScoresAHundred) {
  const v1::Scores scores = ScoredPlan(AccountGradedAll(v1::TRUST)).Scores();
  ExpectAllWellFormed(scores);
  EXPECT_DOUBLE_EQ(scores.coverage_breadth().value(), 100);
  EXPECT_DOUBLE_EQ(scores.depth().value(), 100);
  EXPECT_DOUBLE_EQ(scores.quality().value(), 100);
  EXPECT_DOUBLE_EQ(scores.risk().value(), 100);
  EXPECT_DOUBLE_EQ(scores.account_health().value(), 100);
  ASSERT_EQ(scores.opportunity_readiness_size(), 1);
  // The approver is a SUPPORTER, not a MENTOR: support is 87.5, everything else full.
  EXPECT_NEAR(scores.opportunity_readiness(0).readiness().value(), 100 - 0.25 * 12.5, 1e-9);
}

TEST(ScoresTest, HealthyMixOfSatisfiedAndOpenIsNearTheTop) {
  // The mix a practitioner aims for: the people needed to move the deal at OPEN, others SATISFIED.
  v1::Plan plan = AccountGradedAll(v1::SATISFIED);
  for (v1::Relationship& relationship : *plan.mutable_relationships()) {
    if (relationship.person_id() == "ceo" || relationship.person_id() == "lead") {
      relationship.set_grade(v1::OPEN);
    }
  }
  const v1::Scores scores = ScoredPlan(plan).Scores();
  EXPECT_GT(scores.account_health().value(), 85);
  EXPECT_DOUBLE_EQ(scores.risk().value(), 100);
}

TEST(ScoresTest, MotivatedToChangeEverywhereScoresLow) {
  const v1::Scores scores = ScoredPlan(AccountGradedAll(v1::MOTIVATED_TO_CHANGE)).Scores();
  ExpectAllWellFormed(scores);
  EXPECT_DOUBLE_EQ(scores.coverage_breadth().value(), 0);
  EXPECT_DOUBLE_EQ(scores.depth().value(), 0);
  EXPECT_DOUBLE_EQ(scores.quality().value(), 0);
  // Only the NPS answers (both promoters) keep risk above zero.
  EXPECT_DOUBLE_EQ(scores.risk().value(), 15);
  EXPECT_LT(scores.account_health().value(), 5);
}

TEST(ScoresTest, PlanWithoutRelationshipsScoresLow) {
  const v1::Scores scores = ScoredPlan(PlanFromText(kAccount)).Scores();
  ExpectAllWellFormed(scores);
  EXPECT_DOUBLE_EQ(scores.coverage_breadth().value(), 0);
  EXPECT_DOUBLE_EQ(scores.depth().value(), 0);
  EXPECT_DOUBLE_EQ(scores.quality().value(), 0);
  EXPECT_DOUBLE_EQ(ComponentValue(scores.risk(), "power_access"), 0);
  EXPECT_DOUBLE_EQ(ComponentValue(scores.risk(), "hostility_free"), 100);
  EXPECT_LT(scores.account_health().value(), 15);
}

TEST(ScoresTest, EmptyPlanGivesFiniteScoresWithoutPersonsOrDeals) {
  const v1::Scores scores = ScoredPlan(v1::Plan()).Scores();
  EXPECT_TRUE(std::isfinite(scores.account_health().value()));
  EXPECT_DOUBLE_EQ(scores.coverage_breadth().value(), 0);
  EXPECT_DOUBLE_EQ(scores.quality().value(), 0);
  EXPECT_LT(scores.account_health().value(), 5);
  EXPECT_EQ(scores.person_coverage_size(), 0);
  EXPECT_EQ(scores.opportunity_readiness_size(), 0);
}

TEST(ScoresTest, KeyPersonsWeighMoreInBreadth) {
  // One key person (weight 3) and one ordinary person (weight 1); only one has a thread.
  constexpr char kTwoPersons[] = R"pb(
    team_members { id: "t1" }
    persons { id: "key" key: true }
    persons { id: "other" }
    relationships { team_member_id: "t1" grade: SATISFIED }
  )pb";
  const auto reach = [&](const char* person) {
    v1::Plan plan = PlanFromText(kTwoPersons);
    plan.mutable_relationships(0)->set_person_id(person);
    return ComponentValue(ScoredPlan(plan).Scores().coverage_breadth(), "persons_reached");
  };
  EXPECT_DOUBLE_EQ(reach("key"), 75);
  EXPECT_DOUBLE_EQ(reach("other"), 25);
}

TEST(ScoresTest, IndifferentOnlyPersonsCountAQuarterInReach) {
  const v1::Scores scores = ScoredPlan(PlanFromText(R"pb(
                              team_members { id: "t1" }
                              persons { id: "p1" }
                              relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT }
                            )pb"))
                                .Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(scores.coverage_breadth(), "persons_reached"), 25);
}

// The trap a mean over graded intersections falls into: a new Indifferent relationship with a
// person nobody knew would pull the mean down. Quality is per person, so it cannot fall.
TEST(ScoresTest, NewIndifferentRelationshipDoesNotDiluteQuality) {
  constexpr char kOneTrust[] = R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    persons { id: "p2" }
    relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
  )pb";
  v1::Plan plan = PlanFromText(kOneTrust);
  const double before = ScoredPlan(plan).Scores().quality().value();
  v1::Relationship& added = *plan.add_relationships();
  added.set_team_member_id("t1");
  added.set_person_id("p2");
  added.set_grade(v1::INDIFFERENT);
  const double after = ScoredPlan(plan).Scores().quality().value();
  EXPECT_GT(after, before);
}

TEST(ScoresTest, DissatisfactionLowersQualityAndRisk) {
  constexpr char kTwoThreads[] = R"pb(
    team_members { id: "t1" }
    team_members { id: "t2" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" grade: OPEN }
    relationships { team_member_id: "t2" person_id: "p1" grade: SATISFIED }
  )pb";
  const v1::Scores calm = ScoredPlan(PlanFromText(kTwoThreads)).Scores();
  v1::Plan plan = PlanFromText(kTwoThreads);
  plan.mutable_relationships(1)->set_grade(v1::DISSATISFIED);
  const v1::Scores unhappy = ScoredPlan(plan).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(unhappy.quality(), "free_of_dissatisfaction"), 50);
  EXPECT_DOUBLE_EQ(ComponentValue(unhappy.risk(), "hostility_free"), 50);
  EXPECT_LT(unhappy.quality().value(), calm.quality().value());
  EXPECT_LT(unhappy.risk().value(), calm.risk().value());
}

TEST(ScoresTest, PowerAccessFollowsTheBestGradeWithAPowerBuyer) {
  constexpr char kPower[] = R"pb(
    team_members { id: "t1" }
    persons { id: "boss" buyer_roles: POWER }
    persons { id: "p2" }
    relationships { team_member_id: "t1" person_id: "boss" grade: INDIFFERENT }
    relationships { team_member_id: "t1" person_id: "p2" grade: TRUST }
  )pb";
  v1::Plan plan = PlanFromText(kPower);
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan).Scores().risk(), "power_access"), 40);
  plan.mutable_relationships(0)->set_grade(v1::SATISFIED);
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan).Scores().risk(), "power_access"), 100);
  plan.mutable_persons(0)->clear_buyer_roles();
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan).Scores().risk(), "power_access"), 25);
}

TEST(ScoresTest, NpsDetractorsLowerRisk) {
  v1::Plan plan = AccountGradedAll(v1::SATISFIED);
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan).Scores().risk(), "nps_detractors"), 100);
  // The key power buyer (weight 3) turns detractor; the advisor (weight 2) stays a promoter.
  plan.mutable_persons(0)->mutable_nps_answers(0)->set_score(3);
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan).Scores().risk(), "nps_detractors"), 40);
  // The threshold is the rule option.
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan, OptionsFromText("thresholds { nps_detractor_max: 2 }"))
                                      .Scores()
                                      .risk(),
                                  "nps_detractors"),
                   100);
}

TEST(ScoresTest, HealthWeightsAreOptionsAndOnlyTheirRatiosMatter) {
  v1::Plan plan = PlanFromText(kAccount);
  *plan.add_relationships() = PlanFromText(R"pb(
    relationships { team_member_id: "t1" person_id: "ceo" grade: TRUST }
  )pb").relationships(0);
  const v1::Scores defaults = ScoredPlan(plan).Scores();
  // Names and normalised weights, read out so that failures print plain values.
  std::vector<std::string> names;
  std::vector<double> weights;
  for (const v1::ScoreComponent& component : defaults.account_health().components()) {
    names.push_back(component.name());
    weights.push_back(component.weight());
  }
  EXPECT_THAT(names, ElementsAre("coverage_breadth", "depth", "quality", "risk"));
  EXPECT_THAT(weights, ElementsAre(DoubleNear(0.25, 1e-12), DoubleNear(0.25, 1e-12),
                                   DoubleNear(0.30, 1e-12), DoubleNear(0.20, 1e-12)));
  EXPECT_NEAR(defaults.account_health().value(),
              0.25 * defaults.coverage_breadth().value() + 0.25 * defaults.depth().value() +
                  0.30 * defaults.quality().value() + 0.20 * defaults.risk().value(),
              1e-9);

  // Risk alone: health is the risk score.
  const v1::Scores risk_only =
      ScoredPlan(plan, OptionsFromText(
                           "health_weights { breadth: 0 depth: 0 quality: 0 risk: 5 }"))
          .Scores();
  EXPECT_NEAR(risk_only.account_health().value(), risk_only.risk().value(), 1e-9);
  EXPECT_NE(risk_only.account_health().value(), defaults.account_health().value());

  // Doubling every weight changes nothing.
  const v1::Scores doubled =
      ScoredPlan(plan, OptionsFromText(
                           "health_weights { breadth: 0.5 depth: 0.5 quality: 0.6 risk: 0.4 }"))
          .Scores();
  EXPECT_NEAR(doubled.account_health().value(), defaults.account_health().value(), 1e-9);
}

TEST(ScoresTest, ThreadGradeOptionChangesWhatCountsAsReached) {
  constexpr char kIndifferent[] = R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT }
  )pb";
  const v1::Scores scores =
      ScoredPlan(PlanFromText(kIndifferent), OptionsFromText("thread_min_grade: INDIFFERENT"))
          .Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(scores.coverage_breadth(), "persons_reached"), 100);
}

TEST(PersonCoverageTest, FromBestGradeAndThreadsInPlanOrder) {
  const v1::Scores scores = ScoredPlan(PlanFromText(R"pb(
                              team_members { id: "t1" }
                              team_members { id: "t2" }
                              persons { id: "covered" }
                              persons { id: "uncovered" }
                              persons { id: "indifferent" }
                              relationships { team_member_id: "t2" person_id: "covered" grade: SATISFIED }
                              relationships { team_member_id: "t1" person_id: "covered" grade: TRUST }
                              relationships { team_member_id: "t1" person_id: "indifferent" grade: INDIFFERENT }
                              relationships { team_member_id: "t2" person_id: "uncovered" }
                            )pb"))
                                .Scores();
  ASSERT_EQ(scores.person_coverage_size(), 3);
  EXPECT_EQ(scores.person_coverage(0).person_id(), "covered");
  EXPECT_DOUBLE_EQ(scores.person_coverage(0).coverage().value(), 100);
  EXPECT_EQ(scores.person_coverage(1).person_id(), "uncovered");
  EXPECT_DOUBLE_EQ(scores.person_coverage(1).coverage().value(), 0);
  EXPECT_EQ(scores.person_coverage(2).person_id(), "indifferent");
  EXPECT_DOUBLE_EQ(scores.person_coverage(2).coverage().value(), 0.6 * 35);
}

TEST(OpportunityReadinessTest, OnlyOpenOpportunitiesInPlanOrder) {
  const v1::Scores scores = ScoredPlan(PlanFromText(R"pb(
                              persons { id: "p1" }
                              opportunities { id: "won" closed: true }
                              opportunities { id: "new" }
                              opportunities { id: "late" stage: EVALUATE_RISK }
                            )pb"))
                                .Scores();
  ASSERT_EQ(scores.opportunity_readiness_size(), 2);
  EXPECT_EQ(scores.opportunity_readiness(0).opportunity_id(), "new");
  EXPECT_DOUBLE_EQ(scores.opportunity_readiness(0).readiness().value(), 0);
  EXPECT_EQ(scores.opportunity_readiness(1).opportunity_id(), "late");
  EXPECT_DOUBLE_EQ(ComponentValue(scores.opportunity_readiness(1).readiness(), "stage"), 80);
}

TEST(OpportunityReadinessTest, NeutralDecisionMakerIsNotSupportive) {
  const v1::Scores scores = ScoredPlan(PlanFromText(R"pb(
                              team_members { id: "t1" }
                              persons { id: "dm" }
                              persons { id: "coach" }
                              relationships { team_member_id: "t1" person_id: "dm" grade: OPEN }
                              opportunities {
                                id: "deal"
                                qualification { pain_admitted: true vision_agreed: true }
                                participants { person_id: "dm" buying_role: DECISION_MAKER preference: NEUTRAL }
                                participants { person_id: "coach" buying_role: EVALUATOR preference: MENTOR }
                              }
                            )pb"))
                                .Scores();
  const v1::Score& readiness = scores.opportunity_readiness(0).readiness();
  EXPECT_DOUBLE_EQ(ComponentValue(readiness, "participant_support"), (25 + 100) / 2.0);
  EXPECT_DOUBLE_EQ(ComponentValue(readiness, "mentor"), 100);
  EXPECT_DOUBLE_EQ(ComponentValue(readiness, "decision_makers_supportive"), 0);
  EXPECT_DOUBLE_EQ(ComponentValue(readiness, "decision_makers_reached"), 100);
  EXPECT_DOUBLE_EQ(ComponentValue(readiness, "qualification"), 50);
}

TEST(ScoresTest, SamePlanGivesIdenticalScores) {
  const v1::Plan plan = AccountGradedAll(v1::OPEN);
  EXPECT_EQ(ScoredPlan(plan).Scores().SerializeAsString(),
            ScoredPlan(plan).Scores().SerializeAsString());
}

}  // namespace
}  // namespace contactplan::score
