#include "score/scores.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "options/settings.h"
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
  // v2: risk also reads the deal, which does not depend on grades: supportive deciders (15), a
  // Mentor (10), no deal known to close soon (5) and the NPS answers (5) keep it above zero.
  EXPECT_DOUBLE_EQ(scores.risk().value(), 35);
  EXPECT_DOUBLE_EQ(ComponentValue(scores.risk(), "hostility_where_it_matters"), 0);
  EXPECT_DOUBLE_EQ(ComponentValue(scores.risk(), "decider_hostility"), 0);
  EXPECT_LT(scores.account_health().value(), 0.35 * 35 + 1e-9);
}

TEST(ScoresTest, PlanWithoutRelationshipsScoresLow) {
  const v1::Scores scores = ScoredPlan(PlanFromText(kAccount)).Scores();
  ExpectAllWellFormed(scores);
  EXPECT_DOUBLE_EQ(scores.coverage_breadth().value(), 0);
  EXPECT_DOUBLE_EQ(scores.depth().value(), 0);
  EXPECT_DOUBLE_EQ(scores.quality().value(), 0);
  EXPECT_DOUBLE_EQ(ComponentValue(scores.risk(), "power_access"), 0);
  EXPECT_DOUBLE_EQ(ComponentValue(scores.risk(), "hostility_where_it_matters"), 100);
  // Only risk (weight 0.35) has anything to give, and power access is missing.
  EXPECT_LT(scores.account_health().value(), 0.35 * 100 * (1 - 0.15));
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
  // Half a person's worth of dissatisfaction (importance 1) against the scale of 3.
  EXPECT_DOUBLE_EQ(ComponentValue(unhappy.risk(), "hostility_where_it_matters"), 100 * (1 - 0.5 / 3));
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
  // v2 defaults: risk weighs most, since it now sees what a seller fears.
  EXPECT_THAT(weights, ElementsAre(DoubleNear(0.20, 1e-12), DoubleNear(0.20, 1e-12),
                                   DoubleNear(0.25, 1e-12), DoubleNear(0.35, 1e-12)));
  EXPECT_NEAR(defaults.account_health().value(),
              0.20 * defaults.coverage_breadth().value() + 0.20 * defaults.depth().value() +
                  0.25 * defaults.quality().value() + 0.35 * defaults.risk().value(),
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
                           "health_weights { breadth: 0.4 depth: 0.4 quality: 0.5 risk: 0.7 }"))
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

// ---- v2: risk sees what a seller fears; confidence; numbers from tuning.scores ----

namespace risk_v2 {

// Two power buyers: one trusts us, one wants to replace us; the best grade alone would call this
// safe.
constexpr char kSplitPower[] = R"pb(
  team_members { id: "t1" }
  team_members { id: "t2" }
  persons { id: "ceo" buyer_roles: POWER }
  persons { id: "cfo" buyer_roles: POWER }
  relationships { team_member_id: "t1" person_id: "ceo" grade: TRUST }
  relationships { team_member_id: "t2" person_id: "ceo" grade: TRUST }
  relationships { team_member_id: "t1" person_id: "cfo" grade: OPEN }
  relationships { team_member_id: "t2" person_id: "cfo" grade: MOTIVATED_TO_CHANGE }
)pb";

TEST(RiskTest, TheWorstGradeWithAPowerBuyerCounts) {
  const v1::Scores split = ScoredPlan(PlanFromText(kSplitPower)).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(split.risk(), "decider_hostility"), 0);
  // Both power buyers are key (3 each): one Motivated to change empties the hostility credit.
  EXPECT_DOUBLE_EQ(ComponentValue(split.risk(), "hostility_where_it_matters"), 0);
  v1::Plan calm = PlanFromText(kSplitPower);
  calm.mutable_relationships(3)->set_grade(v1::SATISFIED);
  const v1::Scores calmed = ScoredPlan(calm).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(calmed.risk(), "decider_hostility"), 100);
  EXPECT_GT(calmed.risk().value(), split.risk().value() + 20);
}

TEST(RiskTest, PowerAccessAveragesThePowerBuyers) {
  v1::Plan plan = PlanFromText(kSplitPower);
  plan.mutable_relationships()->RemoveLast();
  plan.mutable_relationships()->RemoveLast();  // the CFO is now uncovered
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan).Scores().risk(), "power_access"), 50);
}

