// Leverage: the T/O relationships that can lift a target, found over the org chart and influence.
#include "recommend/leverage.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend_fixture.h"
#include "model/influence_web.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::RecommendFixture;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "member grade via hops [persons...]" of each lever, in order.
std::vector<std::string> Describe(const RecommendFixture& fixture, const std::vector<Lever>& levers) {
  std::vector<std::string> out;
  for (const Lever& lever : levers) {
    v1::LeveragePath path;
    LeverageFinder::ToProto(fixture.index(), lever, &path);
    std::string text = absl::StrCat(path.team_member_id(), " ", v1::Grade_Name(path.grade()), " ",
                                    v1::LeveragePath::Via_Name(path.via()), " ", path.hops());
    for (const std::string& id : path.person_ids()) absl::StrAppend(&text, " ", id);
    out.push_back(text);
  }
  return out;
}

constexpr char kOrgChart[] = R"pb(
  team_members { id: "t-top" }
  team_members { id: "t-mgr" }
  team_members { id: "t-infl" }
  team_members { id: "t-rep" }
  team_members { id: "t-col" }
  team_members { id: "t-weak" }
  persons { id: "p-top" }
  persons { id: "p-mgr" reports_to_id: "p-top" }
  persons { id: "p-target" reports_to_id: "p-mgr" }
  persons { id: "p-rep" reports_to_id: "p-target" }
  persons { id: "p-infl" influences { person_id: "p-target" } }
  relationships { team_member_id: "t-top" person_id: "p-top" grade: TRUST }
  relationships { team_member_id: "t-mgr" person_id: "p-mgr" grade: OPEN }
  relationships { team_member_id: "t-infl" person_id: "p-infl" grade: TRUST }
  relationships { team_member_id: "t-rep" person_id: "p-rep" grade: OPEN }
  relationships { team_member_id: "t-col" person_id: "p-target" grade: OPEN }
  relationships { team_member_id: "t-weak" person_id: "p-target" grade: SATISFIED }
)pb";

TEST(Leverage, ShortestFirstThenTrustBeforeOpenThenOrderMet) {
  const RecommendFixture fixture(kOrgChart);
  const LeverageFinder finder(fixture.index(), 2);
  EXPECT_THAT(Describe(fixture, finder.Find(fixture.Person("p-target"))),
              ElementsAre("t-col OPEN COLLEAGUE 0 p-target",
                          "t-infl TRUST INFLUENCER 1 p-infl p-target",
                          "t-mgr OPEN MANAGER 1 p-mgr p-target",
                          "t-rep OPEN DIRECT_REPORT 1 p-rep p-target",
                          "t-top TRUST ORG_PATH 2 p-top p-mgr p-target"));
}

TEST(Leverage, MaxHopsBoundsTheSearch) {
  const RecommendFixture fixture(kOrgChart);
  const LeverageFinder finder(fixture.index(), 1);
  for (const Lever& lever : finder.Find(fixture.Person("p-target"))) {
    EXPECT_LE(lever.hops, 1);
  }
}

TEST(Leverage, ACellLeavesItsOwnRelationshipOutAndKeepsThree) {
  const RecommendFixture fixture(kOrgChart);
  const LeverageFinder finder(fixture.index(), 2);
  const std::vector<Lever> all = finder.Find(fixture.Person("p-target"));
  EXPECT_THAT(Describe(fixture, LeverageFinder::ForCell(fixture.index(), all,
                                                        fixture.Member("t-col"))),
              ElementsAre("t-infl TRUST INFLUENCER 1 p-infl p-target",
                          "t-mgr OPEN MANAGER 1 p-mgr p-target",
                          "t-rep OPEN DIRECT_REPORT 1 p-rep p-target"));
  EXPECT_THAT(Describe(fixture, LeverageFinder::ForCell(fixture.index(), all,
                                                        fixture.Member("t-weak"))),
              ElementsAre("t-col OPEN COLLEAGUE 0 p-target",
                          "t-infl TRUST INFLUENCER 1 p-infl p-target",
                          "t-mgr OPEN MANAGER 1 p-mgr p-target"));
}

// A member who holds O with the target and T with the manager keeps the manager path for their
// own cell.
TEST(Leverage, OwnRelationshipDoesNotHideTheSameMembersOtherPath) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    persons { id: "p-mgr" }
    persons { id: "p-target" reports_to_id: "p-mgr" }
    relationships { team_member_id: "t1" person_id: "p-target" grade: OPEN }
    relationships { team_member_id: "t1" person_id: "p-mgr" grade: TRUST }
  )pb");
  const LeverageFinder finder(fixture.index(), 2);
  EXPECT_THAT(Describe(fixture, LeverageFinder::ForCell(fixture.index(),
                                                        finder.Find(fixture.Person("p-target")),
                                                        fixture.Member("t1"))),
              ElementsAre("t1 TRUST MANAGER 1 p-mgr p-target"));
}

