// The plan of action judged as an enterprise sales coach would: six accounts (the two examples and
// four of tests/data/judgement/, modelled on a coach's review), each with the top actions a coach
// expects, written down before the engine was run. Every plan also keeps the rules that hold for
// any account: tiers in order, one entry per person, repairs without scarcity or social proof,
// introducers apart from owners, strategy words that fit the owner.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace contactplan {
namespace {

using Key = v1::KeyIntersection;

v1::Analysis Analyze(const std::string& path, int32_t horizon_days) {
  absl::StatusOr<v1::Plan> plan = ReadPlanFile(path);
  EXPECT_TRUE(plan.ok()) << plan.status();
  absl::StatusOr<Engine> engine = Engine::Create();
  EXPECT_TRUE(engine.ok()) << engine.status();
  v1::AnalysisOptions options;
  options.set_horizon_days(horizon_days);
  absl::StatusOr<v1::Analysis> analysis = engine->Analyze(*plan, options);
  EXPECT_TRUE(analysis.ok()) << analysis.status();
  return analysis.ok() ? *analysis : v1::Analysis();
}

const Key* Find(const v1::Analysis& analysis, const std::string& person_id) {
  for (const Key& key : analysis.recommendations().key_intersections()) {
    if (key.person_id() == person_id) return &key;
  }
  return nullptr;
}

const Key& At(const v1::Analysis& analysis, int rank) {
  static const Key kNone;
  const auto& keys = analysis.recommendations().key_intersections();
  EXPECT_GE(keys.size(), rank) << "fewer than " << rank << " key intersections";
  return rank <= keys.size() ? keys[rank - 1] : kNone;
}

v1::Grade DesiredOf(const v1::Analysis& analysis, const std::string& person_id) {
  for (const v1::DesiredGrade& desired : analysis.recommendations().desired_grades()) {
    if (desired.person_id() == person_id) return desired.grade();
  }
  return v1::GRADE_UNSPECIFIED;
}

std::string Describe(const v1::Analysis& analysis) {
  std::string out;
  for (const Key& key : analysis.recommendations().key_intersections()) {
    out += std::to_string(key.rank()) + ". " + Key::Tier_Name(key.tier()) + " " + key.person_id() +
           " owner " + key.team_member_id() + " introducer " + key.introducer_id() + " (" +
           v1::Grade_Name(key.current_grade()) + ")\n";
  }
  return out;
}

const char* const kPlans[] = {
    "examples/kestrel-health.json",
    "examples/northwind-grid.csv",
    "tests/data/judgement/single-threaded.txtpb",
    "tests/data/judgement/sales-org.txtpb",
    "tests/data/judgement/renewal-at-risk.txtpb",
    "tests/data/judgement/large-inflated-trust.txtpb",
};

class EveryPlan : public ::testing::TestWithParam<std::tuple<const char*, int32_t>> {};

TEST_P(EveryPlan, KeepsTheOrderASellerWorksIn) {
  const auto [path, horizon] = GetParam();
  const v1::Analysis analysis = Analyze(path, horizon);
  const auto& keys = analysis.recommendations().key_intersections();
  ASSERT_FALSE(keys.empty()) << path;
  std::set<std::string> persons;
  for (int i = 0; i < keys.size(); ++i) {
    const Key& key = keys[i];
    SCOPED_TRACE(Describe(analysis));
    EXPECT_NE(key.tier(), Key::TIER_UNSPECIFIED);
    if (i > 0) {
      EXPECT_LE(keys[i - 1].tier(), key.tier()) << "tiers first";
    }
    EXPECT_TRUE(persons.insert(key.person_id()).second) << key.person_id() << " appears twice";
    EXPECT_NE(key.introducer_id(), key.team_member_id()) << "the owner is not their own introducer";
    EXPECT_EQ(key.introducer_id().empty(), key.introducer_reason().empty());
    for (const v1::StrategyChoice& choice : key.strategies()) {
      if (key.tier() == Key::REPAIR) {
        EXPECT_NE(choice.strategy(), v1::SCARCITY) << key.person_id();
        EXPECT_NE(choice.strategy(), v1::SOCIAL_PROOF) << key.person_id();
      }
    }
  }
}

TEST_P(EveryPlan, StrategyWordsFitTheOwner) {
  const auto [path, horizon] = GetParam();
  absl::StatusOr<v1::Plan> plan = ReadPlanFile(path);
  ASSERT_TRUE(plan.ok());
  const v1::Analysis analysis = Analyze(path, horizon);
  for (const Key& key : analysis.recommendations().key_intersections()) {
    v1::Level owner = v1::LEVEL_UNSPECIFIED, person = v1::LEVEL_UNSPECIFIED;
    for (const auto& m : plan->team_members()) {
      if (m.id() == key.team_member_id()) owner = m.level();
    }
    for (const auto& p : plan->persons()) {
      if (p.id() == key.person_id()) person = p.level();
    }
    if (owner == v1::LEVEL_UNSPECIFIED || person == v1::LEVEL_UNSPECIFIED || owner >= person) {
      continue;
    }
    for (const v1::StrategyChoice& choice : key.strategies()) {
      EXPECT_FALSE(absl::StrContains(choice.reason(), "equal seniority")) << key.person_id();
      EXPECT_FALSE(absl::StrContains(choice.reason(), "our most senior")) << key.person_id();
    }
  }
}

// The draft rotates its tactics: none is in more than a quarter of the entries (at least one), on
// every judged plan at both horizons (the library holds alternatives for each situation there).
TEST_P(EveryPlan, NoTacticInMoreThanAQuarterOfTheDraft) {
  const auto [path, horizon] = GetParam();
  const v1::Analysis analysis = Analyze(path, horizon);
  const auto& draft = analysis.recommendations().blueprint_draft();
  std::map<std::string, int> entries_with;
  for (const v1::BlueprintEntry& entry : draft) {
    std::set<std::string> in_entry;
    for (const v1::Tactic& tactic : entry.tactics()) in_entry.insert(tactic.description());
    for (const std::string& description : in_entry) ++entries_with[description];
  }
  const int cap = std::max(1, draft.size() / 4);
  for (const auto& [description, count] : entries_with) {
    EXPECT_LE(count, cap) << path << " at " << horizon << " days: \"" << description << "\" in "
                          << count << " of " << draft.size() << " entries";
  }
}

INSTANTIATE_TEST_SUITE_P(Judgement, EveryPlan,
                         ::testing::Combine(::testing::ValuesIn(kPlans), ::testing::Values(30, 90)));

// Kestrel: Maja Lund (Dissatisfied, an Enemy evaluator whose NPS fell) is worked within 30 days,
// and the decision makers who do not support us come before any coverage.
TEST(Judgement, KestrelRepairsTheEnemyEvaluatorThisMonth) {
  for (int32_t horizon : {30, 90}) {
    const v1::Analysis analysis = Analyze("examples/kestrel-health.json", horizon);
    SCOPED_TRACE(Describe(analysis));
    const Key* maja = Find(analysis, "maja-lund");
    ASSERT_NE(maja, nullptr);
    EXPECT_EQ(maja->tier(), Key::REPAIR);
    EXPECT_EQ(At(analysis, 1).tier(), Key::REPAIR);
    ASSERT_NE(Find(analysis, "kwame-osei"), nullptr);
    EXPECT_EQ(Find(analysis, "kwame-osei")->tier(), Key::REPAIR);
  }
}

// Northwind: the CIO who wants us out is repaired (the Motivated-to-change cell), by someone at
// their level since its holder is two levels below; the CFO decision maker nobody covers comes
// first; Grace Lindqvist's easy coverage waits behind both.
TEST(Judgement, NorthwindRepairsBeforeEasyCoverage) {
  for (int32_t horizon : {30, 90}) {
    const v1::Analysis analysis = Analyze("examples/northwind-grid.csv", horizon);
    SCOPED_TRACE(Describe(analysis));
    const Key* marcus = Find(analysis, "marcus-feld");
    ASSERT_NE(marcus, nullptr);
    EXPECT_EQ(marcus->tier(), Key::REPAIR);
    EXPECT_EQ(marcus->team_member_id(), "dana-whitfield");
    EXPECT_THAT(marcus->owner_reason(),
                ::testing::HasSubstr("takes over the repair from Lena Fischer, who holds "
                                     "Motivated to change"));
    EXPECT_EQ(At(analysis, 1).person_id(), "claire-dubois");
    EXPECT_EQ(At(analysis, 1).tier(), Key::REPAIR);
    if (const Key* grace = Find(analysis, "grace-lindqvist")) {
      EXPECT_GT(grace->rank(), marcus->rank());
    }
    // The CFO's desired level is Problem Solver: Open, not Trust.
    EXPECT_EQ(DesiredOf(analysis, "claire-dubois"), v1::OPEN);
  }
}

// 1x2: the CEO approver who does not support us is met by our vice president (the executive with
// no relationships), introduced by the account executive who holds Open with her direct report;
// the Mentor ask goes to the VP Operations; the second thread to the IT manager is a new member's.
TEST(Judgement, SingleThreadedAccountBringsNewFaces) {
  for (int32_t horizon : {30, 90}) {
    const v1::Analysis analysis = Analyze("tests/data/judgement/single-threaded.txtpb", horizon);
    SCOPED_TRACE(Describe(analysis));
    const Key& first = At(analysis, 1);
    EXPECT_EQ(first.person_id(), "p-ceo");
    EXPECT_EQ(first.tier(), Key::REPAIR);
    EXPECT_EQ(first.team_member_id(), "t-vp");
    EXPECT_EQ(first.introducer_id(), "t-ae");
    const Key& second = At(analysis, 2);
    EXPECT_EQ(second.person_id(), "p-ops");
    EXPECT_EQ(second.tier(), Key::DEAL);
    EXPECT_EQ(second.team_member_id(), "t-ae");
    ASSERT_FALSE(second.strategies().empty());
    EXPECT_EQ(second.strategies(0).strategy(), v1::COMMITMENT);
    EXPECT_THAT(second.strategies(0).reason(), ::testing::HasSubstr("coach us"));
    const Key* it = Find(analysis, "p-it");
    ASSERT_NE(it, nullptr);
    EXPECT_EQ(it->tier(), Key::COVERAGE);
    EXPECT_NE(it->team_member_id(), "t-ae") << "the single thread gets no new cell";
  }
}

// The sources' chart: the VP Sales decides and is not supportive; our director (a level below him)
// owns the approach, introduced by the account manager who holds Trust with Sales Operations.
// Sales Operations is our only Mentor: never planned below Trust; IT does not support us: not a
// Trust target.
TEST(Judgement, SalesOrgChartApproachesTheVpThroughTheMentor) {
  for (int32_t horizon : {30, 90}) {
    const v1::Analysis analysis = Analyze("tests/data/judgement/sales-org.txtpb", horizon);
    SCOPED_TRACE(Describe(analysis));
    const Key& first = At(analysis, 1);
    EXPECT_EQ(first.person_id(), "p-vp");
    EXPECT_EQ(first.tier(), Key::REPAIR);
    EXPECT_EQ(first.team_member_id(), "t-dir");
    EXPECT_EQ(first.introducer_id(), "t-am");
    EXPECT_EQ(DesiredOf(analysis, "p-ops"), v1::TRUST);
    EXPECT_NE(DesiredOf(analysis, "p-it"), v1::TRUST);
    EXPECT_EQ(DesiredOf(analysis, "p-vp"), v1::OPEN);  // desired level Problem Solver
    ASSERT_NE(Find(analysis, "p-mgr2"), nullptr);
    EXPECT_EQ(Find(analysis, "p-mgr2")->tier(), Key::COVERAGE);
  }
}

// The renewal at risk: the CFO's grievance with our executive sponsor comes first, repaired by the
// sponsor (same level) without scarcity or social proof; then the deal: the Mentor ask of the IT
// director and the COO approver; Erin Cole's indifference is coverage, after them.
TEST(Judgement, RenewalAtRiskMendsTheEconomicBuyerFirst) {
  for (int32_t horizon : {30, 90}) {
    const v1::Analysis analysis = Analyze("tests/data/judgement/renewal-at-risk.txtpb", horizon);
    SCOPED_TRACE(Describe(analysis));
    const Key& first = At(analysis, 1);
    EXPECT_EQ(first.person_id(), "p-cfo");
    EXPECT_EQ(first.tier(), Key::REPAIR);
    EXPECT_EQ(first.team_member_id(), "t-sponsor");
    EXPECT_EQ(first.current_grade(), v1::DISSATISFIED);
    ASSERT_FALSE(first.strategies().empty());
    EXPECT_THAT(first.strategies(0).reason(), ::testing::HasSubstr("renewal in"));
    const std::set<std::string> deal = {At(analysis, 2).person_id(), At(analysis, 3).person_id()};
    EXPECT_EQ(deal, (std::set<std::string>{"p-itdir", "p-coo"}));
    EXPECT_EQ(At(analysis, 2).tier(), Key::DEAL);
    EXPECT_EQ(At(analysis, 3).tier(), Key::DEAL);
    const Key* itdir = Find(analysis, "p-itdir");
    ASSERT_NE(itdir, nullptr);
    EXPECT_EQ(itdir->team_member_id(), "t-csm");
    EXPECT_EQ(itdir->goal_grade(), v1::OPEN) << "the Mentor ask keeps the grade";
    const Key* erin = Find(analysis, "p-ops");
    ASSERT_NE(erin, nullptr);
    EXPECT_EQ(erin->tier(), Key::COVERAGE);
  }
}

// The large account: no repair to do; the Mentor ask goes to the evangelist evaluator; the
// uncovered store managers are covered by the middle managers, spread over both of them; the CEO,
// covered four times, releases the fourth.
TEST(Judgement, LargeAccountCoversItsUsersAndReleasesTheCeo) {
  for (int32_t horizon : {30, 90}) {
    const v1::Analysis analysis =
        Analyze("tests/data/judgement/large-inflated-trust.txtpb", horizon);
    SCOPED_TRACE(Describe(analysis));
    const Key& first = At(analysis, 1);
    EXPECT_EQ(first.person_id(), "p-eval");
    EXPECT_EQ(first.tier(), Key::DEAL);
    EXPECT_EQ(first.team_member_id(), "t-se");
    std::set<std::string> owners;
    for (int rank = 2; rank <= 5; ++rank) {
      const Key& key = At(analysis, rank);
      EXPECT_EQ(key.tier(), Key::COVERAGE);
      EXPECT_TRUE(absl::StartsWith(key.person_id(), "p-u")) << key.person_id();
      EXPECT_THAT(key.team_member_id(), ::testing::AnyOf("t-se", "t-csm"));
      owners.insert(key.team_member_id());
    }
    EXPECT_EQ(owners.size(), 2u) << "the load is shared";
    bool released = false;
    for (const v1::Release& release : analysis.recommendations().releases()) {
      released |= release.person_id() == "p-ceo" && release.team_member_id() == "t-csm";
    }
    EXPECT_TRUE(released);
  }
}

}  // namespace
}  // namespace contactplan