constexpr char kDeal[] = R"pb(
  team_members { id: "t1" }
  persons { id: "dm" }
  persons { id: "coach" }
  relationships { team_member_id: "t1" person_id: "dm" grade: SATISFIED }
  relationships { team_member_id: "t1" person_id: "coach" grade: OPEN }
  opportunities { id: "o1"
                  participants { person_id: "dm" buying_role: DECISION_MAKER preference: ENEMY }
                  participants { person_id: "coach" buying_role: EVALUATOR preference: SUPPORTER } }
)pb";

TEST(RiskTest, DecidersNotSupportiveAndNoMentorAreRisks) {
  const v1::Scores hostile = ScoredPlan(PlanFromText(kDeal)).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(hostile.risk(), "decision_makers_supportive"), 0);
  EXPECT_DOUBLE_EQ(ComponentValue(hostile.risk(), "mentor_in_every_deal"), 0);
  v1::Plan won = PlanFromText(kDeal);
  won.mutable_opportunities(0)->mutable_participants(0)->set_preference(v1::SUPPORTER);
  won.mutable_opportunities(0)->mutable_participants(1)->set_preference(v1::MENTOR);
  const v1::Scores supported = ScoredPlan(won).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(supported.risk(), "decision_makers_supportive"), 100);
  EXPECT_DOUBLE_EQ(ComponentValue(supported.risk(), "mentor_in_every_deal"), 100);
  // A closed deal is no risk.
  v1::Plan closed = PlanFromText(kDeal);
  closed.mutable_opportunities(0)->set_closed(true);
  EXPECT_DOUBLE_EQ(
      ComponentValue(ScoredPlan(closed).Scores().risk(), "decision_makers_supportive"), 100);
}

TEST(RiskTest, ADealClosingWithinTheHorizonCountsAsReadyAsItIs) {
  const absl::Time now = absl::FromUnixSeconds(1717200000);
  v1::Plan plan = PlanFromText(kDeal);
  plan.mutable_opportunities(0)->mutable_expected_close_at()->set_seconds(
      absl::ToUnixSeconds(now + absl::Hours(24 * 45)));
  // 45 days away: outside a 30-day horizon, inside a 60-day one.
  const v1::Scores at30 = ScoredPlan(plan, {}, now, 30).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(at30.risk(), "deals_closing_ready"), 100);
  const v1::Scores at60 = ScoredPlan(plan, {}, now, 60).Scores();
  ASSERT_EQ(at60.opportunity_readiness_size(), 1);
  EXPECT_DOUBLE_EQ(ComponentValue(at60.risk(), "deals_closing_ready"),
                   at60.opportunity_readiness(0).readiness().value());
  EXPECT_LT(at60.risk().value(), at30.risk().value());
  // Without "now" nothing is known to close soon.
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan).Scores().risk(), "deals_closing_ready"), 100);
}

TEST(RiskTest, AHealthyLookingMapWithInflatedTrustStillShowsItsRisks) {
  // Five persons, every intersection TRUST, but the deal's decision maker is an Enemy: the risk
  // explanation must not say that nothing was found.
  v1::Plan plan = PlanFromText(kDeal);
  for (v1::Relationship& r : *plan.mutable_relationships()) r.set_grade(v1::TRUST);
  const v1::Scores scores = ScoredPlan(plan).Scores();
  EXPECT_LT(scores.risk().value(), 100);
  for (const v1::ScoreComponent& c : scores.account_health().components()) {
    if (c.name() == "risk") {
      EXPECT_THAT(c.explanation(), ::testing::HasSubstr("risk checks found"));
    }
  }
}

}  // namespace risk_v2

namespace confidence {

std::string TrustMap(int trust, int satisfied) {
  std::string text = R"pb(team_members { id: "t1" })pb";
  for (int i = 0; i < trust + satisfied; ++i) {
    text += "persons { id: \"p" + std::to_string(i) + "\" }";
    text += "relationships { team_member_id: \"t1\" person_id: \"p" + std::to_string(i) +
            "\" grade: " + (i < trust ? "TRUST" : "SATISFIED") + " }";
  }
  return text;
}

// A touch is contact: an intersection with no dates but a recent touch counts as recently acted on,
// as STALE_ASSESSMENT reads it.
TEST(ConfidenceTest, ARecentTouchCountsAsRecentContact) {
  const char* const kPlan = R"pb(
    as_of { seconds: 1000000000 }
    team_members { id: "t1" }
    persons { id: "p1" }
    relationships {
      team_member_id: "t1" person_id: "p1" grade: SATISFIED
      touches { at { seconds: 999000000 } kind: MEETING direction: TWO_WAY }
    }
  )pb";
  const absl::Time now = absl::FromUnixSeconds(1000000000);
  EXPECT_DOUBLE_EQ(
      ComponentValue(ScoredPlan(PlanFromText(kPlan), {}, now).Scores().confidence(),
                     "recently_assessed"),
      100);
}

