#include "contactplan/validation.h"

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"
#include "validate/problem_printer.h"

namespace contactplan {
namespace {

using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ReadFileOrFail;
using ::contactplan::testing::TestDataPath;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

ValidationProblem Problem(std::string path, std::string message) {
  return {std::move(path), std::move(message), false};
}
ValidationProblem OverLimit(std::string path, std::string message) {
  return {std::move(path), std::move(message), true};
}

std::vector<ValidationProblem> Validate(std::string_view plan_text, std::string_view limits = "") {
  v1::Limits parsed;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(std::string(limits), &parsed)) << limits;
  return ValidatePlan(PlanFromText(plan_text), parsed);
}

// --- Valid plans ---------------------------------------------------------------------------------

TEST(ValidatePlanTest, EmptyPlanIsValid) { EXPECT_THAT(ValidatePlan(v1::Plan()), IsEmpty()); }

TEST(ValidatePlanTest, FullPlanIsValid) {
  EXPECT_THAT(Validate(R"pb(
    schema_version: 1
    as_of { seconds: 1700000000 }
    account { id: "acme" name: "Acme" motivation: EXPANSION category: CO_CREATION }
    team_members { id: "t1" level: EXECUTIVE capacity: 0 }
    team_members { id: "t2" level: OPERATIONAL capacity: 12.5 }
    persons { id: "p1" level: EXECUTIVE buyer_roles: [ POWER, EVANGELIST ] key: true }
    persons {
      id: "p2"
      reports_to_id: "p1"
      influences { person_id: "p1" }
      relationship_level: VENDOR
      desired_relationship_level: TRUSTED_ADVISOR
      relationship_type: COLLABORATIVE
      nps_answers { score: 0 answered_at { seconds: -62135596800 } }
      nps_answers { score: 10 answered_at { seconds: 253402300799 nanos: 999999999 } }
    }
    persons { id: "t1" reports_to_id: "p2" }
    relationships {
      team_member_id: "t1"
      person_id: "p1"
      grade: TRUST
      desired_grade: TRUST
      history { grade: OPEN at { seconds: 1600000000 } }
    }
    relationships { team_member_id: "t2" person_id: "p1" }
    relationships { team_member_id: "t1" person_id: "p2" grade: MOTIVATED_TO_CHANGE }
    opportunities {
      id: "o1"
      stage: NEGOTIATE_CLOSE
      competitive_strategy: STALL
      participants { person_id: "p1" buying_role: DECISION_MAKER preference: MENTOR }
      participants { person_id: "p2" buying_role: USER desired_preference: SUPPORTER }
      value: -5
    }
    opportunities { id: "o2" participants { person_id: "p1" } }
    blueprint {
      person_id: "p2"
      team_member_id: "t2"
      goal { grade: SATISFIED relationship_level: CREDIBLE_SOURCE preference: NEUTRAL }
      strategies: [ RECIPROCITY, UNITY ]
      tactics { description: "workshop" owner_id: "t1" }
      tactics { description: "lunch" }
      horizon_days: 90
    }
    blueprint { person_id: "p2" team_member_id: "t2" horizon_days: 30 }
    blueprint { person_id: "p1" team_member_id: "t1" horizon_days: 60 }
  )pb"),
              IsEmpty());
}

// --- Ids -----------------------------------------------------------------------------------------

TEST(ValidatePlanTest, IdsMustNotBeEmpty) {
  EXPECT_THAT(Validate(R"pb(
                account {}
                team_members {}
                persons { id: "p1" }
                persons { name: "Ann" }
                opportunities {}
              )pb"),
              ElementsAre(Problem("team_members[0].id", "must not be empty"),
                          Problem("persons[1].id", "must not be empty"),
                          Problem("opportunities[0].id", "must not be empty")));
}

TEST(ValidatePlanTest, RepeatedIdsNameTheFirstUseWithinTheirKind) {
  EXPECT_THAT(Validate(R"pb(
                team_members { id: "x" }
                team_members { id: "x" }
                persons { id: "x" }
                persons { id: "p-3" }
                persons { id: "p-3" }
                persons { id: "p-3" }
                opportunities { id: "x" }
                opportunities { id: "o" }
                opportunities { id: "o" }
              )pb"),
              ElementsAre(Problem("team_members[1].id", R"("x" is already used by team_members[0])"),
                          Problem("persons[2].id", R"("p-3" is already used by persons[1])"),
                          Problem("persons[3].id", R"("p-3" is already used by persons[1])"),
                          Problem("opportunities[2].id",
                                  R"("o" is already used by opportunities[1])")));
}

// --- References ----------------------------------------------------------------------------------

TEST(ValidatePlanTest, DanglingReferencesNameTheMissingId) {
  EXPECT_THAT(
      Validate(R"pb(
        team_members { id: "t1" }
        persons { id: "p1" reports_to_id: "p-0" influences { person_id: "p-8" } }
        relationships { team_member_id: "t-4" person_id: "p-9" }
        opportunities { id: "o1" participants { person_id: "p-7" } }
        blueprint {
          person_id: "p-6"
          team_member_id: "t-5"
          tactics { owner_id: "t-3" }
        }
      )pb"),
      ElementsAre(Problem("persons[0].reports_to_id", R"(no person "p-0")"),
                  Problem("persons[0].influences[0].person_id", R"(no person "p-8")"),
                  Problem("relationships[0].team_member_id", R"(no team member "t-4")"),
                  Problem("relationships[0].person_id", R"(no person "p-9")"),
                  Problem("opportunities[0].participants[0].person_id", R"(no person "p-7")"),
                  Problem("blueprint[0].person_id", R"(no person "p-6")"),
                  Problem("blueprint[0].team_member_id", R"(no team member "t-5")"),
                  Problem("blueprint[0].tactics[0].owner_id", R"(no team member "t-3")")));
}

TEST(ValidatePlanTest, ReferencesGoToTheirOwnKind) {
  // A team member's id does not make a person, nor the other way round.
  EXPECT_THAT(Validate(R"pb(
                team_members { id: "t1" }
                persons { id: "p1" }
                relationships { team_member_id: "p1" person_id: "t1" }
              )pb"),
              ElementsAre(Problem("relationships[0].team_member_id", R"(no team member "p1")"),
                          Problem("relationships[0].person_id", R"(no person "t1")")));
}

TEST(ValidatePlanTest, RequiredReferencesMustNotBeEmpty) {
  EXPECT_THAT(Validate(R"pb(
                persons { id: "p1" influences {} }
                relationships {}
                opportunities { id: "o1" participants {} }
                blueprint {}
              )pb"),
              ElementsAre(Problem("persons[0].influences[0].person_id", "must not be empty"),
                          Problem("relationships[0].team_member_id", "must not be empty"),
                          Problem("relationships[0].person_id", "must not be empty"),
                          Problem("opportunities[0].participants[0].person_id", "must not be empty"),
                          Problem("blueprint[0].person_id", "must not be empty"),
                          Problem("blueprint[0].team_member_id", "must not be empty")));
}

TEST(ValidatePlanTest, OptionalReferencesMayBeEmpty) {
  EXPECT_THAT(Validate(R"pb(
                team_members { id: "t1" }
                persons { id: "p1" reports_to_id: "" }
                blueprint { person_id: "p1" team_member_id: "t1" tactics { owner_id: "" } }
              )pb"),
              IsEmpty());
}

TEST(ValidatePlanTest, NobodyReportsToOrInfluencesThemselves) {
  EXPECT_THAT(
      Validate(R"pb(
        persons { id: "p1" reports_to_id: "p1" influences { person_id: "p1" } }
      )pb"),
      ElementsAre(Problem("persons[0].reports_to_id",
                          R"("p1" is this person's own id: a person cannot report to themselves)"),
                  Problem("persons[0].influences[0].person_id",
                          R"("p1" is this person's own id: a person cannot influence themselves)")));
}

TEST(ValidatePlanTest, RepeatedIntersectionNamesTheFirstRelationship) {
  EXPECT_THAT(
      Validate(R"pb(
        team_members { id: "t1" }
        team_members { id: "t2" }
        persons { id: "p1" }
        persons { id: "p2" }
        relationships { team_member_id: "t1" person_id: "p1" }
        relationships { team_member_id: "t1" person_id: "p2" }
        relationships { team_member_id: "t2" person_id: "p2" }
        relationships { team_member_id: "t1" person_id: "p2" grade: TRUST }
        relationships { team_member_id: "t1" person_id: "p2" }
      )pb"),
      ElementsAre(
          Problem("relationships[3]",
                  R"(repeats the intersection of team member "t1" and person "p2" (relationships[1]))"),
          Problem("relationships[4]",
                  R"(repeats the intersection of team member "t1" and person "p2" (relationships[1]))")));
}

TEST(ValidatePlanTest, PersonTakesPartOnceInEachOpportunity) {
  EXPECT_THAT(Validate(R"pb(
                persons { id: "p1" }
                persons { id: "p2" }
                opportunities {
                  id: "o1"
                  participants { person_id: "p1" }
                  participants { person_id: "p2" }
                  participants { person_id: "p1" buying_role: APPROVER }
                }
                opportunities { id: "o2" participants { person_id: "p1" } }
              )pb"),
              ElementsAre(Problem("opportunities[0].participants[2].person_id",
                                  R"(person "p1" already takes part as participants[0])")));
}

// --- Reporting cycles and depth ------------------------------------------------------------------

TEST(ValidatePlanTest, TwoPersonCycle) {
  EXPECT_THAT(Validate(R"pb(
                persons { id: "p-1" }
                persons { id: "p-4" reports_to_id: "p-7" }
                persons { id: "p-7" reports_to_id: "p-4" }
              )pb"),
              ElementsAre(Problem("persons[1].reports_to_id", "reporting cycle p-4 -> p-7 -> p-4")));
}

TEST(ValidatePlanTest, LongCycleStartsAtItsFirstMemberInThePlan) {
  EXPECT_THAT(Validate(R"pb(
                persons { id: "a" reports_to_id: "c" }
                persons { id: "b" reports_to_id: "a" }
                persons { id: "c" reports_to_id: "d" }
                persons { id: "d" reports_to_id: "b" }
              )pb"),
              ElementsAre(Problem("persons[0].reports_to_id", "reporting cycle a -> c -> d -> b -> a")));
}

TEST(ValidatePlanTest, SeparateCyclesAreEachReportedOnceAndTailsNotAtAll) {
  EXPECT_THAT(Validate(R"pb(
                persons { id: "tail" reports_to_id: "x" }
                persons { id: "a" reports_to_id: "b" }
                persons { id: "b" reports_to_id: "a" }
                persons { id: "x" reports_to_id: "y" }
                persons { id: "y" reports_to_id: "x" }
                persons { id: "tail2" reports_to_id: "tail" }
              )pb"),
              ElementsAre(Problem("persons[1].reports_to_id", "reporting cycle a -> b -> a"),
                          Problem("persons[3].reports_to_id", "reporting cycle x -> y -> x")));
}

TEST(ValidatePlanTest, VeryLongCycleNamesItsFirstMembersAndCountsTheRest) {
  v1::Plan plan;
  constexpr int kPersons = 25;
  for (int p = 0; p < kPersons; ++p) {
    v1::Person* person = plan.add_persons();
    person->set_id(absl::StrCat("p", p));
    person->set_reports_to_id(absl::StrCat("p", (p + 1) % kPersons));
  }
  EXPECT_THAT(ValidatePlan(plan),
              ElementsAre(Problem("persons[0].reports_to_id",
                                  "reporting cycle p0 -> p1 -> p2 -> p3 -> p4 -> p5 -> p6 -> p7 -> "
                                  "p8 -> p9 -> ... (15 more persons) -> p0")));
}

v1::Plan ChainPlan(int persons) {
  v1::Plan plan;
  for (int p = 0; p < persons; ++p) {
    v1::Person* person = plan.add_persons();
    person->set_id(absl::StrCat("p", p));
    if (p > 0) person->set_reports_to_id(absl::StrCat("p", p - 1));
  }
  return plan;
}

TEST(ValidatePlanTest, DeepChainValidatesWithoutRecursion) {
  v1::Limits limits;
  limits.set_max_org_chart_depth(200000);
  EXPECT_THAT(ValidatePlan(ChainPlan(200000), limits), IsEmpty());
}

TEST(ValidatePlanTest, OrgChartDepthIsReportedOnceAtTheDeepestPerson) {
  v1::Limits limits;
  limits.set_max_org_chart_depth(3);
  EXPECT_THAT(ValidatePlan(ChainPlan(5), limits),
              ElementsAre(OverLimit("persons[4].reports_to_id",
                                    "5 levels of reporting exceed the limit of 3 "
                                    "(limits.max_org_chart_depth)")));
  EXPECT_THAT(ValidatePlan(ChainPlan(200000)),
              ElementsAre(OverLimit("persons[199999].reports_to_id",
                                    "200000 levels of reporting exceed the limit of 10000 "
                                    "(limits.max_org_chart_depth)")));
}

// --- Out-of-range values -------------------------------------------------------------------------

TEST(ValidatePlanTest, UnknownEnumNumbersFromBinaryAreOutOfRange) {
  // Relationship.grade (field 3) = 42 and desired_grade (field 7) = 7, as a newer writer would send.
  v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
  )pb");
  v1::Relationship relationship;
  relationship.set_team_member_id("t1");
  relationship.set_person_id("p1");
  std::string bytes = relationship.SerializeAsString();
  bytes += std::string("\x18\x2a\x38\x07", 4);
  ASSERT_TRUE(plan.add_relationships()->ParseFromString(bytes));
  ASSERT_EQ(plan.relationships(0).grade(), 42);
  EXPECT_THAT(ValidatePlan(plan),
              ElementsAre(Problem("relationships[0].grade", "42 is not a defined Grade value"),
                          Problem("relationships[0].desired_grade", "7 is not a defined Grade value")));
}

