#include "io/grid_export.h"

#include <algorithm>
#include <string>

#include "contactplan/plan_io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/grid_import.h"
#include "io/proto_equals.h"
#include "support/text_plan.h"

namespace contactplan::io {
namespace {

using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ProtoEquals;
using ::contactplan::testing::ReadFileOrFail;
using ::contactplan::testing::TestDataPath;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string ExportError(const v1::Plan& plan) {
  const absl::StatusOr<std::string> csv = ExportGrid(plan);
  EXPECT_FALSE(csv.ok()) << "exported:\n" << *csv;
  if (csv.ok()) return "";
  EXPECT_EQ(csv.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(csv.status().message());
}

TEST(GridExportTest, WritesTheLayoutOfSpecSection7) {
  const v1::Plan plan = ImportGrid(ReadFileOrFail(TestDataPath("grid/realistic.csv"))).value();
  const absl::StatusOr<std::string> csv = ExportGrid(plan);
  ASSERT_TRUE(csv.ok()) << csv.status();
  EXPECT_EQ(*csv,
            "Team member,Level,Dana Whitfield,Lee Chen,\"O'Neil, Pat\",Sam Rivera\r\n"
            "@title,,Chief Executive Officer,CIO,\"VP Procurement, EMEA\",Plant Manager\r\n"
            "@department,,Executive Office,IT,Procurement,\"Operations\n(North)\"\r\n"
            "@level,,executive,senior_management,senior_management,operational\r\n"
            "@roles,,power evangelist,advisor user,advisor,user\r\n"
            "@key,,yes,yes,,\r\n"
            "@reports_to,,,Dana Whitfield,Dana Whitfield,Lee Chen\r\n"
            "@relationship,,credible_source,problem_solver,vendor,\r\n"
            "@desired_relationship,,trusted_advisor,problem_solver,credible_source,\r\n"
            "@relationship_type,,cooperative,collaborative,competitive,\r\n"
            "@nps,,9,6,,10\r\n"
            "@buying_role,,decision_maker,evaluator,approver,\r\n"
            "@preference,,neutral,supporter,enemy,\r\n"
            "@desired_preference,,mentor,mentor,neutral,\r\n"
            "Inès Ortega,executive,O,,S,\r\n"
            "Raj Patel,middle_management,,M,,T\r\n"
            "\"Kim \"\"KN\"\" Novak\",,I,D,,\r\n");
  EXPECT_THAT(GridExportLosses(plan), IsEmpty());
}

TEST(GridExportTest, ImportOfExportGivesTheGridExpressiblePlanBack) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "ann-o-neil" name: "Ann O'Neil" level: SENIOR_MANAGEMENT }
    team_members { id: "t-2" name: "  T 2  " }
    persons {
      id: "bob"
      name: "Bob"
      title: "Head of \"Ops\", EMEA"
      department: " spaced "
      level: OPERATIONAL
      buyer_roles: [ EVANGELIST, POWER ]
      key: true
      reports_to_id: "cy"
      relationship_level: VENDOR
      desired_relationship_level: CREDIBLE_SOURCE
      relationship_type: COMPETITIVE
      nps_answers { score: 0 }
    }
    persons { id: "cy" name: "Cy" }
    persons { id: "dee" name: "@Dee" buyer_roles: USER }
    relationships { team_member_id: "ann-o-neil" person_id: "cy" grade: TRUST }
    relationships { team_member_id: "ann-o-neil" person_id: "dee" grade: DISSATISFIED }
    relationships { team_member_id: "t-2" person_id: "bob" grade: MOTIVATED_TO_CHANGE }
    opportunities {
      id: "opportunity"
      participants { person_id: "bob" preference: NON_SUPPORTER }
      participants { person_id: "dee" buying_role: USER desired_preference: SUPPORTER }
    }
  )pb");
  const absl::StatusOr<std::string> csv = ExportGrid(plan);
  ASSERT_TRUE(csv.ok()) << csv.status();
  EXPECT_THAT(GridExportLosses(plan), IsEmpty());
  const absl::StatusOr<v1::Plan> back = ImportGrid(*csv);
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << *csv;
  EXPECT_TRUE(ProtoEquals(plan, *back)) << *csv;
}

