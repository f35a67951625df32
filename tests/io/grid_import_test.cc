#include "io/grid_import.h"

#include <algorithm>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/proto_equals.h"
#include "support/text_plan.h"

namespace contactplan::io {
namespace {

using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ProtoEquals;
using ::contactplan::testing::ReadFileOrFail;
using ::contactplan::testing::TestDataPath;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// The message of a failed import ("" when it succeeded, which fails the test).
std::string ImportError(std::string_view csv) {
  absl::StatusOr<v1::Plan> plan = ImportGrid(csv);
  EXPECT_FALSE(plan.ok()) << "imported:\n" << plan->DebugString();
  if (plan.ok()) return "";
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(plan.status().message());
}

// The issue's hostile grid: a header of a million empty person cells used to build a 115 MB
// message. Empty trailing columns are now ignored, so it is one short refusal: a row 1 of two cells.
TEST(GridImportTest, AMillionEmptyHeaderCellsGiveOneShortMessage) {
  const std::string csv = "a,b" + std::string(1 << 20, ',') + "\n";
  const std::string message = ImportError(csv);
  EXPECT_LT(message.size(), 1u << 10);
  EXPECT_THAT(message, StartsWith("cell A1, line 1, column 1: row 1 has 2 cells"));
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 0);
}

// A million real problems (the same name in a million columns) still give a bounded message: the
// list stops at 1000 and says how many more there are.
TEST(GridImportTest, AMillionErrorsGiveABoundedMessage) {
  std::string csv = "a,b";
  for (int i = 0; i < (1 << 20); ++i) csv += ",x";
  csv += "\n";
  const std::string message = ImportError(csv);
  EXPECT_LT(message.size(), 300u << 10);
  EXPECT_THAT(message, StartsWith("cell D1, line 1, column 7: "));
  EXPECT_THAT(message, HasSubstr("more problems (the first 1000 are listed)"));
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1000);
}

TEST(GridImportTest, RealisticGridGivesTheExactPlan) {
  const absl::StatusOr<v1::Plan> plan = ImportGrid(ReadFileOrFail(TestDataPath("grid/realistic.csv")));
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(ProtoEquals(PlanFromText(R"pb(
    team_members { id: "ines-ortega" name: "Inès Ortega" level: EXECUTIVE }
    team_members { id: "raj-patel" name: "Raj Patel" level: MIDDLE_MANAGEMENT }
    team_members { id: "kim-kn-novak" name: "Kim \"KN\" Novak" }
    persons {
      id: "dana-whitfield"
      name: "Dana Whitfield"
      title: "Chief Executive Officer"
      department: "Executive Office"
      level: EXECUTIVE
      buyer_roles: [ POWER, EVANGELIST ]
      key: true
      relationship_level: CREDIBLE_SOURCE
      desired_relationship_level: TRUSTED_ADVISOR
      relationship_type: COOPERATIVE
      nps_answers { score: 9 }
    }
    persons {
      id: "lee-chen"
      name: "Lee Chen"
      title: "CIO"
      department: "IT"
      level: SENIOR_MANAGEMENT
      buyer_roles: [ ADVISOR, USER ]
      key: true
      reports_to_id: "dana-whitfield"
      relationship_level: PROBLEM_SOLVER
      desired_relationship_level: PROBLEM_SOLVER
      relationship_type: COLLABORATIVE
      nps_answers { score: 6 }
    }
    persons {
      id: "o-neil-pat"
      name: "O'Neil, Pat"
      title: "VP Procurement, EMEA"
      department: "Procurement"
      level: SENIOR_MANAGEMENT
      buyer_roles: ADVISOR
      reports_to_id: "dana-whitfield"
      relationship_level: VENDOR
      desired_relationship_level: CREDIBLE_SOURCE
      relationship_type: COMPETITIVE
    }
    persons {
      id: "sam-rivera"
      name: "Sam Rivera"
      title: "Plant Manager"
      department: "Operations\n(North)"
      level: OPERATIONAL
      buyer_roles: USER
      reports_to_id: "lee-chen"
      nps_answers { score: 10 }
    }
    relationships { team_member_id: "ines-ortega" person_id: "dana-whitfield" grade: OPEN }
    relationships { team_member_id: "ines-ortega" person_id: "o-neil-pat" grade: SATISFIED }
    relationships { team_member_id: "raj-patel" person_id: "lee-chen" grade: MOTIVATED_TO_CHANGE }
    relationships { team_member_id: "raj-patel" person_id: "sam-rivera" grade: TRUST }
    relationships { team_member_id: "kim-kn-novak" person_id: "dana-whitfield" grade: INDIFFERENT }
    relationships { team_member_id: "kim-kn-novak" person_id: "lee-chen" grade: DISSATISFIED }
    opportunities {
      id: "opportunity"
      participants {
        person_id: "dana-whitfield"
        buying_role: DECISION_MAKER
        preference: NEUTRAL
        desired_preference: MENTOR
      }
      participants {
        person_id: "lee-chen"
        buying_role: EVALUATOR
        preference: SUPPORTER
        desired_preference: MENTOR
      }
      participants {
        person_id: "o-neil-pat"
        buying_role: APPROVER
        preference: ENEMY
        desired_preference: NEUTRAL
      }
    }
  )pb"),
                          *plan));
}