TEST(ValidatePlanTest, UnknownEnumNumbersInRepeatedFields) {
  v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" buyer_roles: [ POWER ] }
    blueprint { person_id: "p1" team_member_id: "t1" strategies: [ UNITY ] }
  )pb");
  plan.mutable_persons(0)->add_buyer_roles(static_cast<v1::Person::BuyerRole>(-1));
  plan.mutable_blueprint(0)->add_strategies(static_cast<v1::InfluenceStrategy>(8));
  EXPECT_THAT(ValidatePlan(plan),
              ElementsAre(Problem("persons[0].buyer_roles[1]", "-1 is not a defined BuyerRole value"),
                          Problem("blueprint[0].strategies[1]",
                                  "8 is not a defined InfluenceStrategy value")));
}

TEST(ValidatePlanTest, NpsScoreOutside0To10) {
  EXPECT_THAT(Validate(R"pb(
                persons {
                  id: "p1"
                  nps_answers { score: -1 }
                  nps_answers { score: 0 }
                  nps_answers { score: 10 }
                  nps_answers { score: 11 }
                }
              )pb"),
              ElementsAre(Problem("persons[0].nps_answers[0].score", "must be between 0 and 10, got -1"),
                          Problem("persons[0].nps_answers[3].score",
                                  "must be between 0 and 10, got 11")));
}

