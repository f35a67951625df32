// BuildPortfolio: rows per account and team member, patterns, shared capacity, bad input per plan.
#include "contactplan/portfolio.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "contactplan/engine.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::PlanFromText;
using ::testing::SizeIs;

// One account whose only team member, Ann, holds nothing yet and faces three key persons to cover:
// alone, the plan books Ann up to her capacity.
v1::Plan UncoveredAccount(const std::string& id,
                          const std::string& ann_email = "ann@seller.example",
                          const std::string& ann_name = "Ann Lee", double capacity = 3) {
  v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "ann" level: EXECUTIVE }
    persons { id: "p1" name: "Pia" level: EXECUTIVE key: true }
    persons { id: "p2" name: "Quin" level: EXECUTIVE key: true }
    persons { id: "p3" name: "Rae" level: EXECUTIVE key: true }
  )pb");
  plan.mutable_account()->set_id(id);
  plan.mutable_account()->set_name(absl::StrCat("Account ", id));
  v1::TeamMember& ann = *plan.mutable_team_members(0);
  ann.set_email(ann_email);
  ann.set_name(ann_name);
  ann.set_capacity(capacity);
  return plan;
}

// An account the team covers well (3x3 met, no critical finding), planned in full without
// capacity limits.
v1::Plan CoveredAccount(const std::string& id) {
  v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "a" name: "Avery Exec" level: EXECUTIVE }
    team_members { id: "b" name: "Blake Director" level: SENIOR_MANAGEMENT }
    team_members { id: "c" name: "Casey Lead" level: MIDDLE_MANAGEMENT }
    persons {
      id: "cfo"
      name: "Dee CFO"
      level: EXECUTIVE
      buyer_roles: POWER
      relationship_level: PROBLEM_SOLVER
    }
    persons {
      id: "vp"
      name: "Eve VP"
      level: SENIOR_MANAGEMENT
      buyer_roles: EVANGELIST
      relationship_level: CREDIBLE_SOURCE
      reports_to_id: "cfo"
    }
    persons {
      id: "ops"
      name: "Fin Ops"
      level: MIDDLE_MANAGEMENT
      buyer_roles: USER
      relationship_level: CREDIBLE_SOURCE
      reports_to_id: "vp"
    }
    relationships { team_member_id: "a" person_id: "cfo" grade: OPEN }
    relationships { team_member_id: "b" person_id: "cfo" grade: SATISFIED }
    relationships { team_member_id: "b" person_id: "vp" grade: OPEN }
    relationships { team_member_id: "c" person_id: "vp" grade: SATISFIED }
    relationships { team_member_id: "c" person_id: "ops" grade: OPEN }
    relationships { team_member_id: "a" person_id: "ops" grade: SATISFIED }
  )pb");
  plan.mutable_account()->set_id(id);
  return plan;
}

class PortfolioTest : public ::testing::Test {
 protected:
  v1::Portfolio Build(std::vector<PortfolioPlan> plans) {
    absl::StatusOr<v1::Portfolio> portfolio = BuildPortfolio(engine_, plans);
    EXPECT_TRUE(portfolio.ok()) << portfolio.status();
    return portfolio.ok() ? *portfolio : v1::Portfolio();
  }
  Engine engine_ = *Engine::Create();
};

double PlannedFor(const v1::Analysis& analysis, const std::string& member_id) {
  for (const v1::TeamLoad& load : analysis.recommendations().team_load()) {
    if (load.team_member_id() == member_id) return load.planned();
  }
  return 0;
}