// A grid's row 1 needs a person column (import refuses fewer than three cells), so a plan without
// persons has no grid that would read back: refused rather than written unreadable.
TEST(GridExportTest, PlanWithoutPersonsIsRefused) {
  EXPECT_EQ(ExportError(v1::Plan()),
            "persons: a grid needs at least one person column, and the plan has no person: add "
            "one, or keep the plan in a protobuf format");
}

TEST(GridExportTest, DropsWhatTheGridCannotHoldAndListsIt) {
  const v1::Plan plan = PlanFromText(R"pb(
    schema_version: 1
    as_of { seconds: 1717200000 }
    account { name: "Acme" }
    team_members { id: "ann" name: "Ann" title: "AD" capacity: 3 email: "ann@example.com" }
    persons {
      id: "bob"
      name: "Bob"
      influences { person_id: "cy" }
      nps_answers { score: 3 answered_at { seconds: 1717000000 } }
      nps_answers { score: 8 answered_at { seconds: 1716000000 } }
      nps_answers { score: 5 }
      notes: "n"
    }
    persons { id: "cy" name: "Cy" }
    relationships {
      team_member_id: "ann"
      person_id: "bob"
      grade: OPEN
      assessed_at { seconds: 1 }
      last_contact_at { seconds: 2 }
      history { grade: SATISFIED }
      desired_grade: TRUST
      notes: "x"
    }
    relationships { team_member_id: "ann" person_id: "cy" desired_grade: SATISFIED }
    opportunities {
      id: "opportunity"
      name: "Renewal"
      stage: PLANNING
      competitive_strategy: PREFERRED
      qualification { pain_admitted: true }
      value: 10
      expected_close_at { seconds: 3 }
      participants { person_id: "bob" buying_role: APPROVER }
      participants { person_id: "cy" }
    }
    opportunities { id: "opp-2" participants { person_id: "cy" buying_role: USER } }
    opportunities { id: "opportunity" closed: true }
    blueprint { person_id: "bob" team_member_id: "ann" }
  )pb");
  EXPECT_THAT(
      GridExportLosses(plan),
      ElementsAre("schema_version (1)", "as_of (1)", "account (1)", "team_members[].title (1)",
                  "team_members[].capacity (1)", "team_members[].email (1)",
                  "persons[].notes (1)", "persons[].influences (1)",
                  "persons[].nps_answers other than the latest (2)",
                  "persons[].nps_answers[].answered_at (1)", "relationships without a grade (1)",
                  "relationships[].assessed_at (1)", "relationships[].last_contact_at (1)",
                  "relationships[].history (1)", "relationships[].desired_grade (2)",
                  "relationships[].notes (1)",
                  "opportunities other than the open one the grid holds (2)",
                  "opportunities[\"opportunity\"].name (1)",
                  "opportunities[\"opportunity\"].stage (1)",
                  "opportunities[\"opportunity\"].competitive_strategy (1)",
                  "opportunities[\"opportunity\"].qualification (1)",
                  "opportunities[\"opportunity\"].value (1)",
                  "opportunities[\"opportunity\"].expected_close_at (1)",
                  "opportunities[\"opportunity\"].participants without buying role or preference "
                  "(1)",
                  "blueprint (1)"));
  const absl::StatusOr<std::string> csv = ExportGrid(plan);
  ASSERT_TRUE(csv.ok()) << csv.status();
  EXPECT_EQ(*csv,
            "Team member,Level,Bob,Cy\r\n"
            "@nps,,3,\r\n"  // the latest answer
            "@buying_role,,approver,\r\n"
            "Ann,,O,\r\n");
  EXPECT_TRUE(ProtoEquals(PlanFromText(R"pb(
                            team_members { id: "ann" name: "Ann" }
                            persons { id: "bob" name: "Bob" nps_answers { score: 3 } }
                            persons { id: "cy" name: "Cy" }
                            relationships { team_member_id: "ann" person_id: "bob" grade: OPEN }
                            opportunities {
                              id: "opportunity"
                              participants { person_id: "bob" buying_role: APPROVER }
                            }
                          )pb"),
                          ImportGrid(*csv).value()));
}

