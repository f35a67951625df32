// The four tiers of the plan of action, each with the smallest plan that shows it
// (docs/recommendations.md#tiers): repair before the deal before coverage before depth, whatever
// the scores; the deal's urgency rises as the close comes within the horizon; releases where a
// person is covered beyond need.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::RecommendFixture;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Key = v1::KeyIntersection;

// "person:TIER:owner" per key intersection, in rank order.
std::vector<std::string> Ranked(const v1::Recommendations& out) {
  std::vector<std::string> lines;
  for (const Key& key : out.key_intersections()) {
    lines.push_back(
        absl::StrCat(key.person_id(), ":", Key::Tier_Name(key.tier()), ":", key.team_member_id()));
  }
  return lines;
}

// An unpromising repair (a Motivated-to-change executive, low feasibility) still comes before an
// easy blank cell with someone more important.
TEST(Tiers, RepairComesBeforeEasyCoverageWhateverTheScore) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" level: MIDDLE_MANAGEMENT }
    persons { id: "p-easy" level: EXECUTIVE buyer_roles: POWER key: true }
    persons { id: "p-angry" level: MIDDLE_MANAGEMENT buyer_roles: USER }
    relationships { team_member_id: "t1" person_id: "p-angry" grade: MOTIVATED_TO_CHANGE }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_THAT(Ranked(out), ElementsAre("p-angry:REPAIR:t1", "p-easy:COVERAGE:t1"));
  EXPECT_LT(out.key_intersections(0).priority().score(),
            out.key_intersections(1).priority().score());
}

// A repair never uses scarcity or social proof, even when the unsupportive decision maker's cell is
// Indifferent (whose table row leads with social proof), and it is the only step with that person.
TEST(Tiers, RepairNeverUsesScarcityOrSocialProof) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" level: SENIOR_MANAGEMENT }
    team_members { id: "t2" level: SENIOR_MANAGEMENT }
    persons { id: "p" level: SENIOR_MANAGEMENT }
    relationships { team_member_id: "t1" person_id: "p" grade: INDIFFERENT }
    opportunities {
      id: "o"
      participants { person_id: "p" buying_role: DECISION_MAKER preference: NON_SUPPORTER }
    }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_EQ(out.key_intersections_size(), 1);
  const Key& key = out.key_intersections(0);
  EXPECT_EQ(key.tier(), Key::REPAIR);
  ASSERT_FALSE(key.strategies().empty());
  for (const v1::StrategyChoice& choice : key.strategies()) {
    EXPECT_NE(choice.strategy(), v1::SOCIAL_PROOF);
    EXPECT_NE(choice.strategy(), v1::SCARCITY);
  }
}

// A Dissatisfied cell held two levels below the person passes to the member at the person's level;
// one level below, the holder keeps it.
TEST(Tiers, RepairPassesToASeniorMemberWhenTheHolderIsTooJunior) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-junior" level: MIDDLE_MANAGEMENT }
    team_members { id: "t-exec" level: EXECUTIVE }
    team_members { id: "t-senior" level: SENIOR_MANAGEMENT }
    persons { id: "p-cfo" level: EXECUTIVE buyer_roles: POWER }
    persons { id: "p-vp" level: SENIOR_MANAGEMENT buyer_roles: USER }
    relationships { team_member_id: "t-junior" person_id: "p-cfo" grade: DISSATISFIED }
    relationships { team_member_id: "t-junior" person_id: "p-vp" grade: DISSATISFIED }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_THAT(Ranked(out), ::testing::UnorderedElementsAre("p-cfo:REPAIR:t-exec",
                                                           "p-vp:REPAIR:t-junior"));
  for (const Key& key : out.key_intersections()) {
    if (key.person_id() != "p-cfo") continue;
    EXPECT_EQ(key.current_grade(), v1::GRADE_UNSPECIFIED);  // t-exec's own cell: a new face
    EXPECT_THAT(key.owner_reason(), HasSubstr("takes over the repair from t-junior"));
  }
}

// Two members too junior for the person both hold a Dissatisfied cell with them: both repairs pass
// to the same senior member, the same step twice. The one staffed is the one whose cell comes first
// in the plan, whichever order the members are listed in.
TEST(Tiers, TwoRepairsPassedToOneMemberNameTheHolderListedFirst) {
  for (const bool a_first : {true, false}) {
    const std::string a = R"pb(relationships { team_member_id: "t-a" person_id: "p-cfo" grade: DISSATISFIED })pb";
    const std::string b = R"pb(relationships { team_member_id: "t-b" person_id: "p-cfo" grade: DISSATISFIED })pb";
    const RecommendFixture fixture(absl::StrCat(R"pb(
      team_members { id: "t-b" level: MIDDLE_MANAGEMENT }
      team_members { id: "t-a" level: MIDDLE_MANAGEMENT }
      team_members { id: "t-exec" level: EXECUTIVE }
      persons { id: "p-cfo" level: EXECUTIVE buyer_roles: POWER }
    )pb", a_first ? a : b, a_first ? b : a));
    const v1::Recommendations out = fixture.Recommend();
    ASSERT_THAT(Ranked(out), ElementsAre("p-cfo:REPAIR:t-exec")) << a_first;
    EXPECT_THAT(out.key_intersections(0).owner_reason(),
                HasSubstr(absl::StrCat("takes over the repair from ", a_first ? "t-a" : "t-b")))
        << a_first;
  }
}

// The deal: the Supporter we hold Trust with is asked to coach us (a key action on a Trust cell),
// ahead of coverage of an uncovered key person.
TEST(Tiers, TheDealAsksASupporterWeTrustToCoachUs) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" level: SENIOR_MANAGEMENT }
    team_members { id: "t2" level: SENIOR_MANAGEMENT }
    persons { id: "p-key" level: EXECUTIVE key: true }
    persons { id: "p-fan" level: SENIOR_MANAGEMENT }
    relationships { team_member_id: "t1" person_id: "p-fan" grade: TRUST }
    relationships { team_member_id: "t2" person_id: "p-fan" grade: SATISFIED }
    opportunities {
      id: "o"
      participants { person_id: "p-fan" buying_role: EVALUATOR preference: SUPPORTER }
    }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_GE(out.key_intersections_size(), 2);
  EXPECT_THAT(Ranked(out)[0], "p-fan:DEAL:t1");
  const Key& ask = out.key_intersections(0);
  EXPECT_EQ(ask.current_grade(), v1::TRUST);
  EXPECT_EQ(ask.goal_grade(), v1::TRUST);
  EXPECT_EQ(ask.effort(), 0);
  EXPECT_THAT(ask.strategies(0).reason(), HasSubstr("coach us"));
  EXPECT_THAT(ask.strategies(0).reason(), HasSubstr("it has no Mentor yet"));
  // The owner holds Trust with them: t2's Satisfied opens no door that is not already open.
  EXPECT_EQ(ask.introducer_id(), "");
  EXPECT_EQ(out.key_intersections(1).tier(), Key::COVERAGE);
}

