// Properties every recommendation keeps on any plan: capacity, one step at a time, limits,
// determinism; checked on many generated plans.
#include "recommend/recommendations.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/grade_steps.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::RandomPlan;
using ::contactplan::testing::RecommendFixture;

std::string Bytes(const v1::Recommendations& out) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  out.SerializeToCodedStream(&coded);
  return bytes;
}

// Everything the contract promises about one analysis.
void ExpectContractKept(const RecommendFixture& fixture, const v1::Recommendations& out,
                        int32_t horizon) {
  const model::PlanIndex& index = fixture.index();
  const int32_t limit = fixture.settings().KeyIntersectionLimit(horizon);
  EXPECT_EQ(out.horizon_days(), horizon);
  EXPECT_LE(out.key_intersections_size(), limit);
  EXPECT_LE(out.unstaffed_size(), limit);

  std::map<std::string, double> planned;
  std::set<std::string> persons;
  for (int i = 0; i < out.key_intersections_size(); ++i) {
    const v1::KeyIntersection& key = out.key_intersections(i);
    SCOPED_TRACE(key.ShortDebugString());
    EXPECT_EQ(key.rank(), i + 1);
    EXPECT_TRUE(persons.insert(key.person_id()).second) << "a person appears twice";
    EXPECT_NE(key.tier(), v1::KeyIntersection::TIER_UNSPECIFIED);
    if (key.next_grade() == key.current_grade()) {
      // v2: a step of the deal (a Mentor ask, an unsupportive decision maker) or a repair taken
      // over by a senior member who already holds a positive grade keeps the grade: the step is
      // the person's support, not a climb.
      EXPECT_THAT(key.tier(), ::testing::AnyOf(v1::KeyIntersection::REPAIR,
                                               v1::KeyIntersection::DEAL));
      EXPECT_GE(key.current_grade(), v1::SATISFIED);
      EXPECT_EQ(key.goal_grade(), key.current_grade());
    } else {
      EXPECT_NE(key.current_grade(), v1::TRUST);
      EXPECT_EQ(key.next_grade(), NextGrade(key.current_grade()));
      EXPECT_GT(key.next_grade(), key.current_grade());
      // The goal is the first grade at Satisfied or above, unless the plan wants less.
      EXPECT_GE(key.goal_grade(), key.next_grade());
      EXPECT_LE(key.goal_grade(), std::max(key.next_grade(), v1::SATISFIED));
    }
    EXPECT_FALSE(key.strategies().empty());
    EXPECT_LE(key.leverage_size(), 3);
    EXPECT_GE(key.priority().score(), 0);
    EXPECT_LE(key.priority().score(), 100);
    if (i > 0) {  // v2: tiers first, then the score within a tier
      const v1::KeyIntersection& before = out.key_intersections(i - 1);
      EXPECT_LE(before.tier(), key.tier());
      if (before.tier() == key.tier()) {
        EXPECT_LE(key.priority().score(), before.priority().score());
      }
    }
    const model::MemberIx m = index.FindMember(key.team_member_id());
    const model::PersonIx p = index.FindPerson(key.person_id());
    ASSERT_NE(m, model::kNone);
    ASSERT_NE(p, model::kNone);
    const model::RelationshipIx cell = index.FindCell(m, p);
    const v1::Grade grade = cell == model::kNone ? v1::GRADE_UNSPECIFIED : index.grade(cell);
    EXPECT_EQ(grade, key.current_grade()) << "the key intersection misstates the map";
    EXPECT_DOUBLE_EQ(key.effort(), StepEffort(fixture.settings(), key.current_grade(),
                                               key.goal_grade()));
    planned[key.team_member_id()] += key.effort();
  }

  ASSERT_EQ(out.team_load_size(), index.member_count());
  for (const v1::TeamLoad& load : out.team_load()) {
    SCOPED_TRACE(load.ShortDebugString());
    EXPECT_NEAR(load.planned(), planned[load.team_member_id()], 1e-9);
    if (load.has_capacity() && load.planned() > 0) {
      EXPECT_LE(load.committed() + load.planned(), load.capacity() + 1e-9) << "overbooked";
    }
  }

  ASSERT_EQ(out.blueprint_draft_size(), out.key_intersections_size());
  for (const v1::BlueprintEntry& entry : out.blueprint_draft()) {
    EXPECT_FALSE(entry.strategies().empty());
    EXPECT_GE(entry.tactics_size(), 2);
    EXPECT_LE(entry.tactics_size(), 3);
    for (const v1::Tactic& tactic : entry.tactics()) {
      EXPECT_GE(tactic.invests_own_time() + tactic.teaches_us() + tactic.shows_value(), 2);
    }
  }

  // Every person has desired grades: stated ones, or exactly one proposal.
  std::map<std::string, std::set<int>> sources;
  int trust_proposals = 0;
  for (const v1::DesiredGrade& desired : out.desired_grades()) {
    sources[desired.person_id()].insert(desired.source());
    // v2: a Trust the plan asks for through its desired relationship level, or today's Trust of a
    // Mentor, is the plan's own wish and not one of the engine's picks.
    trust_proposals += desired.source() == v1::DesiredGrade::PROPOSED &&
                       desired.grade() == v1::TRUST &&
                       absl::StartsWith(desired.reason(), "among the");
    EXPECT_GE(desired.grade(), v1::INDIFFERENT);
  }
  EXPECT_EQ(static_cast<int>(sources.size()), index.person_count());
  for (const auto& [person, kinds] : sources) EXPECT_EQ(kinds.size(), 1u) << person;
  EXPECT_LE(trust_proposals, fixture.settings().max_trust_targets);

  EXPECT_EQ(out.drift().intersections_size(), static_cast<int>(index.graded().size()));
  for (const v1::IntersectionDrift& drift : out.drift().intersections()) {
    EXPECT_LE(drift.in_30_days(), drift.now());
    EXPECT_LE(drift.in_60_days(), drift.in_30_days());
    EXPECT_LE(drift.in_90_days(), drift.in_60_days());
    if (drift.now() >= v1::INDIFFERENT) {
      EXPECT_GE(drift.in_90_days(), v1::INDIFFERENT);
    } else {
      EXPECT_EQ(drift.in_90_days(), drift.now());
    }
  }
}