TEST(ValidatePlanTest, CapacityMustBeFiniteAndNotNegative) {
  v1::Plan plan;
  for (const double capacity : {0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    v1::TeamMember* member = plan.add_team_members();
    member->set_id(absl::StrCat("t", plan.team_members_size()));
    member->set_capacity(capacity);
  }
  plan.add_team_members()->set_id("unset");
  EXPECT_THAT(ValidatePlan(plan),
              ElementsAre(Problem("team_members[1].capacity",
                                  "must be a finite number of at least 0, got -1"),
                          Problem("team_members[2].capacity",
                                  "must be a finite number of at least 0, got nan"),
                          Problem("team_members[3].capacity",
                                  "must be a finite number of at least 0, got inf")));
}

TEST(ValidatePlanTest, OpportunityValueMustBeFinite) {
  v1::Plan plan;
  v1::Opportunity* opportunity = plan.add_opportunities();
  opportunity->set_id("o1");
  opportunity->set_value(-std::numeric_limits<double>::infinity());
  EXPECT_THAT(ValidatePlan(plan),
              ElementsAre(Problem("opportunities[0].value", "must be a finite number, got -inf")));
}

TEST(ValidatePlanTest, HorizonMustBe30Or60Or90) {
  EXPECT_THAT(Validate(R"pb(
                team_members { id: "t1" }
                persons { id: "p1" }
                blueprint { person_id: "p1" team_member_id: "t1" horizon_days: 45 }
                blueprint { person_id: "p1" team_member_id: "t1" horizon_days: -30 }
              )pb"),
              ElementsAre(Problem("blueprint[0].horizon_days",
                                  "must be 30, 60 or 90 (0 for unset), got 45"),
                          Problem("blueprint[1].horizon_days",
                                  "must be 30, 60 or 90 (0 for unset), got -30")));
}

TEST(ValidatePlanTest, TimestampsOutsideTheirRange) {
  EXPECT_THAT(
      Validate(R"pb(
        as_of { seconds: 253402300800 }
        persons { id: "p1" nps_answers { score: 5 answered_at { seconds: -62135596801 } } }
        opportunities { id: "o1" expected_close_at { nanos: -1 } }
        team_members { id: "t1" }
        blueprint {
          person_id: "p1"
          team_member_id: "t1"
          tactics { due_at { seconds: 1 nanos: 1000000000 } }
        }
      )pb"),
      ElementsAre(
          Problem("as_of.seconds",
                  "must be between -62135596800 (0001-01-01T00:00:00Z) and 253402300799 "
                  "(9999-12-31T23:59:59Z), got 253402300800"),
          Problem("persons[0].nps_answers[0].answered_at.seconds",
                  "must be between -62135596800 (0001-01-01T00:00:00Z) and 253402300799 "
                  "(9999-12-31T23:59:59Z), got -62135596801"),
          Problem("opportunities[0].expected_close_at.nanos",
                  "must be between 0 and 999999999, got -1"),
          Problem("blueprint[0].tactics[0].due_at.nanos",
                  "must be between 0 and 999999999, got 1000000000")));
}

TEST(ValidatePlanTest, SchemaVersionNewerThanTheLibrary) {
  EXPECT_THAT(Validate("schema_version: 0"), IsEmpty());
  EXPECT_THAT(Validate("schema_version: 1"), IsEmpty());
  EXPECT_THAT(Validate("schema_version: 2"),
              ElementsAre(Problem("schema_version",
                                  "2 is newer than 1, the newest schema version this library "
                                  "reads; use a newer contactplan")));
}

// --- Limits --------------------------------------------------------------------------------------

TEST(ValidatePlanTest, EntityCountsOverTheirLimits) {
  EXPECT_THAT(
      Validate(R"pb(
                 team_members { id: "t1" }
                 team_members { id: "t2" }
                 persons { id: "p1" }
                 persons { id: "p2" }
                 relationships { team_member_id: "t1" person_id: "p1" }
                 relationships { team_member_id: "t1" person_id: "p2" }
                 opportunities { id: "o1" }
                 opportunities { id: "o2" }
                 blueprint { person_id: "p1" team_member_id: "t1" }
                 blueprint { person_id: "p2" team_member_id: "t1" }
               )pb",
               R"pb(
                 max_team_members: 1
                 max_persons: 1
                 max_relationships: 1
                 max_opportunities: 1
                 max_blueprint_entries: 0
               )pb"),
      ElementsAre(
          OverLimit("team_members",
                    "2 team members exceed the limit of 1 (limits.max_team_members)"),
          OverLimit("persons", "2 persons exceed the limit of 1 (limits.max_persons)"),
          OverLimit("relationships",
                    "2 relationships exceed the limit of 1 (limits.max_relationships)"),
          OverLimit("opportunities",
                    "2 opportunities exceed the limit of 1 (limits.max_opportunities)"),
          OverLimit("blueprint",
                    "2 blueprint entries exceed the limit of 0 (limits.max_blueprint_entries)")));
}

