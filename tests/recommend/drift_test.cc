// The drift forecast: gravity pulls positive grades towards Indifferent without contact.
#include "recommend/drift.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::RecommendFixture;
using ::contactplan::testing::TimestampDaysAgo;

TEST(DriftedGrade, PositiveGradesDropOneLevelPerPeriodNeverBelowIndifferent) {
  EXPECT_EQ(DriftedGrade(v1::TRUST, 89, 90), v1::TRUST);
  EXPECT_EQ(DriftedGrade(v1::TRUST, 90, 90), v1::OPEN);
  EXPECT_EQ(DriftedGrade(v1::TRUST, 180, 90), v1::SATISFIED);
  EXPECT_EQ(DriftedGrade(v1::TRUST, 270, 90), v1::INDIFFERENT);
  EXPECT_EQ(DriftedGrade(v1::TRUST, 10000, 90), v1::INDIFFERENT);
  EXPECT_EQ(DriftedGrade(v1::SATISFIED, 100, 90), v1::INDIFFERENT);
  EXPECT_EQ(DriftedGrade(v1::INDIFFERENT, 1000, 90), v1::INDIFFERENT);
  EXPECT_EQ(DriftedGrade(v1::DISSATISFIED, 1000, 90), v1::DISSATISFIED);
  EXPECT_EQ(DriftedGrade(v1::MOTIVATED_TO_CHANGE, 1000, 90), v1::MOTIVATED_TO_CHANGE);
  EXPECT_EQ(DriftedGrade(v1::OPEN, 45, 30), v1::SATISFIED);
}

v1::Plan DriftPlan() {
  v1::Plan plan = testing::PlanFromText(R"pb(
    as_of { seconds: 1717200000 }
    team_members { id: "t1" }
    persons { id: "p-trust" } persons { id: "p-open" } persons { id: "p-sat" }
    persons { id: "p-dis" } persons { id: "p-never" }
    relationships { team_member_id: "t1" person_id: "p-trust" grade: TRUST }
    relationships { team_member_id: "t1" person_id: "p-open" grade: OPEN }
    relationships { team_member_id: "t1" person_id: "p-sat" grade: SATISFIED }
    relationships { team_member_id: "t1" person_id: "p-dis" grade: DISSATISFIED }
    relationships { team_member_id: "t1" person_id: "p-never" grade: OPEN }
  )pb");
  *plan.mutable_relationships(0)->mutable_last_contact_at() = TimestampDaysAgo(10);
  *plan.mutable_relationships(0)->mutable_assessed_at() = TimestampDaysAgo(300);
  *plan.mutable_relationships(1)->mutable_assessed_at() = TimestampDaysAgo(80);  // no contact date
  *plan.mutable_relationships(2)->mutable_last_contact_at() = TimestampDaysAgo(100);
  *plan.mutable_relationships(3)->mutable_last_contact_at() = TimestampDaysAgo(500);
  return plan;
}

TEST(DriftForecast, PerIntersectionSoonestDropFirst) {
  const RecommendFixture fixture(DriftPlan());
  v1::DriftForecast forecast;
  ForecastDrift(fixture.context(), &forecast);
  ASSERT_EQ(forecast.intersections_size(), 5);
  const auto row = [&](int i) {
    const v1::IntersectionDrift& d = forecast.intersections(i);
    return absl::StrCat(d.person_id(), " ", v1::Grade_Name(d.now()), ">",
                        v1::Grade_Name(d.in_30_days()), ">", v1::Grade_Name(d.in_60_days()), ">",
                        v1::Grade_Name(d.in_90_days()), " ", d.days_since_contact(), "d next ",
                        d.days_until_next_drop());
  };
  EXPECT_EQ(row(0), "p-open OPEN>SATISFIED>SATISFIED>SATISFIED 80d next 10");
  // Same day of the next drop: the higher grade first.
  EXPECT_EQ(row(1), "p-trust TRUST>TRUST>TRUST>OPEN 10d next 80");
  EXPECT_EQ(row(2), "p-sat SATISFIED>INDIFFERENT>INDIFFERENT>INDIFFERENT 100d next 80");
  // No contact or assessment date: counted from now.
  EXPECT_EQ(row(3), "p-never OPEN>OPEN>OPEN>SATISFIED 0d next 90");
  EXPECT_EQ(row(4), "p-dis DISSATISFIED>DISSATISFIED>DISSATISFIED>DISSATISFIED 500d next 0");
}

TEST(DriftForecast, DistributionAtZeroThirtySixtyNinetyDays) {
  const RecommendFixture fixture(DriftPlan());
  v1::DriftForecast forecast;
  ForecastDrift(fixture.context(), &forecast);
  ASSERT_EQ(forecast.distribution_size(), 4);
  const auto counts = [&](int i) {
    const v1::GradeDistribution& d = forecast.distribution(i);
    return absl::StrCat(d.days(), ": T", d.trust(), " O", d.open(), " S", d.satisfied(), " I",
                        d.indifferent(), " D", d.dissatisfied(), " M", d.motivated_to_change());
  };
  EXPECT_EQ(counts(0), "0: T1 O2 S1 I0 D1 M0");
  EXPECT_EQ(counts(1), "30: T1 O1 S1 I1 D1 M0");
  EXPECT_EQ(counts(2), "60: T1 O1 S1 I1 D1 M0");
  EXPECT_EQ(counts(3), "90: T0 O1 S2 I1 D1 M0");
}

TEST(DriftForecast, DaysPerLevelIsAnOption) {
  const RecommendFixture fixture(DriftPlan(), "drift_days_per_level: 30");
  v1::DriftForecast forecast;
  ForecastDrift(fixture.context(), &forecast);
  // p-trust, 10 days since contact: 40 days -> one level, 70 -> two, 100 -> three.
  for (const v1::IntersectionDrift& d : forecast.intersections()) {
    if (d.person_id() != "p-trust") continue;
    EXPECT_EQ(d.in_30_days(), v1::OPEN);
    EXPECT_EQ(d.in_60_days(), v1::SATISFIED);
    EXPECT_EQ(d.in_90_days(), v1::INDIFFERENT);
    EXPECT_EQ(d.days_until_next_drop(), 20);
  }
}

}  // namespace
}  // namespace contactplan::recommend