TEST_F(PortfolioTest, NoOneIsPlannedBeyondTheirSharedCapacity) {
  const v1::Plan north = UncoveredAccount("north");
  const v1::Plan south = UncoveredAccount("south");
  // Planned one account at a time, Ann is booked in each up to the capacity she has for all.
  const double alone =
      PlannedFor(*engine_.Analyze(north), "ann") + PlannedFor(*engine_.Analyze(south), "ann");
  ASSERT_GT(alone, 3);

  const v1::Portfolio portfolio = Build({{"north.json", north}, {"south.json", south}});
  ASSERT_EQ(portfolio.team_size(), 1);
  const v1::PortfolioMember& ann = portfolio.team(0);
  EXPECT_EQ(ann.key(), "ann@seller.example");
  EXPECT_THAT(ann.accounts(), ElementsAre("north", "south"));
  EXPECT_TRUE(ann.has_capacity());
  EXPECT_EQ(ann.capacity(), 3);
  EXPECT_GT(ann.planned(), 0);
  EXPECT_LE(ann.committed() + ann.planned(), ann.capacity());
  EXPECT_FALSE(ann.over_capacity());
  // What Ann could not take on is listed, with her figures across the portfolio.
  ASSERT_GT(portfolio.unstaffed_size(), 0);
  EXPECT_EQ(portfolio.unstaffed(0).team_member_key(), "ann@seller.example");
  EXPECT_THAT(portfolio.unstaffed(0).reason(), HasSubstr("across the portfolio"));
}

TEST_F(PortfolioTest, ExistingUpkeepElsewhereCountsAgainstTheCapacity) {
  // Ann already keeps a Trust (4 units) in the other account: nothing is left for new cells.
  v1::Plan busy = CoveredAccount("busy");
  v1::TeamMember& a = *busy.mutable_team_members(0);
  a.set_email("ANN@seller.example");  // emails match whatever their case
  busy.mutable_relationships(0)->set_grade(v1::TRUST);
  busy.mutable_relationships()->DeleteSubrange(5, 1);
  const v1::Portfolio portfolio = Build(
      {{"north", UncoveredAccount("north", "ann@seller.example", "Ann Lee", 4)}, {"busy", busy}});
  const v1::PortfolioMember& ann = portfolio.team(0);
  EXPECT_EQ(ann.committed(), 4);
  EXPECT_EQ(ann.planned(), 0);
  EXPECT_FALSE(portfolio.accounts(0).has_top_action());
}

TEST_F(PortfolioTest, MembersWithoutEmailAreMatchedById) {
  const v1::Portfolio portfolio = Build({{"x", CoveredAccount("x")}, {"y", CoveredAccount("y")}});
  ASSERT_EQ(portfolio.team_size(), 3);
  EXPECT_EQ(portfolio.team(0).key(), "id:a");
  EXPECT_THAT(portfolio.team(0).accounts(), ElementsAre("x", "y"));
  EXPECT_FALSE(portfolio.team(0).has_capacity());
  EXPECT_FALSE(portfolio.team(0).over_capacity());
}

TEST_F(PortfolioTest, TheSameMemberWithTwoNamesIsAConflict) {
  const v1::Portfolio portfolio =
      Build({{"n", UncoveredAccount("north", "ann@seller.example", "Ann Lee")},
             {"s", UncoveredAccount("south", "ann@seller.example", "Anne Lee")}});
  ASSERT_EQ(portfolio.conflicts_size(), 1);
  EXPECT_EQ(portfolio.conflicts(0).kind(), v1::MemberConflict::NAME);
  EXPECT_THAT(portfolio.conflicts(0).message(),
              AllOf(HasSubstr("\"Ann Lee\""), HasSubstr("\"Anne Lee\""), HasSubstr("\"south\"")));
  EXPECT_EQ(portfolio.team(0).name(), "Ann Lee");
}

TEST_F(PortfolioTest, DisagreeingCapacitiesUseTheSmallest) {
  const v1::Portfolio portfolio =
      Build({{"n", UncoveredAccount("north", "ann@seller.example", "Ann Lee", 6)},
             {"s", UncoveredAccount("south", "ann@seller.example", "Ann Lee", 2)}});
  EXPECT_EQ(portfolio.team(0).capacity(), 2);
  ASSERT_EQ(portfolio.conflicts_size(), 1);
  EXPECT_EQ(portfolio.conflicts(0).kind(), v1::MemberConflict::CAPACITY);
  EXPECT_LE(portfolio.team(0).planned(), 2);
}