TEST(ValidatePlanTest, HistoryAndNpsAnswersOverTheirLimit) {
  EXPECT_THAT(
      Validate(R"pb(
                 team_members { id: "t1" }
                 persons { id: "p1" nps_answers { score: 1 } }
                 persons { id: "p2" nps_answers { score: 1 } nps_answers { score: 2 } }
                 relationships { team_member_id: "t1" person_id: "p1" history {} history {} }
               )pb",
               "max_history_entries: 1"),
      ElementsAre(OverLimit("persons[1].nps_answers",
                            "2 NPS answers exceed the limit of 1 (limits.max_history_entries)"),
                  OverLimit("relationships[0].history",
                            "2 history entries exceed the limit of 1 (limits.max_history_entries)")));
  EXPECT_THAT(Validate(R"pb(persons { id: "p1" nps_answers { score: 1 } })pb",
                       "max_history_entries: 0"),
              ElementsAre(OverLimit("persons[0].nps_answers",
                                    "1 NPS answer exceeds the limit of 0 "
                                    "(limits.max_history_entries)")));
}

TEST(ValidatePlanTest, CountsAreCheckedBeforeAnythingElse) {
  // The plan also has a dangling reference and a long string: only the count is reported.
  EXPECT_THAT(Validate(R"pb(
                         persons { id: "p1" reports_to_id: "nobody" }
                         persons { id: "p2" notes: "far too long" }
                       )pb",
                       "max_persons: 1 max_string_bytes: 4"),
              ElementsAre(OverLimit("persons", "2 persons exceed the limit of 1 (limits.max_persons)")));
}

