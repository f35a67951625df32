// NPS_DETRACTOR and NPS_DECLINING.
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/rules_test_support.h"
#include "support/text_plan.h"

namespace contactplan::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// Adds a person "p<n>" to the plan and returns it.
v1::Person* AddPerson(v1::Plan& plan) {
  v1::Person* person = plan.add_persons();
  person->set_id(absl::StrCat("p", plan.persons_size()));
  return person;
}

// Adds an answer `days_ago` days before Now(); undated when days_ago is unset.
void Answer(v1::Person* person, int32_t score, std::optional<double> days_ago) {
  v1::NpsAnswer* answer = person->add_nps_answers();
  answer->set_score(score);
  if (days_ago) SetTime(answer->mutable_answered_at(), DaysAgo(*days_ago));
}

// ---- NPS_DETRACTOR ----

TEST(NpsDetractorTest, SixIsADetractorSevenIsNot) {
  v1::Plan plan;
  v1::Person* dana = AddPerson(plan);
  dana->set_name("Dana Reyes");
  Answer(dana, 6, 10);
  Answer(AddPerson(plan), 7, 10);
  const v1::Finding f = Only(Evaluate(plan), "NPS_DETRACTOR");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(f.path(), "persons[0]");
  EXPECT_EQ(NumberOf(f, "nps_score"), 6);
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes"));
}

TEST(NpsDetractorTest, KeyPersonIsCritical) {
  v1::Plan plan;
  v1::Person* person = AddPerson(plan);
  person->set_level(v1::EXECUTIVE);
  Answer(person, 0, std::nullopt);
  EXPECT_EQ(Only(Evaluate(plan), "NPS_DETRACTOR").severity(), v1::CRITICAL);
}

TEST(NpsDetractorTest, OnlyTheLatestAnswerCounts) {
  v1::Plan recovered;
  v1::Person* person = AddPerson(recovered);
  Answer(person, 9, 5);  // listed first but answered last
  Answer(person, 2, 50);
  EXPECT_THAT(Codes(Evaluate(recovered)), Not(Contains("NPS_DETRACTOR")));

  v1::Plan fallen;
  person = AddPerson(fallen);
  Answer(person, 10, 50);
  Answer(person, 3, 5);
  EXPECT_EQ(NumberOf(Only(Evaluate(fallen), "NPS_DETRACTOR"), "nps_score"), 3);
}

TEST(NpsDetractorTest, NoAnswerNoFinding) {
  v1::Plan plan;
  AddPerson(plan);
  EXPECT_THAT(Codes(Evaluate(plan)), Not(Contains("NPS_DETRACTOR")));
}

TEST(NpsDetractorTest, ThresholdIsAnOption) {
  v1::Plan plan;
  Answer(AddPerson(plan), 7, 1);
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { nps_detractor_max: 7 }"})),
              Contains("NPS_DETRACTOR"));
  Answer(AddPerson(plan), 4, 1);
  EXPECT_THAT(WithCode(Evaluate(plan, {.options = "thresholds { nps_detractor_max: 3 }"}),
                       "NPS_DETRACTOR"),
              IsEmpty());
}

// ---- NPS_DECLINING ----

// Ten persons; before the window all passive (NPS 0).
v1::Plan TenPassives() {
  v1::Plan plan;
  for (int i = 0; i < 10; ++i) Answer(AddPerson(plan), 8, 120);
  return plan;
}

TEST(NpsDecliningTest, FromPromoterToDetractor) {
  v1::Plan plan;
  v1::Person* person = AddPerson(plan);
  person->set_name("Dana Reyes");
  Answer(person, 10, 100);
  Answer(person, 4, 3);
  const v1::Finding f = Only(Evaluate(plan, {.now = Now()}), "NPS_DECLINING");
  EXPECT_EQ(f.severity(), v1::WARNING);  // v2: a fall of 200 points is far beyond 30
  EXPECT_EQ(NumberOf(f, "nps_now"), -100);
  EXPECT_EQ(NumberOf(f, "nps_before"), 100);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes"));
}

