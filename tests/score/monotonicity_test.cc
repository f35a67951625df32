// Property test of the promise "improving one grade never lowers account health" (docs/scores.md): for many
// generated plans, every one-step raise of every intersection (M->D, D->I, I->S, S->O, O->T, and a
// blank cell becoming INDIFFERENT, whether the blank is a relationship without a grade or no
// relationship at all) must leave every score at least where it was.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "score/scored_plan.h"

namespace contactplan::score {
namespace {

using ::contactplan::testing::ScoredPlan;

// SplitMix64: a tiny generator whose sequence is the same on every platform and standard library
// (std::uniform_int_distribution is not), so a failing case can be reproduced anywhere from its seed.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi].
  int32_t Between(int32_t lo, int32_t hi) {
    return lo + static_cast<int32_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool Chance(int32_t percent) { return Between(1, 100) <= percent; }

 private:
  uint64_t state_;
};

// A small valid plan with every feature the scores read: levels (some unknown), buyer roles, key
// flags, an org chart without cycles, NPS answers, graded/blank/absent cells, open and closed
// opportunities with participants.
v1::Plan RandomPlan(Random& random) {
  v1::Plan plan;
  const int32_t members = random.Between(1, 5);
  const int32_t persons = random.Between(1, 8);
  for (int32_t m = 0; m < members; ++m) {
    v1::TeamMember& member = *plan.add_team_members();
    member.set_id(absl::StrCat("t", m));
    member.set_level(static_cast<v1::Level>(random.Between(0, 4)));
  }
  for (int32_t p = 0; p < persons; ++p) {
    v1::Person& person = *plan.add_persons();
    person.set_id(absl::StrCat("p", p));
    person.set_level(static_cast<v1::Level>(random.Between(0, 4)));
    person.set_key(random.Chance(20));
    for (int32_t role = 1; role <= 4; ++role) {
      if (random.Chance(15)) person.add_buyer_roles(static_cast<v1::Person::BuyerRole>(role));
    }
    // Reporting only to earlier persons keeps the org chart free of cycles.
    if (p > 0 && random.Chance(60)) person.set_reports_to_id(absl::StrCat("p", random.Between(0, p - 1)));
    const int32_t answers = random.Between(0, 2);
    for (int32_t a = 0; a < answers; ++a) {
      v1::NpsAnswer& answer = *person.add_nps_answers();
      answer.set_score(random.Between(0, 10));
      answer.mutable_answered_at()->set_seconds(1700000000 + 86400 * random.Between(0, 400));
    }
  }
  for (int32_t m = 0; m < members; ++m) {
    for (int32_t p = 0; p < persons; ++p) {
      const int32_t kind = random.Between(1, 100);
      if (kind <= 35) continue;  // no relationship: a blank cell not on the plan
      v1::Relationship& relationship = *plan.add_relationships();
      relationship.set_team_member_id(absl::StrCat("t", m));
      relationship.set_person_id(absl::StrCat("p", p));
      if (kind > 45) relationship.set_grade(static_cast<v1::Grade>(random.Between(1, 6)));
    }
  }
  const int32_t opportunities = random.Between(0, 2);
  for (int32_t o = 0; o < opportunities; ++o) {
    v1::Opportunity& opportunity = *plan.add_opportunities();
    opportunity.set_id(absl::StrCat("o", o));
    opportunity.set_closed(random.Chance(25));
    opportunity.set_stage(static_cast<v1::OpportunityStage>(random.Between(0, 5)));
    // Close dates around the fixed "now" of the test (1717200000), some within every horizon.
    if (random.Chance(60)) {
      opportunity.mutable_expected_close_at()->set_seconds(1717200000 +
                                                           86400 * random.Between(-20, 120));
    }
    opportunity.mutable_qualification()->set_pain_admitted(random.Chance(50));
    opportunity.mutable_qualification()->set_access_to_power(random.Chance(50));
    for (int32_t p = 0; p < persons; ++p) {
      if (!random.Chance(40)) continue;
      v1::Participant& participant = *opportunity.add_participants();
      participant.set_person_id(absl::StrCat("p", p));
      participant.set_buying_role(static_cast<v1::Participant::BuyingRole>(random.Between(0, 4)));
      participant.set_preference(static_cast<v1::Preference>(random.Between(0, 5)));
    }
  }
  return plan;
}

// Options that change what the scores read: the thread grade and the health weights.
v1::EngineOptions RandomOptions(Random& random) {
  v1::EngineOptions options;
  if (random.Chance(50)) options.set_thread_min_grade(static_cast<v1::Grade>(random.Between(1, 6)));
  if (random.Chance(30)) {
    v1::HealthWeights& weights = *options.mutable_health_weights();
    weights.set_breadth(random.Between(0, 3));
    weights.set_depth(random.Between(0, 3));
    weights.set_quality(random.Between(0, 3));
    weights.set_risk(1 + random.Between(0, 3));  // at least one weight stays positive
  }
  return options;
}

// Every score value in a fixed order: the account scores, then per person, then per opportunity.
std::vector<std::pair<std::string, double>> AllScores(const v1::Scores& scores) {
  std::vector<std::pair<std::string, double>> values = {
      {"account_health", scores.account_health().value()},
      {"coverage_breadth", scores.coverage_breadth().value()},
      {"depth", scores.depth().value()},
      {"quality", scores.quality().value()},
      {"risk", scores.risk().value()}};
  for (const v1::PersonCoverage& person : scores.person_coverage()) {
    values.emplace_back(absl::StrCat("person_coverage[", person.person_id(), "]"),
                        person.coverage().value());
  }
  for (const v1::OpportunityReadiness& opportunity : scores.opportunity_readiness()) {
    values.emplace_back(absl::StrCat("opportunity_readiness[", opportunity.opportunity_id(), "]"),
                        opportunity.readiness().value());
  }
  return values;
}

// The plan with the (m, p) cell raised one step; false when the cell is already at TRUST.
bool RaiseCell(const v1::Plan& plan, const model::PlanIndex& index, model::MemberIx m,
               model::PersonIx p, v1::Plan& raised, std::string& what) {
  raised = plan;
  const model::RelationshipIx r = index.FindCell(m, p);
  const std::string cell = absl::StrCat(plan.team_members(m).id(), "/", plan.persons(p).id());
  if (r == model::kNone) {
    v1::Relationship& added = *raised.add_relationships();
    added.set_team_member_id(plan.team_members(m).id());
    added.set_person_id(plan.persons(p).id());
    added.set_grade(v1::INDIFFERENT);
    what = absl::StrCat(cell, ": new relationship at INDIFFERENT");
    return true;
  }
  const v1::Grade grade = index.grade(r);
  if (grade == v1::TRUST) return false;
  const v1::Grade next =
      grade == v1::GRADE_UNSPECIFIED ? v1::INDIFFERENT : static_cast<v1::Grade>(grade + 1);
  raised.mutable_relationships(r)->set_grade(next);
  what = absl::StrCat(cell, ": ", v1::Grade_Name(grade), " -> ", v1::Grade_Name(next));
  return true;
}

TEST(ScoreMonotonicityTest, RaisingOneGradeNeverLowersAnyScore) {
  constexpr int kPlans = 400;
  Random random(20240611);
  int cases = 0;
  int health_rises = 0;
  for (int n = 0; n < kPlans; ++n) {
    const v1::Plan plan = RandomPlan(random);
    const v1::EngineOptions options = RandomOptions(random);
    // Half the plans with a "now" and a horizon, so that risk's deals closing soon take part.
    const std::optional<absl::Time> now =
        random.Chance(50) ? std::optional<absl::Time>(absl::FromUnixSeconds(1717200000))
                          : std::nullopt;
    const int32_t horizon = 30 * random.Between(1, 3);
    const ScoredPlan before(plan, options, now, horizon);
    const model::PlanIndex index(plan);
    const auto before_scores = AllScores(before.Scores());
    for (model::MemberIx m = 0; m < index.member_count(); ++m) {
      for (model::PersonIx p = 0; p < index.person_count(); ++p) {
        v1::Plan raised;
        std::string what;
        if (!RaiseCell(plan, index, m, p, raised, what)) continue;
        ++cases;
        const auto after_scores = AllScores(ScoredPlan(raised, options, now, horizon).Scores());
        ASSERT_EQ(after_scores.size(), before_scores.size());
        for (size_t i = 0; i < before_scores.size(); ++i) {
          ASSERT_GE(after_scores[i].second, before_scores[i].second - 1e-9)
              << before_scores[i].first << " fell after " << what << " in generated plan " << n
              << ":\n"
              << plan.DebugString() << "options: " << options.ShortDebugString();
        }
        if (after_scores[0].second > before_scores[0].second + 1e-9) ++health_rises;
      }
    }
  }
  EXPECT_GT(cases, 3000);
  // The property would hold trivially for a constant score: most raises must actually count.
  EXPECT_GT(health_rises, cases / 2);
}

}  // namespace
}  // namespace contactplan::score