TEST_F(PortfolioTest, BadPlansAreReportedPerPlanAndTheOthersAnalysed) {
  v1::Plan invalid = CoveredAccount("broken");
  invalid.mutable_relationships(0)->set_person_id("nobody");
  const v1::Portfolio portfolio =
      Build({{"a.json", CoveredAccount("acme")},
             {"b.json", absl::InvalidArgumentError("b.json: line 3, column 5: expected '}'")},
             {"c.json", CoveredAccount("acme")},
             {"d.json", invalid},
             {"e.json", CoveredAccount("globex")}});
  EXPECT_EQ(portfolio.plans_given(), 5);
  ASSERT_EQ(portfolio.accounts_size(), 2);
  EXPECT_EQ(portfolio.accounts(0).account_id(), "acme");
  EXPECT_EQ(portfolio.accounts(1).account_id(), "globex");
  EXPECT_EQ(portfolio.accounts(1).plan_index(), 4);
  ASSERT_EQ(portfolio.problems_size(), 3);
  EXPECT_EQ(portfolio.problems(0).plan_index(), 1);
  EXPECT_THAT(portfolio.problems(0).message(), HasSubstr("line 3, column 5"));
  EXPECT_EQ(portfolio.problems(1).source(), "c.json");
  EXPECT_THAT(portfolio.problems(1).message(),
              AllOf(HasSubstr("\"acme\""), HasSubstr("already"), HasSubstr("a.json")));
  EXPECT_THAT(portfolio.problems(2).message(),
              AllOf(HasSubstr("d.json is not a valid plan"), HasSubstr("nobody")));
}

TEST_F(PortfolioTest, PatternsCountTheAccountsARuleFiresIn) {
  const v1::Portfolio portfolio = Build({{"n", UncoveredAccount("north")},
                                         {"c", CoveredAccount("covered")},
                                         {"s", UncoveredAccount("south")}});
  const v1::PortfolioPattern* single = nullptr;
  for (const v1::PortfolioPattern& p : portfolio.patterns()) {
    if (p.code() == "SINGLE_THREADED_ACCOUNT") single = &p;
  }
  ASSERT_NE(single, nullptr);
  EXPECT_THAT(single->accounts(), ElementsAre("north", "south"));
  EXPECT_EQ(single->message(), "2 of 3 accounts are single-threaded");
  // Most widespread first.
  for (int i = 1; i < portfolio.patterns_size(); ++i) {
    EXPECT_GE(portfolio.patterns(i - 1).accounts_size(), portfolio.patterns(i).accounts_size());
  }
}

