// The tactic library: size, coverage of situations and roles, and the three tests marked by the
// criterion in docs/recommendations.md ("The three tests").
#include "recommend/tactic_library.h"

#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "recommend/strategy_table.h"

namespace contactplan::recommend {
namespace {

bool Mentions(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

TEST(TacticLibraryV2, AtLeastSixtyTacticsCoveringEverySituation) {
  EXPECT_GE(TacticLibrary().size(), 60u);
  for (uint32_t situation : {kRepair, kFirstContact, kChampion, kLateDeal, kRenewal, kGrowth}) {
    int n = 0;
    for (const TacticTemplate& t : TacticLibrary()) n += (t.situations & situation) != 0;
    EXPECT_GE(n, 5) << "situation " << situation;
  }
}

// Test 3 is about usefulness beyond the current work: a reference, a pilot, a recovery plan and
// satisfaction results are about our work, so they never pass it.
TEST(TacticLibraryV2, TestThreeFollowsItsCriterion) {
  int all_three = 0;
  for (const TacticTemplate& t : TacticLibrary()) {
    const std::string text = std::string(t.description) + " " + std::string(t.resources);
    if (Mentions(text, "reference") || Mentions(text, "pilot") || Mentions(text, "recovery") ||
        Mentions(text, "satisfaction") || Mentions(text, "case study")) {
      EXPECT_FALSE(t.shows_value) << t.description;
    }
    all_three += t.tests_passed() == 3;
  }
  // Passing all three is the exception, not the rule.
  EXPECT_LT(all_three * 2, static_cast<int>(TacticLibrary().size()));
}

// Repair never uses scarcity or social proof; a tactic for a blank cell is written for first
// contact (or as an introduction), so it presupposes nothing.
TEST(TacticLibraryV2, RepairAndFirstContactRowsKeepTheirPromises) {
  for (const TacticTemplate& t : TacticLibrary()) {
    if ((t.situations & kRepair) != 0) {
      EXPECT_NE(t.strategy, v1::SCARCITY) << t.description;
      EXPECT_NE(t.strategy, v1::SOCIAL_PROOF) << t.description;
    }
    if ((t.steps & StepBit(v1::GRADE_UNSPECIFIED)) != 0) {
      EXPECT_TRUE((t.situations & (kFirstContact | kRepair)) != 0 || t.opens_door) << t.description;
      EXPECT_FALSE(Mentions(t.description, "again") || Mentions(t.description, "follow up") ||
                   Mentions(t.description, "they have raised"))
          << t.description;
    }
  }
}

// Every step and strategy of the built-in table has a tactic for anyone (no role or level
// restriction) in the step's own situation, passing two tests: the draft is never left empty.
TEST(TacticLibraryV2, EveryTableStepHasAGenericTacticInItsSituation) {
  for (const StrategyRow& row : BuiltInStrategyTable()) {
    const v1::Grade step = row.blank_cell ? v1::GRADE_UNSPECIFIED : row.from_grade;
    const uint32_t situation = step == v1::GRADE_UNSPECIFIED ? kFirstContact
                               : step <= v1::DISSATISFIED   ? kRepair
                                                            : kGrowth;
    for (const StrategyPick& pick : row.picks) {
      if (situation == kRepair && (pick.strategy == v1::SCARCITY || pick.strategy == v1::SOCIAL_PROOF))
        continue;
      bool found = false;
      for (const TacticTemplate& t : TacticLibrary()) {
        found |= t.strategy == pick.strategy && (t.steps & StepBit(step)) != 0 &&
                 (t.situations & situation) != 0 && t.buyer_roles == 0 && t.buying_roles == 0 &&
                 t.levels == 0 && !t.opens_door && t.tests_passed() >= 2;
      }
      EXPECT_TRUE(found) << v1::InfluenceStrategy_Name(pick.strategy) << " from "
                         << v1::Grade_Name(step);
    }
  }
}

// Champion tactics coach us and co-write the case.
TEST(TacticLibraryV2, ChampionsAreAskedToCoachAndCoWrite) {
  bool coach = false, co_write = false;
  for (const TacticTemplate& t : TacticLibrary()) {
    if ((t.situations & kChampion) == 0) continue;
    coach |= Mentions(t.description, "coach us");
    co_write |= Mentions(t.description, "Co-write");
  }
  EXPECT_TRUE(coach);
  EXPECT_TRUE(co_write);
}

}  // namespace
}  // namespace contactplan::recommend
