// NO_POWER_BUYER_IDENTIFIED, NO_POWER_ACCESS, NO_EVANGELIST.
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

// ---- NO_POWER_BUYER_IDENTIFIED ----

TEST(NoPowerBuyerIdentifiedTest, PersonsButNoPowerBuyer) {
  const v1::Finding f = Only(Evaluate(R"pb(
    persons { id: "p1" buyer_roles: USER buyer_roles: ADVISOR }
    persons { id: "p2" key: true }
  )pb"), "NO_POWER_BUYER_IDENTIFIED");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_EQ(NumberOf(f, "persons"), 2);
}

TEST(NoPowerBuyerIdentifiedTest, CriticalOnceAnOpenOpportunityEvaluatesAlternatives) {
  for (const char* stage : {"EVALUATE_ALTERNATIVES", "EVALUATE_RISK", "NEGOTIATE_CLOSE"}) {
    const v1::Finding f = Only(Evaluate(absl::StrCat(R"pb(
      persons { id: "p1" }
      opportunities { id: "o0" stage: NEGOTIATE_CLOSE closed: true }
      opportunities { id: "o1" stage: )pb", stage, "}")), "NO_POWER_BUYER_IDENTIFIED");
    EXPECT_EQ(f.severity(), v1::CRITICAL) << stage;
    EXPECT_EQ(f.opportunity_id(), "o1") << stage;
  }
  // Earlier stages and closed deals leave it a warning.
  const v1::Finding early = Only(Evaluate(R"pb(
    persons { id: "p1" }
    opportunities { id: "o0" stage: NEGOTIATE_CLOSE closed: true }
    opportunities { id: "o1" stage: DETERMINE_NEEDS }
  )pb"), "NO_POWER_BUYER_IDENTIFIED");
  EXPECT_EQ(early.severity(), v1::WARNING);
  EXPECT_EQ(early.opportunity_id(), "");
}

TEST(NoPowerBuyerIdentifiedTest, OnePowerBuyerIsEnough) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    persons { id: "p1" }
    persons { id: "p2" buyer_roles: USER buyer_roles: POWER }
  )pb")), Not(Contains("NO_POWER_BUYER_IDENTIFIED")));
}

TEST(NoPowerBuyerIdentifiedTest, EmptyMapIsNotReported) {
  EXPECT_THAT(Codes(Evaluate(R"pb(team_members { id: "t1" })pb")),
              Not(Contains("NO_POWER_BUYER_IDENTIFIED")));
}

// ---- NO_POWER_ACCESS ----

TEST(NoPowerAccessTest, PowerBuyersReachedOnlyWeaklyOrNotAtAll) {
  const v1::Finding f = Only(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" name: "Dana Reyes" title: "CFO" buyer_roles: POWER }
    persons { id: "p2" buyer_roles: USER }
    persons { id: "p3" name: "Lee Park" buyer_roles: POWER }
    relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT }
    relationships { team_member_id: "t1" person_id: "p2" grade: TRUST }
  )pb"), "NO_POWER_ACCESS");
  EXPECT_EQ(f.severity(), v1::CRITICAL);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1", "p3"));
  EXPECT_EQ(NumberOf(f, "power_buyers"), 2);
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes (CFO) and Lee Park"));
}

TEST(NoPowerAccessTest, OneSatisfiedRelationshipWithAnyPowerBuyerIsAccess) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" } team_members { id: "t2" }
    persons { id: "p1" buyer_roles: POWER }
    persons { id: "p2" buyer_roles: POWER }
    relationships { team_member_id: "t1" person_id: "p1" grade: DISSATISFIED }
    relationships { team_member_id: "t2" person_id: "p2" grade: SATISFIED }
  )pb")), Not(Contains("NO_POWER_ACCESS")));
}

TEST(NoPowerAccessTest, NoPowerBuyerMeansNothingToAccess) {
  EXPECT_THAT(WithCode(Evaluate(R"pb(persons { id: "p1" })pb"), "NO_POWER_ACCESS"), IsEmpty());
}

// ---- NO_EVANGELIST ----

TEST(NoEvangelistTest, PersonsButNoEvangelist) {
  EXPECT_EQ(Only(Evaluate(R"pb(persons { id: "p1" buyer_roles: POWER })pb"), "NO_EVANGELIST")
                .severity(),
            v1::INFO);
}

TEST(NoEvangelistTest, OneEvangelistIsEnoughAndAnEmptyMapIsQuiet) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    persons { id: "p1" }
    persons { id: "p2" buyer_roles: EVANGELIST }
  )pb")), Not(Contains("NO_EVANGELIST")));
  EXPECT_THAT(Codes(Evaluate("")), Not(Contains("NO_EVANGELIST")));
}

}  // namespace
}  // namespace contactplan::testing