TEST(GridImportTest, HeaderOnlyGivesPersonsAndNothingElse) {
  const absl::StatusOr<v1::Plan> plan = ImportGrid("Team member,Level,Ann\n");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(ProtoEquals(PlanFromText(R"pb(persons { id: "ann" name: "Ann" })pb"), *plan));
}

TEST(GridImportTest, BlankRowsAreSkippedAnywhere) {
  const absl::StatusOr<v1::Plan> plan =
      ImportGrid("\n,,\nTeam member,Level,Ann\n\n@level,,executive\n , ,\nBob,,T\n\n");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(ProtoEquals(PlanFromText(R"pb(
                            team_members { id: "bob" name: "Bob" }
                            persons { id: "ann" name: "Ann" level: EXECUTIVE }
                            relationships { team_member_id: "bob" person_id: "ann" grade: TRUST }
                          )pb"),
                          *plan));
}

TEST(GridImportTest, ShortRowsLeaveTheRestBlank) {
  const absl::StatusOr<v1::Plan> plan = ImportGrid("x,y,Ann,Bob,Cy\n@title,,CEO\nTed\nUma,operational,,S");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(ProtoEquals(PlanFromText(R"pb(
                            team_members { id: "ted" name: "Ted" }
                            team_members { id: "uma" name: "Uma" level: OPERATIONAL }
                            persons { id: "ann" name: "Ann" title: "CEO" }
                            persons { id: "bob" name: "Bob" }
                            persons { id: "cy" name: "Cy" }
                            relationships { team_member_id: "uma" person_id: "bob" grade: SATISFIED }
                          )pb"),
                          *plan));
}

TEST(GridImportTest, ByteOrderMarkAtStartIsAcceptedElsewhereRejected) {
  EXPECT_TRUE(ImportGrid("\xEF\xBB\xBFTeam member,Level,Ann\nBob,,T\n").ok());
  EXPECT_EQ(ImportError("Team member,Level,Ann\n\xEF\xBB\xBF" "Bob,,T\n"),
            "line 2, column 1: a byte order mark (U+FEFF) inside the file: delete it; only the "
            "very start of a file may hold one (were two files joined?)");
}

TEST(GridImportTest, MalformedCsvReportsOnlyCsvErrors) {
  // The unterminated quote swallows the rest; the cells after it are not judged.
  EXPECT_EQ(ImportError("Team member,Level,Ann\n@colour,,x\nBob,,\"T\nCy,,Q\n"),
            "cell C3, line 3, column 6: this quote opens a cell that is never closed: add the closing "
            "quote (\") at the cell's end, and write each quote inside the cell twice (\"\")");
}

