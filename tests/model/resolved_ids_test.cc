// ResolveIds answers every id and reference of a plan, valid or not: validation judges the plan from
// these answers and the plan index is built on them, so each answer is checked here.
#include "model/resolved_ids.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan::model {
namespace {

using ::contactplan::testing::PlanFromText;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

MATCHER_P2(RepeatOf, at, first, "") { return arg.at == at && arg.first == first; }

TEST(ResolveIdsTest, TablesHoldTheFirstHolderOfEachNonEmptyId) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" }
    team_members { id: "" }
    team_members { id: "t1" }
    persons { id: "a" }
    persons { id: "b" }
    persons { id: "a" }
    persons { id: "a" }
    opportunities { id: "o" }
    opportunities { id: "o" }
  )pb");
  const ResolvedIds ids = ResolveIds(plan);
  EXPECT_EQ(ids.FindMember("t1"), 0);
  EXPECT_EQ(ids.FindMember(""), kNone);
  EXPECT_EQ(ids.FindPerson("a"), 0);
  EXPECT_EQ(ids.FindPerson("b"), 1);
  EXPECT_EQ(ids.FindPerson("t1"), kNone);  // ids are looked up within their kind
  EXPECT_EQ(ids.FindOpportunity("o"), 0);
  EXPECT_THAT(ids.repeated_member_ids(), ElementsAre(RepeatOf(2, 0)));
  EXPECT_THAT(ids.repeated_person_ids(), ElementsAre(RepeatOf(2, 0), RepeatOf(3, 0)));
  EXPECT_THAT(ids.repeated_opportunity_ids(), ElementsAre(RepeatOf(1, 0)));
}

TEST(ResolveIdsTest, EveryReferenceResolvesWithinItsKindOrToNone) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" }
    team_members { id: "t2" }
    persons { id: "a" reports_to_id: "b" successor_id: "b"
              influences { person_id: "b" } influences { person_id: "nobody" } }
    persons { id: "b" reports_to_id: "b" influences { person_id: "" } }
    persons { id: "c" reports_to_id: "t1" }
    relationships { team_member_id: "t2" person_id: "c" }
    relationships { team_member_id: "a" person_id: "t1" }
    relationships { team_member_id: "" person_id: "" }
    opportunities { participants { person_id: "c" } participants { person_id: "x" } }
    opportunities {}
    opportunities { participants { person_id: "a" } }
    blueprint { person_id: "b" team_member_id: "t1"
                tactics { owner_id: "t2" } tactics { owner_id: "" } tactics { owner_id: "b" } }
    blueprint { person_id: "t2" team_member_id: "c" }
  )pb");
  const ResolvedIds ids = ResolveIds(plan);
  EXPECT_EQ(ids.manager(0), 1);
  EXPECT_EQ(ids.manager(1), 1);  // a person's own id resolves like any other
  EXPECT_EQ(ids.manager(2), kNone);
  EXPECT_EQ(ids.successor(0), 1);
  EXPECT_EQ(ids.successor(1), kNone);
  EXPECT_EQ(ids.influence_target(0, 0), 1);
  EXPECT_EQ(ids.influence_target(0, 1), kNone);
  EXPECT_EQ(ids.influence_target(1, 0), kNone);
  EXPECT_EQ(ids.relationship_member(0), 1);
  EXPECT_EQ(ids.relationship_person(0), 2);
  EXPECT_EQ(ids.relationship_member(1), kNone);
  EXPECT_EQ(ids.relationship_person(1), kNone);
  EXPECT_EQ(ids.relationship_member(2), kNone);
  EXPECT_EQ(ids.relationship_person(2), kNone);
  EXPECT_EQ(ids.participant_person(0, 0), 2);
  EXPECT_EQ(ids.participant_person(0, 1), kNone);
  EXPECT_EQ(ids.participant_person(2, 0), 0);  // after an opportunity without participants
  EXPECT_EQ(ids.blueprint_person(0), 1);
  EXPECT_EQ(ids.blueprint_member(0), 0);
  EXPECT_EQ(ids.tactic_owner(0, 0), 1);
  EXPECT_EQ(ids.tactic_owner(0, 1), kNone);
  EXPECT_EQ(ids.tactic_owner(0, 2), kNone);
  EXPECT_EQ(ids.blueprint_person(1), kNone);
  EXPECT_EQ(ids.blueprint_member(1), kNone);
}