TEST(ConfidenceTest, InflatedTrustLowersConfidenceNotHealth) {
  const v1::Scores believable = ScoredPlan(PlanFromText(TrustMap(2, 13))).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(believable.confidence(), "trust_believable"), 100);
  // 8 of 15 at Trust (53%): 33 points above the 20% allowed, beyond the 30-point span.
  const v1::Scores inflated = ScoredPlan(PlanFromText(TrustMap(8, 7))).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(inflated.confidence(), "trust_believable"), 0);
  EXPECT_LT(inflated.confidence().value(), believable.confidence().value());
  EXPECT_GE(inflated.account_health().value(), believable.account_health().value());
  // 30% Trust: a third of the span used.
  EXPECT_NEAR(ComponentValue(ScoredPlan(PlanFromText(TrustMap(3, 7))).Scores().confidence(),
                             "trust_believable"),
              100 * (1 - 0.1 / 0.3), 1e-9);
}

TEST(ConfidenceTest, UnassessedLevelsPreferencesAndNoDatesLowerIt) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" key: true relationship_level: CREDIBLE_SOURCE }
    persons { id: "p2" key: true }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED
                    assessed_at { seconds: 1717000000 } }
    relationships { team_member_id: "t1" person_id: "p2" grade: SATISFIED }
    opportunities { id: "o1" participants { person_id: "p1" preference: SUPPORTER }
                             participants { person_id: "p2" } }
  )pb");
  const v1::Scores undated = ScoredPlan(plan).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(undated.confidence(), "levels_assessed"), 50);
  EXPECT_DOUBLE_EQ(ComponentValue(undated.confidence(), "preferences_assessed"), 50);
  EXPECT_DOUBLE_EQ(ComponentValue(undated.confidence(), "dated"), 0);
  EXPECT_DOUBLE_EQ(ComponentValue(undated.confidence(), "recently_assessed"), 0);
  const v1::Scores dated = ScoredPlan(plan, {}, absl::FromUnixSeconds(1717200000)).Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(dated.confidence(), "dated"), 100);
  // One of the two grades was assessed within 90 days; the other has no date at all.
  EXPECT_DOUBLE_EQ(ComponentValue(dated.confidence(), "recently_assessed"), 50);
  EXPECT_GT(dated.confidence().value(), undated.confidence().value());
  // Confidence is not part of account health.
  for (const v1::ScoreComponent& c : dated.account_health().components()) {
    EXPECT_NE(c.name(), "confidence");
  }
}

}  // namespace confidence

TEST(ScoreTuningTest, GradeStrengthsAndWeightsComeFromTheOptions) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" } persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED })pb");
  EXPECT_DOUBLE_EQ(ComponentValue(ScoredPlan(plan).Scores().quality(), "relationship_strength"), 65);
  const v1::Scores tuned =
      ScoredPlan(plan, OptionsFromText("tuning { scores { grade_strength { satisfied: 0.5 } } }"))
          .Scores();
  EXPECT_DOUBLE_EQ(ComponentValue(tuned.quality(), "relationship_strength"), 50);
  const v1::Scores reweighted = ScoredPlan(
      plan, OptionsFromText("tuning { scores { quality { open_where_it_matters: 0 "
                            "free_of_dissatisfaction: 0 } } }")).Scores();
  EXPECT_DOUBLE_EQ(reweighted.quality().value(), 65);
}

TEST(ScoreTuningTest, OrdersThatKeepTheMonotonicityPromiseAreChecked) {
  for (const auto& [text, path] : std::vector<std::pair<std::string, std::string>>{
           {"grade_strength { open: 0.5 }", "tuning.scores.grade_strength.open: must be at least"},
           {"grade_strength { blank: 0.5 }", "tuning.scores.grade_strength.blank"},
           {"dissatisfaction { indifferent: 0.7 }",
            "tuning.scores.dissatisfaction.indifferent: must be at most"},
           {"dissatisfaction { indifferent: 0.2 satisfied: 0 }",
            "tuning.scores.dissatisfaction.indifferent: must be 0"},
           {"support { mentor: 2 }", "tuning.scores.support.mentor: must be between 0 and 1"},
           {"depth { threads_for_multi: 0 }", "tuning.scores.depth.threads_for_multi"},
       }) {
    v1::EngineOptions options = OptionsFromText("tuning { scores { " + text + " } }");
    absl::StatusOr<Settings> settings = ResolveSettings(options);
    ASSERT_FALSE(settings.ok()) << text;
    EXPECT_THAT(std::string(settings.status().message()), ::testing::HasSubstr(path)) << text;
  }
}

}  // namespace
}  // namespace contactplan::score