// A plan from a CRM names its one open opportunity by the CRM's id: the grid still holds its buying
// group, and lists only the id (which import gives back as "opportunity") as lost.
TEST(GridExportTest, TheOnlyOpenOpportunityIsExportedWhateverItsId) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "ann" name: "Ann" }
    persons { id: "bob" name: "Bob" }
    opportunities { id: "006A" closed: true participants { person_id: "bob" buying_role: USER } }
    opportunities { id: "006B" participants { person_id: "bob" buying_role: APPROVER } }
  )pb");
  const absl::StatusOr<std::string> csv = ExportGrid(plan);
  ASSERT_TRUE(csv.ok()) << csv.status();
  EXPECT_EQ(*csv,
            "Team member,Level,Bob\r\n"
            "@buying_role,,approver\r\n"
            "Ann,,\r\n");
  EXPECT_THAT(GridExportLosses(plan),
              ElementsAre("opportunities other than the open one the grid holds (1)",
                          "opportunities[\"006B\"].id (comes back as \"opportunity\") (1)"));
}

TEST(GridExportTest, SeveralOpenOpportunitiesWithoutTheGridsOwnAreAllLost) {
  const v1::Plan plan = PlanFromText(R"pb(
    persons { id: "bob" name: "Bob" }
    opportunities { id: "a" participants { person_id: "bob" buying_role: USER } }
    opportunities { id: "b" participants { person_id: "bob" buying_role: APPROVER } }
  )pb");
  EXPECT_EQ(ExportGrid(plan).value(), "Team member,Level,Bob\r\n");
  EXPECT_THAT(GridExportLosses(plan),
              ElementsAre("opportunities other than the open one the grid holds (2)"));
}

TEST(GridExportTest, OpportunityWithoutMarkedParticipantsIsListedAsLost) {
  const v1::Plan plan = PlanFromText(R"pb(
    persons { id: "bob" name: "Bob" }
    opportunities { id: "opportunity" }
  )pb");
  EXPECT_THAT(GridExportLosses(plan),
              ElementsAre("opportunities[\"opportunity\"] itself (no participant has a buying role "
                          "or preference) (1)"));
}

TEST(GridExportTest, UnknownFieldsAreListedAsLost) {
  v1::Plan plan = PlanFromText(R"pb(persons { id: "bob" name: "Bob" })pb");
  plan.mutable_persons(0)->GetReflection()->MutableUnknownFields(plan.mutable_persons(0))
      ->AddVarint(99, 1);
  EXPECT_THAT(GridExportLosses(plan), ElementsAre("fields unknown to this version (1)"));
}

