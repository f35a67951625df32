// Owners under capacity: who takes a cell, the effort it costs, and what happens when the effort
// runs out.
#include "recommend/owners.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "options/tuning.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::RecommendFixture;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "person:member" of each key intersection, in rank order.
std::vector<std::string> Cells(const v1::Recommendations& out) {
  std::vector<std::string> cells;
  for (const auto& key : out.key_intersections()) {
    cells.push_back(absl::StrCat(key.person_id(), ":", key.team_member_id()));
  }
  return cells;
}

TEST(SeniorityFit, WithinOneLevelFitsAndDistanceCosts) {
  EXPECT_EQ(SeniorityFit(DefaultTuning().recommend(), v1::EXECUTIVE, v1::EXECUTIVE), 1.0);
  EXPECT_EQ(SeniorityFit(DefaultTuning().recommend(), v1::EXECUTIVE, v1::SENIOR_MANAGEMENT), 1.0);
  EXPECT_EQ(SeniorityFit(DefaultTuning().recommend(), v1::SENIOR_MANAGEMENT, v1::EXECUTIVE), 0.9);
  EXPECT_EQ(SeniorityFit(DefaultTuning().recommend(), v1::EXECUTIVE, v1::MIDDLE_MANAGEMENT), 0.7);
  EXPECT_EQ(SeniorityFit(DefaultTuning().recommend(), v1::MIDDLE_MANAGEMENT, v1::EXECUTIVE), 0.6);
  EXPECT_EQ(SeniorityFit(DefaultTuning().recommend(), v1::EXECUTIVE, v1::OPERATIONAL), 0.5);
  EXPECT_EQ(SeniorityFit(DefaultTuning().recommend(), v1::OPERATIONAL, v1::EXECUTIVE), 0.4);
  EXPECT_EQ(SeniorityFit(DefaultTuning().recommend(), v1::LEVEL_UNSPECIFIED, v1::EXECUTIVE), 0.85);
}

// Committed effort is the upkeep of the current map: S 1, O 2, T 4; nothing below S.
TEST(TeamCapacity, CommittedEffortIsTheUpkeepOfTheCurrentMap) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" capacity: 10 }
    persons { id: "p1" } persons { id: "p2" } persons { id: "p3" } persons { id: "p4" }
    relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
    relationships { team_member_id: "t1" person_id: "p2" grade: OPEN }
    relationships { team_member_id: "t1" person_id: "p3" grade: SATISFIED }
    relationships { team_member_id: "t1" person_id: "p4" grade: DISSATISFIED }
  )pb");
  const TeamCapacity capacity(fixture.context());
  EXPECT_EQ(capacity.committed(0), 7);
  EXPECT_EQ(capacity.remaining(0), 3);
  EXPECT_TRUE(capacity.CanAfford(0, 3));
  EXPECT_FALSE(capacity.CanAfford(0, 3.5));
}

TEST(TeamCapacity, ChoosesWithinOneLevelThenMostEffortFreeThenPlanOrder) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-ops" level: OPERATIONAL }
    team_members { id: "t-exec-busy" level: EXECUTIVE capacity: 4 }
    team_members { id: "t-exec-free" level: EXECUTIVE capacity: 10 }
    team_members { id: "t-senior" level: SENIOR_MANAGEMENT }
    team_members { id: "t-exec-twin" level: EXECUTIVE capacity: 10 }
    persons { id: "p-exec" level: EXECUTIVE }
  )pb");
  const TeamCapacity capacity(fixture.context());
  const OwnerChoice choice = capacity.ChooseOwner(fixture.Person("p-exec"), 1);
  EXPECT_EQ(choice.member, fixture.Member("t-exec-free"));
  EXPECT_EQ(choice.best_placed, fixture.Member("t-exec-free"));
  // Only t-senior, without a stated capacity, has the default 12 units: 11 go to them.
  EXPECT_EQ(capacity.ChooseOwner(fixture.Person("p-exec"), 11).member, fixture.Member("t-senior"));
  // Nobody can give 20 units (v2: no member is unlimited): no owner, but the best placed is named.
  const OwnerChoice too_much = capacity.ChooseOwner(fixture.Person("p-exec"), 20);
  EXPECT_EQ(too_much.member, model::kNone);
  EXPECT_EQ(too_much.best_placed, fixture.Member("t-exec-free"));
}