TEST(NpsDecliningTest, ThirtyPointsOrMoreIsAWarning) {
  v1::Plan plan = TenPassives();
  for (int i = 0; i < 3; ++i) Answer(plan.mutable_persons(i), 3, 10);  // NPS 0 -> -30
  const v1::Finding f = Only(Evaluate(plan, {.now = Now()}), "NPS_DECLINING");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_DOUBLE_EQ(NumberOf(f, "nps_now"), -30);
  EXPECT_EQ(NumberOf(f, "nps_decline_warning_points"), 30);
  // Twenty points is still news, not yet a warning; the threshold is an option.
  v1::Plan twenty = TenPassives();
  for (int i = 0; i < 2; ++i) Answer(twenty.mutable_persons(i), 3, 10);
  EXPECT_EQ(Only(Evaluate(twenty, {.now = Now()}), "NPS_DECLINING").severity(), v1::INFO);
  EXPECT_EQ(Only(Evaluate(twenty, {.options = "thresholds { nps_decline_warning_points: 20 }",
                                   .now = Now()}),
                 "NPS_DECLINING")
                .severity(),
            v1::WARNING);
}

TEST(NpsDecliningTest, ExactlyTenPointsIsEnough) {
  v1::Plan plan = TenPassives();
  Answer(plan.mutable_persons(3), 6, 10);  // one detractor of ten: NPS 0 -> -10
  const v1::Finding f = Only(Evaluate(plan, {.now = Now()}), "NPS_DECLINING");
  EXPECT_DOUBLE_EQ(NumberOf(f, "nps_now"), -10);
  EXPECT_DOUBLE_EQ(NumberOf(f, "nps_before"), 0);
  EXPECT_THAT(f.person_ids(), ElementsAre("p4"));
}

TEST(NpsDecliningTest, LessThanTenPointsIsNot) {
  v1::Plan plan = TenPassives();
  Answer(AddPerson(plan), 8, 120);
  Answer(plan.mutable_persons(3), 6, 10);  // one detractor of eleven: NPS -9.09
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("NPS_DECLINING")));
}

TEST(NpsDecliningTest, RisingOrSteadyNpsIsQuiet) {
  v1::Plan plan = TenPassives();
  Answer(plan.mutable_persons(0), 10, 10);
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("NPS_DECLINING")));
}

TEST(NpsDecliningTest, AnswersAfterNowAreIgnored) {
  v1::Plan plan = TenPassives();
  Answer(plan.mutable_persons(0), 0, -5);  // five days after "now"
  Answer(plan.mutable_persons(1), 0, -5);
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("NPS_DECLINING")));
}

TEST(NpsDecliningTest, PersonsWithoutAnAnswerByThenAreNotCounted) {
  // Before: one promoter (NPS 100). Now: that promoter and a new detractor (NPS 0).
  v1::Plan plan;
  Answer(AddPerson(plan), 9, 100);
  Answer(AddPerson(plan), 5, 10);
  const v1::Finding f = Only(Evaluate(plan, {.now = Now()}), "NPS_DECLINING");
  EXPECT_EQ(NumberOf(f, "nps_before"), 100);
  EXPECT_EQ(NumberOf(f, "nps_now"), 0);
  EXPECT_EQ(NumberOf(f, "answered_before"), 1);
  EXPECT_EQ(NumberOf(f, "answered_now"), 2);
  EXPECT_THAT(f.person_ids(), ElementsAre("p2"));
}

TEST(NpsDecliningTest, NoAnswersAtEitherDateMeansNoTrend) {
  v1::Plan recent_only;
  Answer(AddPerson(recent_only), 0, 10);
  EXPECT_THAT(Codes(Evaluate(recent_only, {.now = Now()})), Not(Contains("NPS_DECLINING")));
  v1::Plan future_only;
  Answer(AddPerson(future_only), 0, -10);
  EXPECT_THAT(Codes(Evaluate(future_only, {.now = Now()})), Not(Contains("NPS_DECLINING")));
}