TEST(ValidatePlanTest, StringsOverTheByteLimit) {
  EXPECT_THAT(
      Validate(R"pb(
                 account { name: "Acme Corporation" }
                 persons { id: "p1" title: "1234" department: "12345" }
               )pb",
               "max_string_bytes: 4"),
      ElementsAre(OverLimit("account.name", "16 bytes exceed the limit of 4 (limits.max_string_bytes)"),
                  OverLimit("persons[0].department",
                            "5 bytes exceed the limit of 4 (limits.max_string_bytes)")));
}

TEST(ValidatePlanTest, LongIdsAreBothTooLongAndStillChecked) {
  const std::string id(70, 'x');
  v1::Plan plan;
  plan.add_persons()->set_id(id);
  plan.add_persons()->set_id(id);
  v1::Limits limits;
  limits.set_max_string_bytes(64);
  const std::string echoed = absl::StrCat("\"", std::string(64, 'x'), "\"\u2026(70 bytes)");
  EXPECT_THAT(
      ValidatePlan(plan, limits),
      ElementsAre(
          OverLimit("persons[0].id", "70 bytes exceed the limit of 64 (limits.max_string_bytes)"),
          OverLimit("persons[1].id", "70 bytes exceed the limit of 64 (limits.max_string_bytes)"),
          Problem("persons[1].id", absl::StrCat(echoed, " is already used by persons[0]"))));
}

