// The plan index resolves ids and adjacency once; the stages trust it, so it is checked here.
#include "model/plan_index.h"

#include <algorithm>
#include <random>
#include <utility>

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "base/timestamp_range.h"
#include "model/grade_history.h"
#include "model/time.h"
#include "support/text_plan.h"

namespace contactplan::model {
namespace {

using ::contactplan::testing::PlanFromText;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<int32_t> Vec(std::span<const int32_t> s) { return {s.begin(), s.end()}; }

const v1::Plan& OrgPlan() {
  static const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" }
    team_members { id: "t2" }
    persons { id: "ceo" level: EXECUTIVE }
    persons { id: "cfo" reports_to_id: "ceo" buyer_roles: POWER }
    persons { id: "eng" reports_to_id: "ceo" influences { person_id: "cfo" } }
    persons { id: "ops" reports_to_id: "cfo" }
    persons { id: "key" key: true }
    persons { id: "buyer" }
    persons { id: "late" }
    relationships { team_member_id: "t1" person_id: "cfo" grade: OPEN }
    relationships { team_member_id: "t2" person_id: "cfo" }
    relationships { team_member_id: "t2" person_id: "ops" grade: DISSATISFIED
                    assessed_at { seconds: 200 } }
    opportunities {
      id: "o1"
      participants { person_id: "buyer" buying_role: APPROVER }
      participants { person_id: "ops" buying_role: USER }
    }
    opportunities {
      id: "closed" closed: true
      participants { person_id: "late" buying_role: DECISION_MAKER }
    }
  )pb");
  return plan;
}

TEST(PlanIndexTest, ResolvesIds) {
  const PlanIndex index(OrgPlan());
  EXPECT_EQ(index.FindPerson("ops"), 3);
  EXPECT_EQ(index.FindPerson("nobody"), kNone);
  EXPECT_EQ(index.FindMember("t2"), 1);
  EXPECT_EQ(index.FindOpportunity("closed"), 1);
  EXPECT_EQ(index.FindCell(1, 1), 1);
  EXPECT_EQ(index.FindCell(0, 3), kNone);
  EXPECT_EQ(index.relationship_person(2), 3);
  EXPECT_EQ(index.relationship_member(2), 1);
}

TEST(PlanIndexTest, SeparatesGradedFromBlankCells) {
  const PlanIndex index(OrgPlan());
  EXPECT_THAT(Vec(index.relationships_of_person(1)), ElementsAre(0, 1));
  EXPECT_THAT(Vec(index.graded_of_person(1)), ElementsAre(0));
  EXPECT_THAT(Vec(index.graded_of_member(1)), ElementsAre(2));
  EXPECT_THAT(Vec(index.graded()), ElementsAre(0, 2));
  EXPECT_EQ(index.grade_count(v1::OPEN), 1);
  EXPECT_EQ(index.grade_count(v1::DISSATISFIED), 1);
  EXPECT_EQ(index.grade_count(v1::TRUST), 0);
}

TEST(PlanIndexTest, BuildsTheOrgChartAndInfluence) {
  const PlanIndex index(OrgPlan());
  EXPECT_EQ(index.manager(0), kNone);
  EXPECT_EQ(index.manager(3), 1);
  EXPECT_THAT(Vec(index.direct_reports(0)), ElementsAre(1, 2));
  EXPECT_THAT(Vec(index.influencers_of(1)), ElementsAre(2));
  EXPECT_THAT(Vec(index.influenced_by(2)), ElementsAre(1));
  EXPECT_THAT(Vec(index.influencers_of(2)), IsEmpty());
}

TEST(PlanIndexTest, KnowsWhoMattersAndWhoIsKey) {
  const PlanIndex index(OrgPlan());
  // ceo: executive → key, but matters only through a role or a mark.
  EXPECT_TRUE(index.is_key(0));
  EXPECT_FALSE(index.matters(0));
  // cfo: POWER → both.
  EXPECT_TRUE(index.is_key(1) && index.matters(1));
  // eng: nothing.
  EXPECT_FALSE(index.is_key(2) || index.matters(2));
  // ops: a USER in an open opportunity matters, is not key.
  EXPECT_TRUE(index.matters(3));
  EXPECT_FALSE(index.is_key(3));
  // key: marked.
  EXPECT_TRUE(index.is_key(4) && index.matters(4));
  // buyer: APPROVER in an open opportunity.
  EXPECT_TRUE(index.is_key(5) && index.matters(5));
  // late: DECISION_MAKER only in a closed opportunity.
  EXPECT_FALSE(index.is_key(6) || index.matters(6));
  EXPECT_THAT(index.open_participations(6), IsEmpty());
  ASSERT_EQ(index.open_participations(3).size(), 1u);
  EXPECT_EQ(index.open_participations(3)[0].participant, 1);
}

TEST(PlanIndexTest, LatestNpsIsTheLatestDatedAnswerAndTheLaterOneOnTies) {
  const v1::Plan plan = PlanFromText(R"pb(
    persons {
      id: "p"
      nps_answers { score: 9 answered_at { seconds: 300 } }
      nps_answers { score: 2 answered_at { seconds: 100 } }
      nps_answers { score: 5 answered_at { seconds: 300 } }
    }
    persons { id: "none" }
  )pb");
  const PlanIndex index(plan);
  ASSERT_NE(index.latest_nps(0), nullptr);
  EXPECT_EQ(index.latest_nps(0)->score(), 5);
  EXPECT_EQ(index.latest_nps(1), nullptr);
  EXPECT_EQ(index.latest_time(), absl::FromUnixSeconds(300));
}

TEST(PlanIndexTest, LatestTimeIsUnsetWithoutTimes) {
  const PlanIndex index(PlanFromText(R"pb(persons { id: "p" })pb"));
  EXPECT_FALSE(index.latest_time().has_value());
  const PlanIndex org(OrgPlan());
  EXPECT_EQ(org.latest_time(), absl::FromUnixSeconds(200));
}

TEST(TimeTest, UnsetTimestampHasNoTimeAndDaysRoundDown) {
  EXPECT_FALSE(ToTime(false, google::protobuf::Timestamp()).has_value());
  const absl::Time t0 = absl::FromUnixSeconds(1000000);
  EXPECT_EQ(DaysBetween(t0, t0 + absl::Hours(24 * 90)), 90);
  EXPECT_EQ(DaysBetween(t0, t0 + absl::Hours(24 * 90) - absl::Seconds(1)), 89);
  EXPECT_EQ(DaysBetween(t0 + absl::Hours(36), t0), -2);
  EXPECT_EQ(ToTime(true, ToTimestamp(t0 + absl::Nanoseconds(5))), t0 + absl::Nanoseconds(5));
}

// DaysBetween against its definition read literally (whole hours of the difference, truncated
// toward zero, then whole days rounded down), over differences of every sign, with and without
// fractions of a second and of an hour, from year 0001 to 9999; for absl::Times and for the same
// times as PlanTimes.
TEST(TimeTest, DaysBetweenMatchesItsDefinition) {
  const auto by_definition = [](absl::Time earlier, absl::Time later) -> int64_t {
    const int64_t hours = absl::ToInt64Hours(later - earlier);
    return hours / 24 - ((later < earlier && hours % 24 != 0) ? 1 : 0);
  };
  std::mt19937_64 random(7);
  const int64_t range = base::kMaxTimestampSeconds - base::kMinTimestampSeconds;
  for (int i = 0; i < 20000; ++i) {
    const absl::Time a =
        absl::FromUnixSeconds(base::kMinTimestampSeconds + static_cast<int64_t>(random() % range)) +
        absl::Nanoseconds(random() % 1000000000);
    absl::Duration step;
    switch (i % 4) {
      case 0: step = absl::Seconds(static_cast<int64_t>(random() % 400000) - 200000); break;
      case 1: step = absl::Hours(static_cast<int64_t>(random() % 200) - 100); break;
      case 2: step = absl::Nanoseconds(static_cast<int64_t>(random() % 4000000000) - 2000000000); break;
      default: step = absl::Hours(24 * (static_cast<int64_t>(random() % 20) - 10)) +
                      absl::Nanoseconds(static_cast<int64_t>(random() % 3) - 1); break;
    }
    const absl::Time b = a + step;
    ASSERT_EQ(DaysBetween(a, b), by_definition(a, b)) << a << " to " << b;
    ASSERT_EQ(DaysBetween(b, a), by_definition(b, a)) << b << " to " << a;
    // The integer form of the same times gives the same days, and ToPlanTime keeps a time whole.
    const PlanTime plan_a = ToPlanTime(a);
    const PlanTime plan_b = ToPlanTime(b);
    ASSERT_EQ(ToTime(plan_a), a);
    ASSERT_GE(plan_a.nanos, 0);
    ASSERT_LT(plan_a.nanos, 1000000000);
    ASSERT_EQ(DaysBetween(plan_a, plan_b), by_definition(a, b)) << a << " to " << b;
    ASSERT_EQ(DaysBetween(plan_b, plan_a), by_definition(b, a)) << b << " to " << a;
  }
}

// The epoch is a time like any other: presence, not a zero value, says whether a time is set.
TEST(TimeTest, EpochIsATime) {
  EXPECT_EQ(ToTime(true, google::protobuf::Timestamp()), absl::UnixEpoch());
  const PlanIndex index(PlanFromText(R"pb(team_members { id: "m" }
                                          persons { id: "p" }
                                          relationships {
                                            team_member_id: "m"
                                            person_id: "p"
                                            assessed_at {}
                                          })pb"));
  EXPECT_EQ(index.latest_time(), absl::UnixEpoch());
}

TEST(TimeTest, TimestampRangeIsProtobufs) {
  EXPECT_TRUE(base::InTimestampRange(absl::FromUnixSeconds(base::kMaxTimestampSeconds) +
                               absl::Nanoseconds(base::kMaxTimestampNanos)));
  EXPECT_FALSE(base::InTimestampRange(absl::FromUnixSeconds(base::kMaxTimestampSeconds + 1)));
  EXPECT_TRUE(base::InTimestampRange(absl::FromUnixSeconds(base::kMinTimestampSeconds)));
  EXPECT_FALSE(
      base::InTimestampRange(absl::FromUnixSeconds(base::kMinTimestampSeconds) - absl::Nanoseconds(1)));
  EXPECT_FALSE(base::InTimestampRange(absl::InfiniteFuture()));
  google::protobuf::Timestamp ts;
  ts.set_seconds(INT64_MAX);
  ts.set_nanos(-1);
  EXPECT_THAT(base::TimestampProblems(ts),
              ::testing::ElementsAre(::testing::StartsWith("seconds: must be between"),
                                     ::testing::StartsWith("nanos: must be between")));
  ts.set_seconds(0);
  ts.set_nanos(0);
  EXPECT_THAT(base::TimestampProblems(ts), IsEmpty());
}

// --- Time: "now", who has left, the last contact and touches, the grade history (docs/time.md) ---

const v1::Plan& LeavingPlan() {
  static const v1::Plan plan = PlanFromText(R"pb(
    as_of { seconds: 1000 }
    team_members { id: "t1" }
    team_members { id: "gone" left_at { seconds: 900 } }
    persons { id: "p1" left_at { seconds: 1000 } successor_id: "p2" }
    persons { id: "p2" }
    persons { id: "p3" key: true left_at { seconds: 2000 } }
    relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
    relationships { team_member_id: "t1" person_id: "p2" grade: SATISFIED }
    relationships { team_member_id: "gone" person_id: "p2" grade: OPEN }
    relationships { team_member_id: "t1" person_id: "p3" grade: OPEN }
  )pb");
  return plan;
}

TEST(PlanIndexTimeTest, LeftAtOrBeforeNowHasLeftAfterNowIsStillHere) {
  const PlanIndex index(LeavingPlan());
  EXPECT_EQ(index.now(), absl::FromUnixSeconds(1000));
  EXPECT_TRUE(index.has_left(0));  // exactly at now
  EXPECT_FALSE(index.has_left(1));
  EXPECT_FALSE(index.has_left(2));
  EXPECT_TRUE(index.leaving_later(2));
  EXPECT_TRUE(index.is_key(2));
  EXPECT_FALSE(index.member_has_left(0));
  EXPECT_TRUE(index.member_has_left(1));
  EXPECT_EQ(index.successor(0), 1);
  EXPECT_THAT(Vec(index.predecessors(1)), ElementsAre(0));
}

TEST(PlanIndexTimeTest, RelationshipsWithSomeoneWhoLeftAreHistoryOnly) {
  const PlanIndex index(LeavingPlan());
  EXPECT_THAT(Vec(index.graded()), ElementsAre(1, 3));
  EXPECT_THAT(Vec(index.graded_of_person(0)), IsEmpty());
  EXPECT_THAT(Vec(index.all_graded_of_person(0)), ElementsAre(0));
  EXPECT_THAT(Vec(index.graded_of_person(1)), ElementsAre(1));
  EXPECT_THAT(Vec(index.all_graded_of_member(1)), ElementsAre(2));
  EXPECT_THAT(Vec(index.relationships_of_member(1)), IsEmpty());
  EXPECT_EQ(index.grade_count(v1::TRUST), 0);
  EXPECT_TRUE(index.relationship_departed(0));
  EXPECT_FALSE(index.relationship_departed(1));
  EXPECT_FALSE(index.matters(0));
  // The cell itself is still there, for the views.
  EXPECT_EQ(index.FindCell(0, 0), 0);
}

TEST(PlanIndexTimeTest, TheAsOfOptionDecidesAndWithoutANowAnyLeftAtCounts) {
  const PlanIndex later(LeavingPlan(), absl::FromUnixSeconds(3000));
  EXPECT_TRUE(later.has_left(2));
  v1::Plan undated = PlanFromText(R"pb(persons { id: "p" left_at { seconds: 5 } })pb");
  // The left_at is the plan's only time, so it is "now", and counts.
  const PlanIndex index(undated);
  EXPECT_TRUE(index.has_left(0));
}

TEST(PlanIndexTimeTest, TheLatestTouchIsTheLastContactWhenNoneIsStated) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t" }
    persons { id: "p" }
    persons { id: "q" }
    relationships { team_member_id: "t" person_id: "p"
                    touches { at { seconds: 300 } direction: OUTBOUND }
                    touches { at { seconds: 100 } direction: INBOUND }
                    touches { at { seconds: 200 } direction: OUTBOUND } }
    relationships { team_member_id: "t" person_id: "q" last_contact_at { seconds: 50 }
                    touches { at { seconds: 400 } direction: TWO_WAY } }
  )pb");
  const PlanIndex index(plan);
  EXPECT_EQ(index.last_contact(0), absl::FromUnixSeconds(300));
  EXPECT_EQ(index.last_contact(1), absl::FromUnixSeconds(50));  // stated wins
  const TouchSummary& summary = index.touch_summary(0);
  EXPECT_EQ(summary.touches, 3);
  EXPECT_EQ(summary.last_inbound, absl::FromUnixSeconds(100));
  EXPECT_EQ(summary.trailing_outbound, 2);
  EXPECT_EQ(index.latest_time(), absl::FromUnixSeconds(400));
}