// v2: owner and introducer are two roles. The member who holds Trust with the target's manager opens
// the door; the member at the target's level works the cell.
TEST(TeamCapacity, SameLevelOwnsWhileTheManagersContactIntroduces) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-peer" level: SENIOR_MANAGEMENT }
    team_members { id: "t-linked" level: MIDDLE_MANAGEMENT }
    persons { id: "p-boss" }
    persons { id: "p-target" level: SENIOR_MANAGEMENT reports_to_id: "p-boss" }
    relationships { team_member_id: "t-linked" person_id: "p-boss" grade: TRUST }
  )pb");
  const TeamCapacity capacity(fixture.context());
  const OwnerChoice choice = capacity.ChooseOwner(fixture.Person("p-target"), 1);
  // t-peer: 1.0 beats t-linked: 0.9 + 0.1 * 1 (Trust with the manager) and less effort free.
  EXPECT_EQ(choice.member, fixture.Member("t-peer"));
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_GE(out.key_intersections_size(), 1);
  EXPECT_EQ(out.key_intersections(0).person_id(), "p-target");
  EXPECT_EQ(out.key_intersections(0).team_member_id(), "t-peer");
  EXPECT_EQ(out.key_intersections(0).introducer_id(), "t-linked");
  EXPECT_THAT(out.key_intersections(0).introducer_reason(),
              ::testing::HasSubstr("holds Trust with p-boss, their manager: can introduce t-peer"));
}

// v2: when our side of the web is thin (one member holds every thread), a member without threads
// owns the new cell, even below a member who fits the level better.
TEST(TeamCapacity, AThinWebPrefersNewFaces) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-thread" level: SENIOR_MANAGEMENT }
    team_members { id: "t-new" level: MIDDLE_MANAGEMENT }
    persons { id: "p-known" level: SENIOR_MANAGEMENT }
    persons { id: "p-target" level: SENIOR_MANAGEMENT }
    relationships { team_member_id: "t-thread" person_id: "p-known" grade: OPEN }
  )pb");
  const TeamCapacity capacity(fixture.context());
  EXPECT_TRUE(capacity.thin_web());
  EXPECT_EQ(capacity.ChooseOwner(fixture.Person("p-target"), 1).member, fixture.Member("t-new"));
}

// v2: an owner the plan's blueprint names for the person is kept.
TEST(TeamCapacity, KeepsTheOwnerTheBlueprintNames) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-fit" level: EXECUTIVE }
    team_members { id: "t-named" level: MIDDLE_MANAGEMENT }
    persons { id: "p" level: EXECUTIVE }
    blueprint { person_id: "p" team_member_id: "t-named" }
  )pb");
  const TeamCapacity capacity(fixture.context());
  EXPECT_EQ(capacity.ChooseOwner(fixture.Person("p"), 1).member, fixture.Member("t-named"));
}

// v2: with no capacity stated anywhere, new cells spread over the team instead of piling on one
// member (default_capacity and the free share of the owner score).
TEST(KeyIntersectionOwners, DefaultCapacityBalancesTheLoad) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-a" level: MIDDLE_MANAGEMENT }
    team_members { id: "t-b" level: MIDDLE_MANAGEMENT }
    persons { id: "p1" level: MIDDLE_MANAGEMENT key: true }
    persons { id: "p2" level: MIDDLE_MANAGEMENT key: true }
    persons { id: "p3" level: MIDDLE_MANAGEMENT key: true }
    persons { id: "p4" level: MIDDLE_MANAGEMENT key: true }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_EQ(out.team_load_size(), 2);
  EXPECT_EQ(out.team_load(0).planned(), 2);
  EXPECT_EQ(out.team_load(1).planned(), 2);
  EXPECT_EQ(out.team_load(0).capacity(), 12);
}

TEST(TeamCapacity, NeverOffersSomeoneWhoAlreadyHasAGradeWithThePerson) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-known" level: EXECUTIVE }
    team_members { id: "t-new" level: OPERATIONAL }
    persons { id: "p" level: EXECUTIVE }
    relationships { team_member_id: "t-known" person_id: "p" grade: DISSATISFIED }
  )pb");
  const TeamCapacity capacity(fixture.context());
  EXPECT_EQ(capacity.ChooseOwner(fixture.Person("p"), 1).member, fixture.Member("t-new"));
}