TEST(Recommendations, GeneratedPlansKeepTheContract) {
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    SCOPED_TRACE(absl::StrCat("seed ", seed));
    const RecommendFixture fixture(RandomPlan(seed));
    for (int32_t horizon : {30, 60, 90}) {
      ExpectContractKept(fixture, fixture.Recommend(fixture.RuleFindings(), horizon), horizon);
    }
  }
}

TEST(Recommendations, TightCapacityIsNeverExceeded) {
  for (uint64_t seed = 1; seed <= 100; ++seed) {
    v1::Plan plan = RandomPlan(seed);
    for (v1::TeamMember& member : *plan.mutable_team_members()) member.set_capacity(1.5);
    const RecommendFixture fixture(plan, "effort_costs { satisfied: 0.5 open: 1 trust: 1.5 }");
    const v1::Recommendations out = fixture.Recommend({}, 90);
    SCOPED_TRACE(absl::StrCat("seed ", seed));
    ExpectContractKept(fixture, out, 90);
  }
}

TEST(Recommendations, SameInputGivesIdenticalBytes) {
  for (uint64_t seed : {3u, 17u, 42u}) {
    const v1::Plan plan = RandomPlan(seed);
    const RecommendFixture first(plan);
    const RecommendFixture second(plan);
    const std::vector<v1::Finding> findings = first.RuleFindings();
    const std::string bytes = Bytes(first.Recommend(findings, 60));
    EXPECT_EQ(bytes, Bytes(first.Recommend(findings, 60)));
    EXPECT_EQ(bytes, Bytes(second.Recommend(second.RuleFindings(), 60)));
    EXPECT_FALSE(bytes.empty());
  }
}

TEST(Recommendations, EmptyPlanRecommendsNothing) {
  const RecommendFixture fixture(v1::Plan{});
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_EQ(out.horizon_days(), 30);
  EXPECT_EQ(out.key_intersections_size(), 0);
  EXPECT_EQ(out.unstaffed_size(), 0);
  EXPECT_EQ(out.drift().distribution_size(), 4);
}

// 10,000 persons and 500 team members: the stage must stay near-linear (a quadratic step would
// make this test run for minutes). Correctness is checked as on small plans.
TEST(Recommendations, LargeAccountStaysWithinTheContract) {
  v1::Plan plan;
  constexpr int kPersons = 10000;
  constexpr int kMembers = 500;
  for (int m = 0; m < kMembers; ++m) {
    v1::TeamMember& member = *plan.add_team_members();
    member.set_id(absl::StrCat("t", m));
    member.set_level(static_cast<v1::Level>(1 + m % 4));
    if (m % 3 != 0) member.set_capacity(6);
  }
  for (int p = 0; p < kPersons; ++p) {
    v1::Person& person = *plan.add_persons();
    person.set_id(absl::StrCat("p", p));
    person.set_level(static_cast<v1::Level>(1 + (p % 7 == 0) + (p % 49 == 0) + (p % 343 == 0)));
    person.set_key(p % 11 == 0);
    if (p > 0) person.set_reports_to_id(absl::StrCat("p", (p - 1) / 8));
    for (int k = 0; k < 3 && p % 5 == 0; ++k) {
      v1::Relationship& rel = *plan.add_relationships();
      rel.set_team_member_id(absl::StrCat("t", (p * 7 + k * 131) % kMembers));
      rel.set_person_id(person.id());
      rel.set_grade(static_cast<v1::Grade>(1 + (p + k) % 6));
    }
  }
  const RecommendFixture fixture(plan);
  for (int32_t horizon : {30, 90}) {
    ExpectContractKept(fixture, fixture.Recommend({}, horizon), horizon);
  }
}

}  // namespace
}  // namespace contactplan::recommend