TEST(GradeHistoryTest, TheLatestChangeAndItsDate) {
  const v1::Plan plan = PlanFromText(R"pb(
    relationships { grade: DISSATISFIED assessed_at { seconds: 500 }
                    history { grade: OPEN at { seconds: 100 } }
                    history { grade: DISSATISFIED at { seconds: 300 } }
                    history { grade: SATISFIED at { seconds: 200 } } }
    relationships { grade: OPEN history { grade: OPEN at { seconds: 100 } } }
    relationships { grade: OPEN history { grade: SATISFIED at { seconds: 100 } } }
  )pb");
  const std::optional<GradeChangeSeen> fell = LatestGradeChange(plan.relationships(0));
  ASSERT_TRUE(fell.has_value());
  EXPECT_EQ(fell->from, v1::SATISFIED);
  EXPECT_EQ(fell->to, v1::DISSATISFIED);
  EXPECT_EQ(fell->at, absl::FromUnixSeconds(300));
  EXPECT_TRUE(fell->is_drop());
  const PlanIndex index(plan);
  EXPECT_TRUE(index.fell_within(0, absl::FromUnixSeconds(400), absl::Seconds(100)));
  EXPECT_FALSE(index.fell_within(0, absl::FromUnixSeconds(401), absl::Seconds(100)));
  EXPECT_FALSE(index.fell_within(0, absl::FromUnixSeconds(299), absl::Seconds(100)));  // not yet
  EXPECT_FALSE(index.fell_within(2, absl::FromUnixSeconds(400), absl::Hours(24000)));    // a rise
  EXPECT_FALSE(LatestGradeChange(plan.relationships(1)).has_value());
  const std::optional<GradeChangeSeen> rose = LatestGradeChange(plan.relationships(2));
  ASSERT_TRUE(rose.has_value());
  EXPECT_FALSE(rose->is_drop());
  EXPECT_FALSE(rose->at.has_value());  // the current grade has no assessed_at
}

