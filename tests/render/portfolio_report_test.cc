// PortfolioReport: the portfolio's page for a sales leader, its sections, its width, and the plans'
// text shown as written but never obeyed.
#include <string>
#include <string_view>

#include "absl/strings/str_split.h"
#include "contactplan/render.h"
#include "contactplan/text_layout.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "google/protobuf/text_format.h"

namespace contactplan {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

v1::Portfolio TwoAccounts() {
  v1::Portfolio portfolio;
  const bool parsed = google::protobuf::TextFormat::ParseFromString(R"pb(
    plans_given: 3
    accounts {
      source: "a.json" account_id: "acme" account_name: "Acme\x1b[2J Health" health: 61.5
      web_figure: "3x4" meets3x3: true critical: 1 warnings: 4
      top_action {
        person_name: "Ann Lee" owner_name: "Bo" current_grade: INDIFFERENT goal_grade: SATISFIED
      }
    }
    accounts { source: "b.json" health: 40 web_figure: "1x2" }
    team {
      key: "bo@example.com" name: "Bo" email: "bo@example.com"
      committed: 3 planned: 9 capacity: 8 over_capacity: true
    }
    patterns {
      code: "SAME_GAP" message: "Both accounts lack an executive sponsor."
      accounts: "acme" accounts: "b.json"
    }
  )pb", &portfolio);
  EXPECT_TRUE(parsed);
  return portfolio;
}

TEST(PortfolioReportTest, ListsAccountsTeamAndPatternsWithinEightyColumns) {
  const std::string report = PortfolioReport(TwoAccounts());
  EXPECT_THAT(report, StartsWith("Portfolio: 2 accounts (1 of 3 plans left out)\n\n"));
  EXPECT_THAT(report, AllOf(HasSubstr("\nacme "), HasSubstr("\nb.json "),
                            HasSubstr("next: Ann Lee I -> S, owner Bo"),
                            HasSubstr("nothing to staff within the horizon"), HasSubstr(" OVER\n"),
                            HasSubstr("\nPatterns\n- Both accounts lack an executive sponsor. "
                                      "(SAME_GAP: acme, b.json)\n")));
  // Sections without entries are left out.
  EXPECT_THAT(report, AllOf(Not(HasSubstr("Could not be staffed")),
                            Not(HasSubstr("Conflicts between plans"))));
  for (absl::string_view line : absl::StrSplit(report, '\n')) {
    EXPECT_LE(text::DisplayWidth(std::string_view(line.data(), line.size())), 80u) << line;
  }
  EXPECT_EQ(report.back(), '\n');
}

TEST(PortfolioReportTest, ShowsControlCharactersAsEscapes) {
  const std::string report = PortfolioReport(TwoAccounts());
  EXPECT_THAT(report, AllOf(HasSubstr("Acme\\x1b[2J Health: next: "), Not(HasSubstr("\x1b"))));
}

}  // namespace
}  // namespace contactplan