TEST(GridImportTest, EmptyFileIsAnError) {
  EXPECT_THAT(ImportError(""), StartsWith("cell A1, line 1, column 1: the file has no rows: row 1 must"));
  EXPECT_THAT(ImportError("\r\n,,\r\n"), StartsWith("cell A1, line 1, column 1: the file has no rows"));
}

TEST(GridImportTest, AttributeRowAsFirstRowIsAnError) {
  EXPECT_EQ(ImportError("\n@title,,CEO\n"),
            "cell A2, line 2, column 1: the first row must be the header (two label cells, then the client "
            "persons' names), not an attribute row: add the header above it");
}

// v2: empty cells past row 1's width are what spreadsheets write; only a value there is an error.
TEST(GridImportTest, LongRowIsAnErrorAtItsFirstExtraValue) {
  EXPECT_EQ(ImportError("Team member,Level,Ann\n@title,,CEO,,\nBob,,T,S\n"),
            "cell D3, line 3, column 8: this row has a value in column D but row 1 has 3 cells: "
            "delete the cells past the last person column, or add the person's name to row 1");
}

// v2: a row 1 of fewer than three cells cannot be a grid: a one-word file, a workbook renamed .csv,
// a file read with the wrong delimiter.
TEST(GridImportTest, HeaderOfFewerThanThreeCellsIsAnError) {
  EXPECT_EQ(ImportError("Team\nBob,executive\n"),
            "cell A1, line 1, column 1: row 1 has 1 cell, but a grid's row 1 holds two label cells "
            "(such as \"Team member\" and \"Level\") and then one client person's name per "
            "column, separated by commas, semicolons or tabs: is this a contact map grid saved as "
            "CSV?");
  EXPECT_THAT(ImportError("hello"), HasSubstr("row 1 has 1 cell"));
  EXPECT_THAT(ImportError("Team member,Level,,,\n"), HasSubstr("row 1 has 2 cells"));
  EXPECT_THAT(ImportError(std::string("PK\x03\x04\x14\x00\x06\x00", 8)),
              HasSubstr("a spreadsheet workbook (.xlsx or .ods), not CSV text"));
}

// v2: the delimiter comes from row 1, as European spreadsheets write ';' and text exports a tab.
TEST(GridImportTest, DelimiterIsDetectedFromRowOne) {
  const v1::Plan comma = ImportGrid("Team,Level,Ann Lee,Bob Ray\nAlex,executive,T,S\n").value();
  const v1::Plan semicolon =
      ImportGrid("Team;Level;Ann Lee;Bob Ray\nAlex;executive;T;S\n").value();
  const v1::Plan tab = ImportGrid("Team\tLevel\tAnn Lee\tBob Ray\nAlex\texecutive\tT\tS\n").value();
  EXPECT_TRUE(ProtoEquals(comma, semicolon));
  EXPECT_TRUE(ProtoEquals(comma, tab));
  ASSERT_EQ(semicolon.team_members_size(), 1);
  EXPECT_EQ(semicolon.team_members(0).name(), "Alex");
  EXPECT_EQ(semicolon.relationships_size(), 2);
  // A comma inside a name does not fool the detection when the rest says ';'.
  const v1::Plan quoted = ImportGrid("Team;Level;\"Lee, Ann\";Bob\nAlex;;T;S\n").value();
  EXPECT_EQ(quoted.persons(0).name(), "Lee, Ann");
}

// v2: a column with no name and nothing below it is formatting, not a person.
TEST(GridImportTest, ColumnsEmptyAllTheWayDownAreIgnored) {
  const v1::Plan plan = ImportGrid("Team member,Level,Ann,,Cy,,\nBob,,T,,S,,\n,,,,,,\n").value();
  ASSERT_EQ(plan.persons_size(), 2);
  EXPECT_EQ(plan.persons(1).id(), "cy");
  ASSERT_EQ(plan.relationships_size(), 2);
  EXPECT_EQ(plan.relationships(1).person_id(), "cy");
  EXPECT_EQ(plan.relationships(1).grade(), v1::SATISFIED);
}