// Histories read in place (dated entries oldest first) and sorted first (any other order) give
// what a plain reading gives: sort the dated, graded entries stably by date, then walk back from
// the current grade to the latest entry with another grade. Random histories of up to six entries,
// with undated and ungraded entries, equal dates, and a current grade with and without a date.
TEST(GradeHistoryTest, HistoriesInAnyOrderMatchAPlainReading) {
  uint32_t state = 11;
  const auto next = [&state](int below) {
    state = state * 1103515245u + 12345u;
    return static_cast<int>((state >> 16) % static_cast<uint32_t>(below));
  };
  int in_order = 0;
  int changes = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    const int32_t grade = next(8);  // GRADE_UNSPECIFIED .. TRUST
    const PlanTime assessed = next(4) == 0 ? PlanTime{} : PlanTime{.seconds = 1000 + next(5), .present = true};
    std::vector<GradeChangeRow> history(static_cast<size_t>(next(7)));
    for (GradeChangeRow& entry : history) {
      entry.grade = next(8);
      if (next(6) != 0) entry.at = PlanTime{.seconds = next(5) * 100, .nanos = next(2), .present = true};
    }
    if (trial % 2 == 0) {  // half of them oldest first
      // Undated entries first: they do not count, wherever they are.
      const auto key = [](const GradeChangeRow& entry) {
        return entry.at.present ? std::pair<int64_t, int32_t>(entry.at.seconds, entry.at.nanos)
                                : std::pair<int64_t, int32_t>(INT64_MIN, 0);
      };
      std::stable_sort(history.begin(), history.end(),
                       [&key](const auto& a, const auto& b) { return key(a) < key(b); });
    }
    std::optional<GradeChangeSeen> expected;
    if (grade != v1::GRADE_UNSPECIFIED) {
      std::vector<GradeChangeRow> timeline;
      for (const GradeChangeRow& entry : history) {
        if (entry.at.present && entry.grade != v1::GRADE_UNSPECIFIED) timeline.push_back(entry);
      }
      in_order += std::is_sorted(timeline.begin(), timeline.end(), [](const auto& a, const auto& b) {
        return std::pair(a.at.seconds, a.at.nanos) < std::pair(b.at.seconds, b.at.nanos);
      });
      std::stable_sort(timeline.begin(), timeline.end(), [](const auto& a, const auto& b) {
        return std::pair(a.at.seconds, a.at.nanos) < std::pair(b.at.seconds, b.at.nanos);
      });
      PlanTime later_at = assessed;
      for (auto it = timeline.rbegin(); it != timeline.rend(); ++it) {
        if (it->grade != grade) {
          expected = GradeChangeSeen{.from = static_cast<v1::Grade>(it->grade),
                                     .to = static_cast<v1::Grade>(grade), .at = ToTime(later_at)};
          break;
        }
        later_at = it->at;
      }
    }
    const std::optional<GradeChangeSeen> seen = LatestGradeChange(grade, assessed, history);
    ASSERT_EQ(seen.has_value(), expected.has_value()) << "trial " << trial;
    if (!seen) continue;
    ++changes;
    EXPECT_EQ(seen->from, expected->from) << "trial " << trial;
    EXPECT_EQ(seen->to, expected->to) << "trial " << trial;
    EXPECT_EQ(seen->at, expected->at) << "trial " << trial;
  }
  // Both ways of reading were taken, and many histories had a change.
  EXPECT_GT(in_order, 1000);
  EXPECT_LT(in_order, 3500);
  EXPECT_GT(changes, 1000);
}

}  // namespace
}  // namespace contactplan::model