TEST_F(PortfolioTest, AccountRowsCarryTheAnalysisFigures) {
  v1::Plan north = UncoveredAccount("north");
  v1::Opportunity& later = *north.add_opportunities();
  later.set_id("renewal");
  later.mutable_expected_close_at()->set_seconds(2'000'000'000);
  v1::Opportunity& sooner = *north.add_opportunities();
  sooner.set_id("upsell");
  sooner.mutable_expected_close_at()->set_seconds(1'900'000'000);
  v1::Opportunity& closed = *north.add_opportunities();
  closed.set_id("old");
  closed.set_closed(true);
  closed.mutable_expected_close_at()->set_seconds(1'000'000'000);
  const v1::Portfolio portfolio = Build({{"n", north}, {"c", CoveredAccount("covered")}});
  const v1::Analysis alone = *engine_.Analyze(north);
  const v1::PortfolioAccount& row = portfolio.accounts(0);
  EXPECT_EQ(row.account_name(), "Account north");
  EXPECT_EQ(row.health(), alone.scores().account_health().value());
  EXPECT_EQ(row.web_figure(), alone.web().figure());
  EXPECT_FALSE(row.meets3x3());
  EXPECT_TRUE(portfolio.accounts(1).meets3x3());
  EXPECT_GT(row.critical(), 0);
  EXPECT_EQ(row.next_close_opportunity_id(), "upsell");
  EXPECT_EQ(row.next_close_at().seconds(), 1'900'000'000);
  ASSERT_TRUE(row.has_top_action());
  EXPECT_EQ(row.top_action().owner_name(), "Ann Lee");
  EXPECT_THAT(row.top_action().person_name(), ::testing::AnyOf("Pia", "Quin", "Rae"));
  // The critical account is planned first.
  EXPECT_EQ(row.planning_order(), 1);
  EXPECT_EQ(portfolio.accounts(1).planning_order(), 2);
}

TEST_F(PortfolioTest, TheNeediestAccountHasFirstCallOnSharedCapacity) {
  // Given second, the account with more critical findings is planned first and gets Ann's effort.
  v1::Plan light = UncoveredAccount("light");
  light.mutable_persons()->RemoveLast();
  light.mutable_persons()->RemoveLast();
  const v1::Portfolio portfolio = Build({{"l", light}, {"h", UncoveredAccount("heavy")}});
  EXPECT_EQ(portfolio.accounts(1).planning_order(), 1);
  EXPECT_TRUE(portfolio.accounts(1).has_top_action());
  // Rows and patterns still list the accounts in the order given.
  EXPECT_EQ(portfolio.accounts(0).account_id(), "light");
  for (const v1::PortfolioPattern& p : portfolio.patterns()) {
    if (p.code() == "UNCOVERED_PERSON") {
      EXPECT_THAT(p.accounts(), ElementsAre("light", "heavy"));
    }
  }
}

TEST_F(PortfolioTest, CountsAndPatternsIncludeFindingsLeftOutOfTheList) {
  const std::vector<PortfolioPlan> plans = {{"n", UncoveredAccount("north")}};
  v1::AnalysisOptions capped;
  capped.set_max_findings(1);
  const v1::Portfolio full = Build(plans);
  const absl::StatusOr<v1::Portfolio> short_list = BuildPortfolio(engine_, plans, capped);
  ASSERT_TRUE(short_list.ok()) << short_list.status();
  EXPECT_GT(full.accounts(0).critical() + full.accounts(0).warnings(), 1);
  EXPECT_EQ(short_list->accounts(0).critical(), full.accounts(0).critical());
  EXPECT_EQ(short_list->accounts(0).warnings(), full.accounts(0).warnings());
  EXPECT_EQ(short_list->patterns_size(), full.patterns_size());
}

TEST_F(PortfolioTest, EachAccountCarriesItsConfidenceBesideItsHealth) {
  const v1::Portfolio portfolio = Build({{"n", UncoveredAccount("north")}});
  ASSERT_EQ(portfolio.accounts_size(), 1);
  ASSERT_TRUE(portfolio.accounts(0).has_confidence());
  EXPECT_GE(portfolio.accounts(0).confidence(), 0);
  EXPECT_LE(portfolio.accounts(0).confidence(), 100);
  const std::vector<std::string> accounts =
      absl::StrSplit(PortfolioCsv(portfolio, PortfolioTable::kAccounts), "\r\n", absl::SkipEmpty());
  ASSERT_THAT(accounts, SizeIs(2));
  EXPECT_THAT(accounts[0], ::testing::StartsWith("account_id,account_name,source,health,confidence,"));
}

TEST_F(PortfolioTest, AnEmptyPortfolioIsAnError) {
  const absl::StatusOr<v1::Portfolio> portfolio = BuildPortfolio(engine_, {});
  EXPECT_EQ(portfolio.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(PortfolioTest, CsvTablesHaveAHeaderAndOneRowPerEntry) {
  const v1::Portfolio portfolio =
      Build({{"n", UncoveredAccount("north")}, {"s", UncoveredAccount("south")}});
  const std::vector<std::string> accounts =
      absl::StrSplit(PortfolioCsv(portfolio, PortfolioTable::kAccounts), "\r\n", absl::SkipEmpty());
  ASSERT_THAT(accounts, SizeIs(3));
  EXPECT_THAT(accounts[0], ::testing::StartsWith("account_id,account_name,source,health"));
  EXPECT_THAT(accounts[1], ::testing::StartsWith("north,Account north,n,"));
  const std::vector<std::string> team =
      absl::StrSplit(PortfolioCsv(portfolio, PortfolioTable::kTeam), "\r\n", absl::SkipEmpty());
  ASSERT_THAT(team, SizeIs(2));
  EXPECT_EQ(team[1], "ann@seller.example,Ann Lee,ann@seller.example,2,north; south,0,3,3,no");
  EXPECT_EQ(PortfolioTableFromName("TEAM"), PortfolioTable::kTeam);
  EXPECT_EQ(PortfolioTableFromName("people"), std::nullopt);
}

}  // namespace
}  // namespace contactplan