TEST(GridImportTest, EmptyPersonNameWithValuesBelowIsAnError) {
  EXPECT_EQ(ImportError("Team member,Level,Ann,,Cy\nBob,,T,S\n"),
            "cell D1, line 1, column 23: a person column without a name: write the person's name "
            "in row 1, or delete the column");
}

// v2: a name with nothing to derive an id from gets the id of its column.
TEST(GridImportTest, NameWithoutLetterOrDigitGetsItsColumnsId) {
  const v1::Plan plan = ImportGrid("Team member,Level,Ann,???\n@reports_to,,???\n").value();
  EXPECT_EQ(plan.persons(1).id(), "person-d");
  EXPECT_EQ(plan.persons(1).name(), "???");
  EXPECT_EQ(plan.persons(0).reports_to_id(), "person-d");
}

// v2: ids are ASCII, transliterated from any script.
TEST(GridImportTest, NamesInAnyScriptGiveAsciiIds) {
  const v1::Plan plan =
      ImportGrid("Team member,Level,Jürgen Müller,Иван Петров,李明\nAnn,,T,O,S\n").value();
  EXPECT_EQ(plan.persons(0).id(), "jurgen-muller");
  EXPECT_EQ(plan.persons(1).id(), "ivan-petrov");
  EXPECT_EQ(plan.persons(2).id(), "li-ming");
  EXPECT_EQ(plan.persons(1).name(), "Иван Петров");
}

// v2: booleans as spreadsheets write them, and levels as the report prints them.
TEST(GridImportTest, ExcelBooleansAndTheReportsLevelLabels) {
  const v1::Plan plan = ImportGrid(
                            "Team member,Level,Ann,Bob,Cy\n@key,,TRUE,x,FALSE\n"
                            "@level,,senior mgmt,Middle Mgmt,executive\nTess,senior mgmt\n")
                            .value();
  EXPECT_TRUE(plan.persons(0).key());
  EXPECT_TRUE(plan.persons(1).key());
  EXPECT_FALSE(plan.persons(2).key());
  EXPECT_EQ(plan.persons(0).level(), v1::SENIOR_MANAGEMENT);
  EXPECT_EQ(plan.persons(1).level(), v1::MIDDLE_MANAGEMENT);
  EXPECT_EQ(plan.team_members(0).level(), v1::SENIOR_MANAGEMENT);
}

TEST(GridImportTest, DuplicateDerivedPersonIdsAreAnError) {
  EXPECT_EQ(ImportError("Team member,Level,Ann Lee,Bob,ann-lee\n"),
            "cell E1, line 1, column 31: the person name \"ann-lee\" gives the id \"ann-lee\", as the name in "
            "cell C1 does: ids come from names, so make the names differ in a letter or "
            "digit");
}

TEST(GridImportTest, DuplicateDerivedTeamMemberIdsAreAnError) {
  EXPECT_EQ(ImportError("Team member,Level,Ann\nBob Ray,,T\nbob  ray!,,S\n"),
            "cell A3, line 3, column 1: the team member name \"bob  ray!\" gives the id \"bob-ray\", as the "
            "name in cell A2 does: ids come from names, so make the names differ in a "
            "letter or digit");
}

TEST(GridImportTest, TeamMemberWithoutNameIsAnError) {
  EXPECT_EQ(ImportError("Team member,Level,Ann\n,executive,T\n"),
            "cell A2, line 2, column 1: a team member row without a name: write the team member's name in "
            "the first cell, or delete the row");
}