TEST(ValidatePlanTest, EchoedValuesAreEscapedOntoOneLine) {
  v1::Plan plan;
  plan.add_persons()->set_id("p1");
  plan.mutable_persons(0)->set_reports_to_id("line\nbreak \"quoted\" caf\xc3\xa9");
  EXPECT_THAT(ValidatePlan(plan),
              ElementsAre(Problem("persons[0].reports_to_id",
                                  R"(no person "line\nbreak \"quoted\" café")")));
}

TEST(ValidatePlanTest, OutOfRangeLimitIsNamed) {
  v1::Limits limits;
  limits.set_max_string_bytes(0);
  EXPECT_THAT(ValidatePlan(v1::Plan(), limits),
              ElementsAre(Problem("limits.max_string_bytes",
                                  "must be between 1 and 4294967295, got 0")));
}

// --- Everything at once --------------------------------------------------------------------------

TEST(ValidatePlanTest, EveryProblemIsReportedInPlanOrder) {
  EXPECT_THAT(
      Validate(R"pb(
        schema_version: 9
        team_members { id: "t1" capacity: -2 }
        team_members { id: "t1" }
        persons { id: "p1" reports_to_id: "p2" nps_answers { score: 12 } }
        persons { id: "p2" reports_to_id: "p1" }
        persons { id: "" }
        relationships { team_member_id: "t1" person_id: "p-9" }
        relationships { team_member_id: "t1" person_id: "p1" }
        relationships { team_member_id: "t1" person_id: "p1" }
        opportunities { id: "o1" participants { person_id: "p3" } }
        blueprint { person_id: "p1" team_member_id: "t1" horizon_days: 7 }
      )pb"),
      ElementsAre(
          Problem("schema_version",
                  "9 is newer than 1, the newest schema version this library reads; use a newer "
                  "contactplan"),
          Problem("team_members[0].capacity", "must be a finite number of at least 0, got -2"),
          Problem("team_members[1].id", R"("t1" is already used by team_members[0])"),
          Problem("persons[0].reports_to_id", "reporting cycle p1 -> p2 -> p1"),
          Problem("persons[0].nps_answers[0].score", "must be between 0 and 10, got 12"),
          Problem("persons[2].id", "must not be empty"),
          Problem("relationships[0].person_id", R"(no person "p-9")"),
          Problem("relationships[2]",
                  R"(repeats the intersection of team member "t1" and person "p1" (relationships[1]))"),
          Problem("opportunities[0].participants[0].person_id", R"(no person "p3")"),
          Problem("blueprint[0].horizon_days", "must be 30, 60 or 90 (0 for unset), got 7")));
}

// --- Shared invalid plans in tests/data/bad ------------------------------------------------------

TEST(ValidatePlanTest, BadTextPlanFromTestData) {
  v1::Plan plan;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      ReadFileOrFail(TestDataPath("bad/broken_references.txtpb")), &plan));
  EXPECT_THAT(ValidatePlan(plan),
              ElementsAre(Problem("persons[1].reports_to_id", "reporting cycle p-2 -> p-3 -> p-2"),
                          Problem("relationships[1].person_id", R"(no person "p-9")"),
                          Problem("relationships[2]",
                                  "repeats the intersection of team member \"t-1\" and person "
                                  "\"p-1\" (relationships[0])")));
}