TEST(Leverage, SatisfiedAndWeakerRelationshipsAreNoLeverage) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    persons { id: "p-mgr" }
    persons { id: "p-target" reports_to_id: "p-mgr" }
    relationships { team_member_id: "t1" person_id: "p-mgr" grade: SATISFIED }
  )pb");
  const LeverageFinder finder(fixture.index(), 2);
  EXPECT_THAT(finder.Find(fixture.Person("p-target")), IsEmpty());
}

TEST(Leverage, StrengthFallsWithDistanceAndIsHigherForTrust) {
  const RecommendFixture fixture(kOrgChart);
  const LeverageFinder finder(fixture.index(), 2);
  const std::vector<Lever> levers = finder.Find(fixture.Person("p-target"));
  ASSERT_EQ(levers.size(), 5u);
  EXPECT_DOUBLE_EQ(LeverageFinder::Strength(fixture.context().settings.tuning.recommend(), levers[0]), 0.25);  // O, 0 hops
  EXPECT_DOUBLE_EQ(LeverageFinder::Strength(fixture.context().settings.tuning.recommend(), levers[1]), 0.3);   // T, 1 hop
  EXPECT_DOUBLE_EQ(LeverageFinder::Strength(fixture.context().settings.tuning.recommend(), levers[2]), 0.1875);  // O, 1 hop
  EXPECT_DOUBLE_EQ(LeverageFinder::Strength(fixture.context().settings.tuning.recommend(), levers[4]), 0.2);   // T, 2 hops
}

// The search visits a bounded number of persons whatever the org chart looks like: a manager with
// thousands of reports costs the same as one with ten.
TEST(Leverage, VisitsAreBoundedOnAWideOrgChart) {
  v1::Plan plan;
  plan.add_team_members()->set_id("t1");
  plan.add_persons()->set_id("p-boss");
  for (int i = 0; i < 5000; ++i) {
    v1::Person& person = *plan.add_persons();
    person.set_id(absl::StrCat("p", i));
    person.set_reports_to_id("p-boss");
  }
  v1::Relationship& far = *plan.add_relationships();
  far.set_team_member_id("t1");
  far.set_person_id("p4999");  // a sibling met far beyond the budget
  far.set_grade(v1::TRUST);
  const RecommendFixture fixture(plan);
  const LeverageFinder finder(fixture.index(), 2);
  EXPECT_THAT(finder.Find(fixture.Person("p0")), IsEmpty());
  EXPECT_THAT(Describe(fixture, finder.Find(fixture.Person("p4999"))),
              ElementsAre("t1 TRUST COLLEAGUE 0 p4999"));
}

// Dana (left) named Ola as successor; Sam holds Trust with Dana and nothing with Ola. Dana was Kim's
// manager, and Kim is reached by no one else.
constexpr char kSuccession[] = R"pb(
  as_of { seconds: 1717200000 }
  team_members { id: "sam" }
  persons { id: "dana" left_at { seconds: 1716000000 } successor_id: "ola" }
  persons { id: "ola" key: true }
  persons { id: "kim" reports_to_id: "dana" }
  relationships { team_member_id: "sam" person_id: "dana" grade: TRUST }
)pb";

TEST(Leverage, ADepartedChampionIsNoThreadButIntroducesTheSuccessor) {
  const RecommendFixture fixture(kSuccession);
  const model::InfluenceWeb web = model::ComputeInfluenceWeb(fixture.context());
  EXPECT_EQ(web.person_count(), 0);
  EXPECT_EQ(web.team_members(), 0);
  const LeverageFinder finder(fixture.index(), 2);
  EXPECT_THAT(Describe(fixture, finder.Find(fixture.Person("ola"))),
              ElementsAre("sam TRUST PREDECESSOR 1 dana ola"));
  // Dana opens no other door: not as Kim's manager.
  EXPECT_THAT(finder.Find(fixture.Person("kim")), IsEmpty());
  // No key intersection with Dana; Ola's new cell carries the introduction.
  const v1::Recommendations recs = fixture.Recommend();
  bool ola = false;
  for (const v1::KeyIntersection& key : recs.key_intersections()) {
    EXPECT_NE(key.person_id(), "dana");
    if (key.person_id() != "ola") continue;
    ola = true;
    ASSERT_FALSE(key.leverage().empty());
    EXPECT_EQ(key.leverage(0).via(), v1::LeveragePath::PREDECESSOR);
  }
  EXPECT_TRUE(ola);
}

}  // namespace
}  // namespace contactplan::recommend