TEST(GridImportTest, UnknownAttributeIsAnErrorWithSuggestion) {
  EXPECT_EQ(ImportError("Team member,Level,Ann\n@titel,,CEO\n"),
            "cell A2, line 2, column 1: unknown attribute \"@titel\" (did you mean \"@title\"?): use one "
            "of @title, @department, @level, @roles, @key, @reports_to, @relationship, "
            "@desired_relationship, @relationship_type, @nps, @buying_role, @preference, "
            "@desired_preference (a team member's name cannot start with \"@\")");
  EXPECT_THAT(ImportError("Team member,Level,Ann\n@colour,,red\n"),
              StartsWith("cell A2, line 2, column 1: unknown attribute \"@colour\": use one of @title, "));
}

TEST(GridImportTest, AttributeNamesIgnoreCaseSpacesAndHyphens) {
  const absl::StatusOr<v1::Plan> plan =
      ImportGrid("Team member,Level,Ann,Bob\n@Reports-To,,Bob\n@RELATIONSHIP TYPE,,competitive\n");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->persons(0).reports_to_id(), "bob");
  EXPECT_EQ(plan->persons(0).relationship_type(), v1::COMPETITIVE);
}

TEST(GridImportTest, AttributeRowNeedsAnEmptySecondCell) {
  EXPECT_EQ(ImportError("Team member,Level,Ann\n@title,x,CEO\n"),
            "cell B2, line 2, column 8: the second cell of an attribute row must be empty (it is the team "
            "members' level column): move \"x\" into a person's column, or clear it");
}

TEST(GridImportTest, RepeatedAttributeRowIsAnError) {
  EXPECT_EQ(ImportError("Team member,Level,Ann\n@title,,CEO\n@title,,CFO\n"),
            "cell A3, line 3, column 1: @title appears again (first in cell A2): keep one row per "
            "attribute");
}

TEST(GridImportTest, AttributeRowAfterTeamMembersIsAnError) {
  EXPECT_EQ(ImportError("Team member,Level,Ann\nBob,,T\n@title,,CEO\n"),
            "cell A3, line 3, column 1: the attribute row @title comes after the team member rows: move it "
            "above the first team member (cell A2)");
}