TEST(ValidatePlanTest, BadJsonPlanFromTestData) {
  v1::Plan plan;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  ReadFileOrFail(TestDataPath("bad/repeated_ids.json")), &plan)
                  .ok());
  EXPECT_THAT(ValidatePlan(plan),
              ElementsAre(Problem("team_members[1].id", R"("t-1" is already used by team_members[0])"),
                          Problem("persons[1].id", R"("p-1" is already used by persons[0])"),
                          Problem("persons[1].nps_answers[0].score",
                                  "must be between 0 and 10, got 11")));
}

// --- ValidationStatus ----------------------------------------------------------------------------

TEST(ValidationStatusTest, NoProblemsIsOk) { EXPECT_TRUE(ValidationStatus({}).ok()); }

TEST(ValidationStatusTest, ListsEveryProblemAfterACount) {
  const absl::Status one = ValidationStatus({Problem("persons[0].id", "must not be empty")});
  EXPECT_EQ(one.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(one.message(), "invalid plan: 1 problem\npersons[0].id: must not be empty");

  const absl::Status two = ValidationStatus(
      {Problem("relationships[3].person_id", R"(no person "p-9")"),
       OverLimit("persons", "2 persons exceed the limit of 1 (limits.max_persons)")});
  EXPECT_EQ(two.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(two.message(),
            "invalid plan: 2 problems\n"
            "relationships[3].person_id: no person \"p-9\"\n"
            "persons: 2 persons exceed the limit of 1 (limits.max_persons)");
}

TEST(ValidationStatusTest, OnlyLimitsIsResourceExhausted) {
  const absl::Status status =
      ValidationStatus({OverLimit("persons", "2 persons exceed the limit of 1 (limits.max_persons)")});
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(status.message(),
            "plan exceeds limits: 1 problem\n"
            "persons: 2 persons exceed the limit of 1 (limits.max_persons)");
}

TEST(ValidationStatusTest, ListIsCappedWithACountOfTheRest) {
  std::vector<ValidationProblem> problems;
  for (size_t i = 0; i < kMaxListedProblems + 5; ++i) {
    problems.push_back(Problem(absl::StrCat("persons[", i, "].id"), "must not be empty"));
  }
  const std::string message(ValidationStatus(problems).message());
  EXPECT_EQ(message.substr(0, message.find('\n')), "invalid plan: 1005 problems");
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1001);
  EXPECT_NE(message.find("\npersons[999].id: must not be empty\n... and 5 more"), std::string::npos)
      << message.substr(message.size() - 200);
  EXPECT_EQ(message.find("persons[1000]"), std::string::npos);
}

}  // namespace
}  // namespace contactplan