// The same step is more urgent when the expected close falls within the horizon than when it is a
// year away, and the strategy names the date.
TEST(Tiers, UrgencyRisesAsTheCloseComesWithinTheHorizon) {
  const auto plan = [](int64_t close_days) {
    return absl::StrCat(R"pb(
      as_of { seconds: 1717200000 }
      team_members { id: "t1" level: SENIOR_MANAGEMENT }
      persons { id: "p" level: SENIOR_MANAGEMENT }
      relationships { team_member_id: "t1" person_id: "p" grade: SATISFIED }
      opportunities {
        id: "o" stage: EVALUATE_RISK
        expected_close_at { seconds: )pb",
                        1717200000 + close_days * 86400, R"pb( }
        participants { person_id: "p" buying_role: DECISION_MAKER preference: SUPPORTER }
      }
    )pb");
  };
  const RecommendFixture soon(plan(20));
  const RecommendFixture later(plan(365));
  const Key near = soon.Recommend().key_intersections(0);
  const Key far = later.Recommend().key_intersections(0);
  EXPECT_EQ(near.tier(), Key::DEAL);
  EXPECT_GT(near.priority().urgency(), far.priority().urgency());
  EXPECT_THAT(near.strategies(0).reason(), HasSubstr("expected close in 20 days"));
}

// Coverage (a blank cell with a key person) comes before depth (Satisfied to Open where the plan
// asks for it), and depth appears only where the desired grade asks for more.
TEST(Tiers, CoverageBeforeDepthAndDepthOnlyWhereAsked) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" level: SENIOR_MANAGEMENT }
    team_members { id: "t2" level: SENIOR_MANAGEMENT }
    persons { id: "p-deep" level: SENIOR_MANAGEMENT }
    persons { id: "p-enough" level: SENIOR_MANAGEMENT }
    persons { id: "p-new" level: OPERATIONAL key: true }
    relationships { team_member_id: "t1" person_id: "p-deep" grade: SATISFIED desired_grade: OPEN }
    relationships { team_member_id: "t1" person_id: "p-enough" grade: SATISFIED }
  )pb");
  EXPECT_THAT(Ranked(fixture.Recommend({}, 90)),
              ElementsAre("p-new:COVERAGE:t2", "p-deep:DEPTH:t1"));
}

// Releases: the fourth graded relationship with a person steps back (the weakest, the worst
// seniority fit), and a level above the desired one eases to the desired grade.
TEST(Releases, OverCoveredAndOverInvestedPersonsFreeEffort) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" level: EXECUTIVE }
    team_members { id: "t2" level: EXECUTIVE }
    team_members { id: "t3" level: SENIOR_MANAGEMENT }
    team_members { id: "t4" level: OPERATIONAL }
    persons { id: "p-many" level: EXECUTIVE }
    persons {
      id: "p-over" level: MIDDLE_MANAGEMENT
      relationship_level: TRUSTED_ADVISOR desired_relationship_level: CREDIBLE_SOURCE
    }
    relationships { team_member_id: "t1" person_id: "p-many" grade: TRUST }
    relationships { team_member_id: "t2" person_id: "p-many" grade: SATISFIED }
    relationships { team_member_id: "t3" person_id: "p-many" grade: SATISFIED }
    relationships { team_member_id: "t4" person_id: "p-many" grade: SATISFIED }
    relationships { team_member_id: "t3" person_id: "p-over" grade: TRUST }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  std::vector<std::string> releases;
  for (const v1::Release& release : out.releases()) {
    releases.push_back(absl::StrCat(release.person_id(), ":", release.team_member_id(), ":",
                                    v1::Grade_Name(release.grade()), ":", release.effort_freed()));
  }
  EXPECT_THAT(releases, ElementsAre("p-many:t4:SATISFIED:1", "p-over:t3:TRUST:3"));
  ASSERT_EQ(out.releases_size(), 2);
  EXPECT_EQ(out.releases(0).reason(),
            "p-many has 4 graded relationships with us; 3 better placed ones keep them, so t4 "
            "(Satisfied) can step back and free 1 effort unit");
  EXPECT_EQ(out.releases(1).reason(),
            "p-over is at Trusted Advisor, above the desired Credible Source: t3 can let Trust "
            "ease to Satisfied and free 3 effort units");
}

}  // namespace
}  // namespace contactplan::recommend