TEST(GridImportTest, EveryBadValueIsReportedAtItsCell) {
  const std::string csv =
      "Team member,Level,Ann,Bob\n"
      "@level,,exec,executive\n"
      "@roles,,power powr,\"user;user\"\n"
      "@key,,maybe,no\n"
      "@reports_to,,Ann,Bobb\n"
      "@relationship,,vendor,guru\n"
      "@desired_relationship,,x,\n"
      "@relationship_type,,hostile,\n"
      "@nps,,11,7.5\n"
      "@buying_role,,boss,\n"
      "@preference,,,fan\n"
      "@desired_preference,,mentr,\n"
      "Cy,boss,Q,T\n";
  EXPECT_EQ(
      ImportError(csv),
      "cell C2, line 2, column 9: @level of \"Ann\": unknown level \"exec\": use executive, "
      "senior_management, middle_management or operational, or leave the cell empty\n"
      "cell C3, line 3, column 15: @roles of \"Ann\": unknown role \"powr\" (did you mean \"power\"?): use "
      "evangelist, advisor, user or power, or leave the cell empty (separate several roles with "
      "spaces or \";\")\n"
      "cell D3, line 3, column 26: @roles of \"Bob\": the role \"user\" is listed twice: list each role "
      "once\n"
      "cell C4, line 4, column 7: @key of \"Ann\": \"maybe\" is neither yes nor no: write yes or "
      "no (also y/n, true/false, x, 1/0), or leave the cell empty\n"
      "cell C5, line 5, column 14: @reports_to of \"Ann\": a person cannot report to themselves: name their "
      "manager, or leave the cell empty\n"
      "cell D5, line 5, column 18: @reports_to of \"Bob\": no person column is named \"Bobb\" (did you mean "
      "\"Bob\"?): write the manager's name as it stands in row 1, or leave the cell empty\n"
      "cell D6, line 6, column 23: @relationship of \"Bob\": unknown relationship level \"guru\": use "
      "trusted_advisor, problem_solver, credible_source or vendor, or leave the cell empty\n"
      "cell C7, line 7, column 24: @desired_relationship of \"Ann\": unknown relationship level \"x\": use "
      "trusted_advisor, problem_solver, credible_source or vendor, or leave the cell empty\n"
      "cell C8, line 8, column 21: @relationship_type of \"Ann\": unknown relationship type \"hostile\": use "
      "collaborative, cooperative or competitive, or leave the cell empty\n"
      "cell C9, line 9, column 7: @nps of \"Ann\": \"11\" is not a whole number from 0 to 10: write the "
      "person's survey answer, or leave the cell empty\n"
      "cell D9, line 9, column 10: @nps of \"Bob\": \"7.5\" is not a whole number from 0 to 10: write the "
      "person's survey answer, or leave the cell empty\n"
      "cell C10, line 10, column 15: @buying_role of \"Ann\": unknown buying role \"boss\": use user, "
      "evaluator, approver or decision_maker, or leave the cell empty\n"
      "cell D11, line 11, column 15: @preference of \"Bob\": unknown preference \"fan\": use mentor, "
      "supporter, neutral, non_supporter or enemy, or leave the cell empty\n"
      "cell C12, line 12, column 22: @desired_preference of \"Ann\": unknown preference \"mentr\" (did you "
      "mean \"mentor\"?): use mentor, supporter, neutral, non_supporter or enemy, or leave the cell "
      "empty\n"
      "cell B13, line 13, column 4: level of \"Cy\": unknown level \"boss\": use executive, senior_management, "
      "middle_management or operational, or leave the cell empty\n"
      "cell C13, line 13, column 9: how \"Ann\" sees \"Cy\": unknown grade \"Q\": use T, O, S, I, D or M (or "
      "trust, open, satisfied, indifferent, dissatisfied or motivated_to_change), or leave the "
      "cell empty for no relationship");
}

TEST(GridImportTest, ErrorsInsideAQuotedMultiLineCellPointAtTheWord) {
  EXPECT_THAT(ImportError("Team member,Level,Ann\n@roles,,\"power\n  evangelst\"\n"),
              StartsWith("cell C2, line 3, column 3: @roles of \"Ann\": unknown role \"evangelst\" (did you "
                         "mean \"evangelist\"?): use"));
}

TEST(GridImportTest, ReportsToMatchesNamesAsIdsDo) {
  const absl::StatusOr<v1::Plan> plan =
      ImportGrid("Team member,Level,Ann Lee,Bob\n@reports_to,,,ANN  LEE.\n");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->persons(1).reports_to_id(), "ann-lee");
}

TEST(GridImportTest, OpportunityOnlyWhenSomeoneHasAParticipantValue) {
  absl::StatusOr<v1::Plan> plan = ImportGrid("Team member,Level,Ann,Bob\n@preference,,,\n");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->opportunities_size(), 0);
  plan = ImportGrid("Team member,Level,Ann,Bob,Cy\n@desired_preference,,,mentor\n");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(ProtoEquals(PlanFromText(R"pb(
                            persons { id: "ann" name: "Ann" }
                            persons { id: "bob" name: "Bob" }
                            persons { id: "cy" name: "Cy" }
                            opportunities {
                              id: "opportunity"
                              participants { person_id: "bob" desired_preference: MENTOR }
                            }
                          )pb"),
                          *plan));
}

TEST(GridImportTest, NpsZeroIsAnAnswer) {
  const absl::StatusOr<v1::Plan> plan = ImportGrid("Team member,Level,Ann\n@nps,, 0 \n");
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->persons(0).nps_answers_size(), 1);
  EXPECT_EQ(plan->persons(0).nps_answers(0).score(), 0);
  EXPECT_FALSE(plan->persons(0).nps_answers(0).has_answered_at());
}

}  // namespace
}  // namespace contactplan::io
