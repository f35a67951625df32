// SINGLE_THREADED_ACCOUNT and BELOW_3X3. The web is another stage's output; these tests state it by
// hand so that only the rules are under test.
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

constexpr const char* kThreePersons = R"pb(
  team_members { id: "t1" } team_members { id: "t2" } team_members { id: "t3" }
  persons { id: "p1" } persons { id: "p2" } persons { id: "p3" }
)pb";

// A web of `team_members` x `persons` at the given level counts; the threaded members and persons
// are the first ones of the plan unless named by index.
model::InfluenceWeb MakeWeb(int32_t team_members, int32_t persons, int32_t team_levels,
                            int32_t person_levels, std::vector<model::MemberIx> members = {},
                            std::vector<model::PersonIx> person_ixs = {}) {
  model::InfluenceWeb web;
  web.thread_min_grade = v1::SATISFIED;
  web.members = std::move(members);
  for (model::MemberIx m = 0; static_cast<int32_t>(web.members.size()) < team_members; ++m) {
    web.members.push_back(m);
  }
  web.persons = std::move(person_ixs);
  for (model::PersonIx p = 0; static_cast<int32_t>(web.persons.size()) < persons; ++p) {
    web.persons.push_back(p);
  }
  web.team_levels = team_levels;
  web.person_levels = person_levels;
  return web;
}

// ---- SINGLE_THREADED_ACCOUNT ----

TEST(SingleThreadedAccountTest, OneTeamMemberHoldingTheAccount) {
  const v1::Finding f = Only(
      Evaluate(kThreePersons, {.web = MakeWeb(1, 3, 1, 2, {1})}),
      "SINGLE_THREADED_ACCOUNT");
  EXPECT_EQ(f.severity(), v1::CRITICAL);
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t2"));
  EXPECT_THAT(f.person_ids(), ElementsAre("p1", "p2", "p3"));
  EXPECT_EQ(NumberOf(f, "team_members"), 1);
  EXPECT_EQ(NumberOf(f, "persons"), 3);
  EXPECT_THAT(f.message(), HasSubstr("1x3"));
}

TEST(SingleThreadedAccountTest, OneClientPersonHoldingTheAccount) {
  EXPECT_THAT(Codes(Evaluate(kThreePersons, {.web = MakeWeb(3, 1, 3, 1)})),
              Contains("SINGLE_THREADED_ACCOUNT"));
  EXPECT_THAT(Only(Evaluate(kThreePersons, {.web = MakeWeb(0, 0, 0, 0)}), "SINGLE_THREADED_ACCOUNT")
                  .message(),
              HasSubstr("No relationship on the map is at Satisfied or better"));
}

TEST(SingleThreadedAccountTest, TwoByTwoIsNotSingleThreaded) {
  EXPECT_THAT(Codes(Evaluate(kThreePersons, {.web = MakeWeb(2, 2, 1, 1)})),
              Not(Contains("SINGLE_THREADED_ACCOUNT")));
}

TEST(SingleThreadedAccountTest, EmptyMapIsNotReported) {
  EXPECT_THAT(Codes(Evaluate(R"pb(team_members { id: "t1" })pb", {.web = MakeWeb(0, 0, 0, 0)})),
              Not(Contains("SINGLE_THREADED_ACCOUNT")));
}

// ---- BELOW_3X3 ----

TEST(Below3x3Test, NamesTheCountsThatFallShort) {
  const v1::Finding f =
      Only(Evaluate(kThreePersons, {.web = MakeWeb(3, 3, 2, 3)}), "BELOW_3X3");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_EQ(NumberOf(f, "team_levels"), 2);
  EXPECT_EQ(NumberOf(f, "person_levels"), 3);
  EXPECT_THAT(f.message(), HasSubstr("(2 team levels)"));
  EXPECT_THAT(f.message(), Not(HasSubstr("client levels")));
}

TEST(Below3x3Test, MeetingThreeByThreeIsQuiet) {
  const std::vector<std::string> codes = Codes(Evaluate(kThreePersons, {.web = MakeWeb(3, 3, 3, 3)}));
  EXPECT_THAT(codes, Not(Contains("BELOW_3X3")));
  EXPECT_THAT(codes, Not(Contains("SINGLE_THREADED_ACCOUNT")));
}

TEST(Below3x3Test, EmptyMapIsNotReported) {
  EXPECT_THAT(WithCode(Evaluate("", {.web = MakeWeb(0, 0, 0, 0)}), "BELOW_3X3"), IsEmpty());
}

TEST(Below3x3Test, SingleThreadedAccountIsAlsoBelowThreeByThree) {
  // Every finding of this plan, in output order: critical first, then catalogue order.
  EXPECT_THAT(Codes(Evaluate(kThreePersons, {.web = MakeWeb(1, 1, 1, 1)})),
              ElementsAre("SINGLE_THREADED_ACCOUNT", "UNCOVERED_PERSON", "UNCOVERED_PERSON",
                          "UNCOVERED_PERSON", "BELOW_3X3", "NO_POWER_BUYER_IDENTIFIED",
                          "NO_EVANGELIST", "NO_BLUEPRINT"));
}

}  // namespace
}  // namespace contactplan::testing
