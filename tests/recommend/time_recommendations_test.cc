// What plans over time change in the recommendations (docs/time.md): relationships of a team member
// who left are reassigned; falling cells drift sooner; an undated cell's drift is marked unknown.
// (A departed champion as a lever: leverage_test.cc.)
#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::RecommendFixture;
using ::testing::HasSubstr;

TEST(TimeRecommendations, RelationshipsOfAMemberWhoLeftAreReassigned) {
  const RecommendFixture fixture(R"pb(
    as_of { seconds: 1717200000 }
    team_members { id: "gone" left_at { seconds: 1716000000 } level: SENIOR_MANAGEMENT }
    team_members { id: "junior" level: OPERATIONAL }
    team_members { id: "senior" level: SENIOR_MANAGEMENT }
    team_members { id: "holder" level: OPERATIONAL }
    persons { id: "vp" level: SENIOR_MANAGEMENT }
    persons { id: "user" level: OPERATIONAL }
    relationships { team_member_id: "gone" person_id: "vp" grade: OPEN }
    relationships { team_member_id: "gone" person_id: "user" grade: SATISFIED }
    relationships { team_member_id: "holder" person_id: "user" grade: SATISFIED }
  )pb");
  const v1::Recommendations recs = fixture.Recommend();
  ASSERT_EQ(recs.reassignments_size(), 2);
  const v1::Reassignment& vp = recs.reassignments(0);
  EXPECT_EQ(vp.person_id(), "vp");
  EXPECT_EQ(vp.former_team_member_id(), "gone");
  EXPECT_EQ(vp.grade(), v1::OPEN);
  EXPECT_EQ(vp.team_member_id(), "senior");  // the seniority fit
  EXPECT_THAT(vp.reason(), HasSubstr("hand over"));
  EXPECT_EQ(recs.reassignments(1).team_member_id(), "holder");  // already holds a thread
  for (const v1::TeamLoad& load : recs.team_load()) {
    if (load.team_member_id() == "senior") {
      EXPECT_GT(load.planned(), 0);
    }
  }
}

TEST(TimeRecommendations, DriftSaysWhatItCountsFromAndFallingCellsDriftSooner) {
  const RecommendFixture fixture(R"pb(
    as_of { seconds: 1717200000 }
    team_members { id: "t" }
    persons { id: "contact" }
    persons { id: "assessed" }
    persons { id: "undated" }
    persons { id: "falling" }
    relationships { team_member_id: "t" person_id: "contact" grade: OPEN
                    touches { at { seconds: 1716336000 } direction: TWO_WAY } }
    relationships { team_member_id: "t" person_id: "assessed" grade: OPEN
                    assessed_at { seconds: 1716336000 } }
    relationships { team_member_id: "t" person_id: "undated" grade: OPEN }
    relationships { team_member_id: "t" person_id: "falling" grade: OPEN
                    assessed_at { seconds: 1716336000 }
                    history { grade: TRUST at { seconds: 1710000000 } } }
  )pb");
  const v1::Recommendations recs = fixture.Recommend();
  std::map<std::string, v1::IntersectionDrift> by_person;
  for (const v1::IntersectionDrift& d : recs.drift().intersections()) by_person[d.person_id()] = d;
  EXPECT_EQ(by_person["contact"].basis(), v1::IntersectionDrift::LAST_CONTACT);
  EXPECT_EQ(by_person["contact"].days_since_contact(), 10);  // the touch is the last contact
  EXPECT_EQ(by_person["assessed"].basis(), v1::IntersectionDrift::ASSESSMENT);
  EXPECT_EQ(by_person["undated"].basis(), v1::IntersectionDrift::UNKNOWN);
  EXPECT_TRUE(by_person["falling"].falling());
  EXPECT_FALSE(by_person["assessed"].falling());
  EXPECT_LT(by_person["falling"].days_until_next_drop(), by_person["assessed"].days_until_next_drop());
}

}  // namespace
}  // namespace contactplan::recommend