// t1 can take one more unit; three key executives need a first relationship each. One is staffed,
// the others are reported as unstaffed, naming the best-placed member, instead of overbooking.
TEST(KeyIntersectionOwners, ReportsUnstaffedCellsInsteadOfOverbooking) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" level: EXECUTIVE capacity: 2 }
    team_members { id: "t2" level: OPERATIONAL capacity: 0 }
    persons { id: "p0" }
    persons { id: "p1" level: EXECUTIVE key: true }
    persons { id: "p2" level: EXECUTIVE key: true }
    persons { id: "p3" level: EXECUTIVE key: true }
    relationships { team_member_id: "t1" person_id: "p0" grade: SATISFIED }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_THAT(Cells(out), ElementsAre("p1:t1"));
  ASSERT_EQ(out.unstaffed_size(), 2);
  EXPECT_EQ(out.unstaffed(0).person_id(), "p2");
  EXPECT_EQ(out.unstaffed(0).team_member_id(), "t1");
  EXPECT_EQ(out.unstaffed(0).current_grade(), v1::GRADE_UNSPECIFIED);
  EXPECT_EQ(out.unstaffed(0).next_grade(), v1::INDIFFERENT);
  EXPECT_EQ(out.unstaffed(0).effort(), 1);
  EXPECT_EQ(out.unstaffed(0).reason(),
            "nobody who could take on p2 has the effort free (reaching Satisfied needs 1 effort "
            "unit); best placed: t1, 0 of 2 effort units free (1 committed to the current map, 1 "
            "planned)");
  EXPECT_EQ(out.unstaffed(1).person_id(), "p3");

  ASSERT_EQ(out.team_load_size(), 2);
  EXPECT_EQ(out.team_load(0).team_member_id(), "t1");
  EXPECT_TRUE(out.team_load(0).has_capacity());
  EXPECT_EQ(out.team_load(0).capacity(), 2);
  EXPECT_EQ(out.team_load(0).committed(), 1);
  EXPECT_EQ(out.team_load(0).planned(), 1);
  EXPECT_EQ(out.team_load(1).planned(), 0);
}

// When the best-placed owner's effort is taken by a better-ranked cell, the next best placed with
// effort free takes the cell.
TEST(KeyIntersectionOwners, FallsBackToTheNextBestPlacedWithEffortFree) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-exec" level: EXECUTIVE capacity: 1 }
    team_members { id: "t-senior" level: SENIOR_MANAGEMENT }
    persons { id: "p1" level: EXECUTIVE key: true }
    persons { id: "p2" level: EXECUTIVE key: true }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_THAT(Cells(out), ElementsAre("p1:t-exec", "p2:t-senior"));
  EXPECT_EQ(out.unstaffed_size(), 0);
  EXPECT_TRUE(out.team_load(1).has_capacity());  // v2: the default capacity
  EXPECT_EQ(out.team_load(1).capacity(), 12);
  EXPECT_EQ(out.team_load(1).planned(), 1);
}

// A weak cell belongs to the team member who holds it; without their effort it is unstaffed.
TEST(KeyIntersectionOwners, WeakCellWhoseHolderHasNoEffortFreeIsUnstaffed) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" level: EXECUTIVE capacity: 1 }
    persons { id: "p-kept" }
    persons { id: "p-cold" level: EXECUTIVE key: true }
    relationships { team_member_id: "t1" person_id: "p-kept" grade: SATISFIED }
    relationships { team_member_id: "t1" person_id: "p-cold" grade: DISSATISFIED }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_EQ(out.key_intersections_size(), 0);
  ASSERT_EQ(out.unstaffed_size(), 1);
  EXPECT_EQ(out.unstaffed(0).team_member_id(), "t1");
  EXPECT_EQ(out.unstaffed(0).current_grade(), v1::DISSATISFIED);
  EXPECT_EQ(out.unstaffed(0).reason(),
            "t1 holds this relationship (Dissatisfied) but has 0 of 1 effort units free (1 "
            "committed to the current map); reaching Satisfied needs 1 effort unit");
}

TEST(KeyIntersectionOwners, ClimbingCostsTheDifferenceInUpkeep) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" capacity: 10 }
    persons { id: "p-s" } persons { id: "p-o" }
    relationships { team_member_id: "t1" person_id: "p-s" grade: SATISFIED desired_grade: OPEN }
    relationships { team_member_id: "t1" person_id: "p-o" grade: OPEN desired_grade: TRUST }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_EQ(out.key_intersections_size(), 2);
  double planned = 0;
  for (const auto& key : out.key_intersections()) {
    EXPECT_EQ(key.effort(), key.person_id() == "p-s" ? 1 : 2) << key.person_id();
    planned += key.effort();
  }
  EXPECT_EQ(out.team_load(0).committed(), 3);
  EXPECT_EQ(out.team_load(0).planned(), planned);
  EXPECT_THAT(out.key_intersections(0).owner_reason(), HasSubstr("effort units free"));
}

TEST(KeyIntersectionOwners, PlanWithoutTeamReportsWhyNobodyOwnsTheCell) {
  const RecommendFixture fixture(R"pb(
    persons { id: "p1" key: true }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_EQ(out.key_intersections_size(), 0);
  ASSERT_EQ(out.unstaffed_size(), 1);
  EXPECT_EQ(out.unstaffed(0).team_member_id(), "");
  EXPECT_EQ(out.unstaffed(0).reason(), "the plan has no team members who could own this cell");
}

}  // namespace
}  // namespace contactplan::recommend