TEST(GridExportTest, RefusesWhatWouldComeBackChanged) {
  v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" name: "Ann" }
    team_members { id: "@x" name: "@x" }
    team_members { id: "ann" name: "ANN" }
    persons { id: "bob" name: "Bob" reports_to_id: "bob" buyer_roles: [ POWER, POWER ] }
    persons { id: "" name: "!!" }
    persons { id: "cy" name: "Cy" title: "\xEF\xBB\xBF" "CEO" reports_to_id: "nobody" }
    persons { id: "dee" name: "Dee" level: 9 nps_answers { score: 11 } buyer_roles: 0 }
    relationships { team_member_id: "ann" person_id: "bob" grade: TRUST }
    relationships { team_member_id: "ann" person_id: "bob" grade: OPEN }
    relationships { team_member_id: "zed" person_id: "bob" grade: OPEN }
    relationships { team_member_id: "ann" person_id: "cy" grade: 17 }
    opportunities {
      id: "opportunity"
      participants { person_id: "cy" buying_role: USER }
      participants { person_id: "cy" preference: MENTOR }
      participants { person_id: "nobody" preference: MENTOR }
      participants { person_id: "dee" preference: 12 }
    }
  )pb");
  EXPECT_EQ(
      ExportError(plan),
      "team_members[0].id: \"t1\" would come back from the grid as \"ann\", the id it derives from "
      "the name \"Ann\": change the id to \"ann\" (and every reference to it), or keep the plan in "
      "a protobuf format\n"
      "team_members[1].id: \"@x\" would come back from the grid as \"x\", the id it derives from "
      "the name \"@x\": change the id to \"x\" (and every reference to it), or keep the plan in a "
      "protobuf format\n"
      "team_members[1].name: \"@x\" starts with \"@\", which would make its row an attribute row: "
      "rename the team member\n"
      "team_members[2].name: \"ANN\" gives the id \"ann\", as the name of team_members[0] does: "
      "make the names differ in a letter or digit\n"
      "persons[0].buyer_roles[1]: the role is listed twice: list each role once\n"
      "persons[0].reports_to_id: a person cannot report to themselves: name their manager, or "
      "clear it\n"
      "persons[1].id: \"\" would come back from the grid as \"person-d\", the id it derives from "
      "the name \"!!\": change the id to \"person-d\" (and every reference to it), or keep the "
      "plan in a protobuf format\n"
      "persons[2].title: holds a byte order mark (U+FEFF), which a grid cannot hold: delete it\n"
      "persons[2].reports_to_id: no person \"nobody\", so the grid has no place for it: fix the "
      "reference\n"
      "persons[3].level: 9 is not a level the grid can write: set a known level or clear it\n"
      "persons[3].buyer_roles[0]: an unspecified role cannot be written to a grid: remove it\n"
      "persons[3].nps_answers[0].score: 11 is not an NPS answer from 0 to 10: correct it\n"
      "relationships[1]: a second grade for team member \"ann\" and person \"bob\" (the first is "
      "relationships[0]): a grid cell holds one grade; keep one of them\n"
      "relationships[2].team_member_id: no team member \"zed\", so the grid has no place for it: "
      "fix the reference\n"
      "relationships[3].grade: 17 is not a grade the grid can write: set a known grade or clear "
      "it\n"
      "opportunities[0].participants[1]: person \"cy\" takes part again "
      "(opportunities[0].participants[0] is the first), and the grid has one cell per person: "
      "keep one participant entry\n"
      "opportunities[0].participants[2].person_id: no person \"nobody\", so the grid has no place "
      "for it: fix the reference\n"
      "opportunities[0].participants[3].preference: 12 is not a preference the grid can write: "
      "set a known preference or clear it");
}

TEST(GridExportTest, WritePlanUsesTheGridForCsv) {
  const v1::Plan plan = PlanFromText(R"pb(persons { id: "bob" name: "Bob" })pb");
  EXPECT_EQ(WritePlan(plan, PlanFormat::kCsvGrid).value(), "Team member,Level,Bob\r\n");
  EXPECT_THAT(CsvGridLosses(plan), IsEmpty());
}

// A plan with thousands of names the grid cannot hold gets the first 1000 problems and a count.
TEST(GridExportTest, ErrorsAreCappedAndTheRestCounted) {
  v1::Plan plan;
  for (int i = 0; i < 1500; ++i) {
    v1::Person& person = *plan.add_persons();
    person.set_id("p-" + std::to_string(i));
    person.set_name("???");
  }
  const absl::StatusOr<std::string> csv = ExportGrid(plan);
  ASSERT_FALSE(csv.ok());
  const std::string message(csv.status().message());
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1000);
  EXPECT_THAT(message, ::testing::EndsWith(
                           "\n... and 500 more problems (the first 1000 are listed)"));
}

}  // namespace
}  // namespace contactplan::io