TEST(ResolveIdsTest, CellsKeepTheirFirstRelationshipAndListTheRepeats) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" }
    team_members { id: "t2" }
    persons { id: "a" }
    persons { id: "b" }
    relationships { team_member_id: "t1" person_id: "a" }
    relationships { team_member_id: "t2" person_id: "a" }
    relationships { team_member_id: "t1" person_id: "a" }
    relationships { team_member_id: "t1" person_id: "nobody" }
    relationships { team_member_id: "t1" person_id: "nobody" }
    relationships { team_member_id: "t1" person_id: "a" }
  )pb");
  const ResolvedIds ids = ResolveIds(plan);
  EXPECT_EQ(ids.FindCell(0, 0), 0);
  EXPECT_EQ(ids.FindCell(1, 0), 1);
  EXPECT_EQ(ids.FindCell(0, 1), kNone);
  // A relationship with an unresolved end holds no intersection, so it repeats none.
  EXPECT_THAT(ids.repeated_cells(), ElementsAre(RepeatOf(2, 0), RepeatOf(5, 0)));
}

// Cells against a brute-force reading of the relationships, for persons holding few relationships
// and many (the two ways a person's cells are ordered), with repeats interleaved among other
// members and persons, and ends that resolve to nothing.
TEST(ResolveIdsTest, CellsOfPersonsWithFewAndManyRelationshipsMatchABruteForceReading) {
  v1::Plan plan;
  constexpr int kMembers = 50;
  constexpr int kPersons = 4;
  for (int m = 0; m < kMembers; ++m) plan.add_team_members()->set_id(absl::StrCat("t", m));
  for (int p = 0; p < kPersons; ++p) plan.add_persons()->set_id(absl::StrCat("p", p));
  // Person 0 holds many relationships (over the few a person usually has), person 1 a handful,
  // person 3 none; members are visited out of order and some cells repeat.
  uint32_t state = 7;
  const auto next = [&state](int below) {
    state = state * 1103515245u + 12345u;
    return static_cast<int>((state >> 16) % static_cast<uint32_t>(below));
  };
  for (int k = 0; k < 300; ++k) {
    v1::Relationship& r = *plan.add_relationships();
    const int person = k % 5 == 0 ? 1 : (k % 7 == 0 ? 2 : 0);
    r.set_person_id(k % 41 == 0 ? std::string("nobody") : absl::StrCat("p", person));
    r.set_team_member_id(k % 43 == 0 ? std::string() : absl::StrCat("t", next(person == 1 ? 4 : kMembers)));
  }
  const ResolvedIds ids = ResolveIds(plan);
  std::vector<Repeat> expected_repeats;
  for (int r = 0; r < plan.relationships_size(); ++r) {
    const MemberIx m = ids.relationship_member(r);
    const PersonIx p = ids.relationship_person(r);
    if (m == kNone || p == kNone) continue;
    for (int earlier = 0; earlier < r; ++earlier) {
      if (ids.relationship_member(earlier) == m && ids.relationship_person(earlier) == p) {
        expected_repeats.push_back({r, earlier});
        break;
      }
    }
  }
  ASSERT_FALSE(expected_repeats.empty());
  ASSERT_EQ(ids.repeated_cells().size(), expected_repeats.size());
  for (size_t i = 0; i < expected_repeats.size(); ++i) {
    EXPECT_EQ(ids.repeated_cells()[i].at, expected_repeats[i].at) << i;
    EXPECT_EQ(ids.repeated_cells()[i].first, expected_repeats[i].first) << i;
  }
  for (MemberIx m = -1; m <= kMembers; ++m) {
    for (PersonIx p = -1; p <= kPersons; ++p) {
      RelationshipIx first = kNone;
      for (int r = 0; r < plan.relationships_size() && m >= 0 && p >= 0; ++r) {
        if (ids.relationship_member(r) == m && ids.relationship_person(r) == p) {
          first = r;
          break;
        }
      }
      EXPECT_EQ(ids.FindCell(m, p), first) << "member " << m << ", person " << p;
    }
  }
}

TEST(ResolveIdsTest, AnEmptyPlanResolvesToEmptyTables) {
  const ResolvedIds ids = ResolveIds(v1::Plan());
  EXPECT_EQ(ids.FindPerson("a"), kNone);
  EXPECT_EQ(ids.FindCell(0, 0), kNone);
  EXPECT_THAT(ids.repeated_person_ids(), IsEmpty());
  EXPECT_THAT(ids.repeated_cells(), IsEmpty());
}

}  // namespace
}  // namespace contactplan::model