namespace contactplan::score {
namespace {

// A team member who has left is history: the share of our team engaged is out of those who stay, so
// adding a departed member's old cells to the plan moves no score.
TEST(ScoresTest, TeamMembersWhoLeftAreNotInTheTeamEngagedShare) {
  v1::Plan staying = AccountGradedAll(v1::SATISFIED);
  v1::Plan with_departed = staying;
  v1::TeamMember& departed = *with_departed.add_team_members();
  departed.set_id("gone");
  departed.set_name("Gone Member");
  departed.mutable_left_at()->set_seconds(1);
  for (const v1::Person& person : with_departed.persons()) {
    v1::Relationship& relationship = *with_departed.add_relationships();
    relationship.set_team_member_id("gone");
    relationship.set_person_id(person.id());
    relationship.set_grade(v1::TRUST);
  }
  const v1::Scores before = ScoredPlan(staying).Scores();
  const v1::Scores after = ScoredPlan(with_departed).Scores();
  const v1::ScoreComponent* engaged = FindComponent(after.depth(), "team_engaged");
  ASSERT_NE(engaged, nullptr);
  EXPECT_EQ(engaged->value(), FindComponent(before.depth(), "team_engaged")->value());
  EXPECT_THAT(engaged->explanation(), ::testing::StartsWith(absl::StrCat(
                                          staying.team_members_size(), " of ",
                                          staying.team_members_size(), " ")));
  EXPECT_EQ(after.account_health().value(), before.account_health().value());
}

// Each person's coverage explains their own best grade and thread count, whether the count is one
// many persons share or one only a person held by hundreds of threads has (the explanations are
// composed once per value met, with the rare large counts composed each time).
TEST(ScoresTest, PersonCoverageExplainsEachPersonsOwnCounts) {
  v1::Plan plan;
  plan.add_persons()->set_id("many");
  plan.add_persons()->set_id("few");
  plan.add_persons()->set_id("none");
  plan.add_persons()->set_id("also_few");
  for (int m = 0; m < 300; ++m) {
    const std::string id = absl::StrCat("t", m);
    plan.add_team_members()->set_id(id);
    v1::Relationship& relationship = *plan.add_relationships();
    relationship.set_team_member_id(id);
    relationship.set_person_id("many");
    relationship.set_grade(v1::TRUST);
    if (m < 2) {
      for (const char* person : {"few", "also_few"}) {
        v1::Relationship& other = *plan.add_relationships();
        other.set_team_member_id(id);
        other.set_person_id(person);
        other.set_grade(m == 0 ? v1::OPEN : v1::SATISFIED);
      }
    }
  }
  const v1::Scores scores = ScoredPlan(plan).Scores();
  ASSERT_EQ(scores.person_coverage_size(), 4);
  const auto explanation = [&](int p, const std::string& name) {
    const v1::ScoreComponent* component = FindComponent(scores.person_coverage(p).coverage(), name);
    return component == nullptr ? std::string() : component->explanation();
  };
  EXPECT_THAT(explanation(0, "threads"), ::testing::StartsWith("300 threads at "));
  EXPECT_THAT(explanation(0, "best_grade"), ::testing::StartsWith("best relationship: TRUST ("));
  EXPECT_THAT(explanation(1, "threads"), ::testing::StartsWith("2 threads at "));
  EXPECT_THAT(explanation(1, "best_grade"), ::testing::StartsWith("best relationship: OPEN ("));
  EXPECT_THAT(explanation(2, "threads"), ::testing::StartsWith("0 threads at "));
  EXPECT_THAT(explanation(2, "best_grade"), ::testing::StartsWith("best relationship: none ("));
  EXPECT_EQ(explanation(3, "threads"), explanation(1, "threads"));
  EXPECT_EQ(explanation(3, "best_grade"), explanation(1, "best_grade"));
}

}  // namespace
}  // namespace contactplan::score
