// NO_MENTOR, LATE_PREFERRED_STRATEGY, QUALIFICATION_INCOMPLETE.
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

// ---- NO_MENTOR ----

TEST(NoMentorTest, OpenOpportunityWithoutAMentorNamesTheSupporters) {
  const v1::Finding f = Only(Evaluate(R"pb(
    persons { id: "p1" name: "Dana Reyes" }
    persons { id: "p2" }
    persons { id: "p3" name: "Lee Park" }
    opportunities { id: "o1" name: "ERP renewal"
                    participants { person_id: "p1" preference: SUPPORTER }
                    participants { person_id: "p2" preference: NEUTRAL }
                    participants { person_id: "p3" preference: SUPPORTER } }
  )pb"), "NO_MENTOR");
  EXPECT_EQ(f.severity(), v1::CRITICAL);
  EXPECT_EQ(f.opportunity_id(), "o1");
  EXPECT_THAT(f.person_ids(), ElementsAre("p1", "p3"));
  EXPECT_EQ(f.path(), "opportunities[0]");
  EXPECT_EQ(NumberOf(f, "participants"), 3);
  EXPECT_THAT(f.message(), HasSubstr("ERP renewal"));
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes and Lee Park"));
}

TEST(NoMentorTest, OneMentorIsEnough) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    persons { id: "p1" } persons { id: "p2" }
    opportunities { id: "o1" participants { person_id: "p1" preference: ENEMY }
                             participants { person_id: "p2" preference: MENTOR } }
  )pb")), Not(Contains("NO_MENTOR")));
}

TEST(NoMentorTest, NoParticipantsOrClosedIsNotReported) {
  EXPECT_THAT(WithCode(Evaluate(R"pb(
    persons { id: "p1" }
    opportunities { id: "o1" }
    opportunities { id: "o2" closed: true participants { person_id: "p1" preference: SUPPORTER } }
  )pb"), "NO_MENTOR"), IsEmpty());
}

// ---- LATE_PREFERRED_STRATEGY ----

TEST(LatePreferredStrategyTest, PreferredAtEvaluateRiskOrLater) {
  const std::vector<v1::Finding> findings = WithCode(Evaluate(R"pb(
    opportunities { id: "o1" stage: EVALUATE_ALTERNATIVES competitive_strategy: PREFERRED }
    opportunities { id: "o2" stage: EVALUATE_RISK competitive_strategy: PREFERRED }
    opportunities { id: "o3" stage: NEGOTIATE_CLOSE competitive_strategy: PREFERRED }
    opportunities { id: "o4" stage: NEGOTIATE_CLOSE competitive_strategy: HEAD_TO_HEAD }
    opportunities { id: "o5" stage: NEGOTIATE_CLOSE competitive_strategy: PREFERRED closed: true }
  )pb"), "LATE_PREFERRED_STRATEGY");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].severity(), v1::INFO);
  EXPECT_EQ(findings[0].opportunity_id(), "o2");
  EXPECT_EQ(findings[0].path(), "opportunities[1]");
  EXPECT_EQ(findings[1].opportunity_id(), "o3");
}

// ---- QUALIFICATION_INCOMPLETE ----

TEST(QualificationIncompleteTest, NamesTheMissingAnswers) {
  const v1::Finding f = Only(Evaluate(R"pb(
    opportunities { id: "o1" stage: EVALUATE_ALTERNATIVES
                    qualification { pain_admitted: true vision_agreed: true } }
  )pb"), "QUALIFICATION_INCOMPLETE");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_EQ(f.opportunity_id(), "o1");
  EXPECT_EQ(NumberOf(f, "missing_answers"), 2);
  EXPECT_THAT(f.message(), HasSubstr("lacks access to power and value agreed as compelling"));
  EXPECT_THAT(f.message(), Not(HasSubstr("admitted pain")));
}

TEST(QualificationIncompleteTest, LateGapsAreAWarningAndMissingPowerThereIsCritical) {
  const v1::Finding warning = Only(Evaluate(R"pb(
    opportunities { id: "o1" stage: EVALUATE_RISK qualification { access_to_power: true } }
  )pb"), "QUALIFICATION_INCOMPLETE");
  EXPECT_EQ(warning.severity(), v1::WARNING);
  EXPECT_THAT(warning.message(), HasSubstr("evaluating risk or closing"));
  for (const char* stage : {"EVALUATE_RISK", "NEGOTIATE_CLOSE"}) {
    const v1::Finding critical = Only(
        Evaluate(absl::StrCat(R"pb(opportunities { id: "o1" stage: )pb", stage, R"pb(
                                 qualification { pain_admitted: true vision_agreed: true
                                                 value_agreed: true } })pb")),
        "QUALIFICATION_INCOMPLETE");
    EXPECT_EQ(critical.severity(), v1::CRITICAL) << stage;
    EXPECT_EQ(NumberOf(critical, "missing_answers"), 1) << stage;
  }
  // At EVALUATE_ALTERNATIVES even missing access to power is still INFO (see NamesTheMissingAnswers).
}

TEST(QualificationIncompleteTest, OnlyPastDetermineNeedsAndOnlyWhenSomethingIsMissing) {
  EXPECT_THAT(WithCode(Evaluate(R"pb(
    opportunities { id: "o1" stage: DETERMINE_NEEDS }
    opportunities { id: "o2" }
    opportunities { id: "o3" stage: NEGOTIATE_CLOSE
                    qualification { pain_admitted: true access_to_power: true
                                    vision_agreed: true value_agreed: true } }
    opportunities { id: "o4" stage: EVALUATE_RISK closed: true }
  )pb"), "QUALIFICATION_INCOMPLETE"), IsEmpty());
  const v1::Finding all_missing = Only(
      Evaluate(R"pb(opportunities { id: "o1" stage: NEGOTIATE_CLOSE })pb"), "QUALIFICATION_INCOMPLETE");
  EXPECT_EQ(NumberOf(all_missing, "missing_answers"), 4);
  EXPECT_THAT(all_missing.message(),
              HasSubstr("lacks admitted pain, access to power, an agreed vision of the solution and "
                        "value agreed as compelling;"));
}

}  // namespace
}  // namespace contactplan::testing