TEST(NpsDecliningTest, UndatedAnswersCountAtBothDatesUntilSuperseded) {
  // p1 answered 10 at some unknown time: a promoter at both dates. p2 was a promoter, now a
  // detractor: NPS 100 -> 0.
  v1::Plan plan;
  Answer(AddPerson(plan), 10, std::nullopt);
  v1::Person* p2 = AddPerson(plan);
  Answer(p2, 2, std::nullopt);
  Answer(p2, 9, 100);  // supersedes the undated 2 at both dates ...
  Answer(p2, 1, 1);    // ... until this one
  const v1::Finding f = Only(Evaluate(plan, {.now = Now()}), "NPS_DECLINING");
  EXPECT_EQ(NumberOf(f, "nps_before"), 100);
  EXPECT_EQ(NumberOf(f, "nps_now"), 0);
  EXPECT_THAT(f.person_ids(), ElementsAre("p2"));
}

TEST(NpsDecliningTest, AnAnswerExactlyAtTheEarlierDateCountsThere) {
  v1::Plan plan;
  v1::Person* person = AddPerson(plan);
  Answer(person, 10, 90);
  Answer(person, 0, 1);
  const v1::Finding f = Only(Evaluate(plan, {.now = Now()}), "NPS_DECLINING");
  EXPECT_EQ(NumberOf(f, "nps_before"), 100);
}

TEST(NpsDecliningTest, ADropOfExactlyThePointsSurvivesRounding) {
  // 5 promoters of 6 (83.33...) down to 2 of 6 (33.33...): exactly 50 points, which the doubles
  // put a hair under 50.
  v1::Plan plan;
  for (int i = 0; i < 6; ++i) Answer(AddPerson(plan), i < 5 ? 10 : 8, 120);
  for (int i = 2; i < 5; ++i) Answer(plan.mutable_persons(i), 8, 10);
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { nps_decline_points: 50 }",
                                    .now = Now()})),
              Contains("NPS_DECLINING"));
}

TEST(NpsDecliningTest, OfTwoAnswersAtTheSameTimeTheLaterInTheListCounts) {
  // As for NPS_DETRACTOR (PlanIndex::latest_nps): the second answer of the same moment wins.
  v1::Plan plan;
  v1::Person* person = AddPerson(plan);
  Answer(person, 10, 120);
  Answer(person, 9, 10);
  Answer(person, 0, 10);
  EXPECT_EQ(NumberOf(Only(Evaluate(plan, {.now = Now()}), "NPS_DECLINING"), "nps_now"), -100);
}

TEST(NpsDecliningTest, SkippedWithoutNow) {
  v1::Plan plan;
  v1::Person* person = AddPerson(plan);
  Answer(person, 10, 100);
  Answer(person, 0, 3);
  EXPECT_THAT(WithCode(Evaluate(plan), "NPS_DECLINING"), IsEmpty());
}

TEST(NpsDecliningTest, WindowAndPointsAreOptions) {
  v1::Plan plan = TenPassives();  // answered 120 days ago
  Answer(plan.mutable_persons(3), 6, 10);
  Answer(plan.mutable_persons(4), 6, 10);  // NPS 0 -> -20
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { nps_decline_points: 20 }",
                                    .now = Now()})),
              Contains("NPS_DECLINING"));
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { nps_decline_points: 21 }",
                                    .now = Now()})),
              Not(Contains("NPS_DECLINING")));
  // With a 130-day window the earlier date falls before any answer: no trend.
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { nps_decline_window_days: 130 }",
                                    .now = Now()})),
              Not(Contains("NPS_DECLINING")));
  // With a 5-day window both dates see the same answers.
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { nps_decline_window_days: 5 }",
                                    .now = Now()})),
              Not(Contains("NPS_DECLINING")));
}

}  // namespace
}  // namespace contactplan::testing
