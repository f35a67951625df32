#include "recommend_fixture.h"

#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "model/time.h"
#include "recommend/recommendations.h"
#include "rules/rule.h"
#include "rules/rules.h"
#include "model/influence_web.h"
#include "support/text_plan.h"

namespace contactplan::testing {
namespace {

Settings Resolve(std::string_view options_text) {
  absl::StatusOr<Settings> settings = ResolveSettings(OptionsFromText(options_text));
  EXPECT_TRUE(settings.ok()) << settings.status();
  return settings.ok() ? *std::move(settings) : Settings{};
}

// Uniform integers from the engine's raw output: std::uniform_int_distribution differs between
// standard libraries, and a seed must name one plan everywhere.
class Dice {
 public:
  explicit Dice(uint64_t seed) : engine_(seed) {}
  int64_t Below(int64_t n) { return n <= 1 ? 0 : static_cast<int64_t>(engine_() % uint64_t(n)); }
  int64_t Between(int64_t lo, int64_t hi) { return lo + Below(hi - lo + 1); }
  bool Chance(int percent) { return Below(100) < percent; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace

absl::Time Now() { return absl::FromUnixSeconds(1717200000); }
absl::Time DaysAgo(int64_t days) { return Now() - absl::Hours(24 * days); }
google::protobuf::Timestamp TimestampDaysAgo(int64_t days) {
  return model::ToTimestamp(DaysAgo(days));
}

RecommendFixture::RecommendFixture(v1::Plan plan, std::string_view options_text)
    : plan_(std::move(plan)),
      settings_(Resolve(options_text)),
      index_(plan_),
      context_{index_, settings_, index_.now()} {}  // as the engine resolves it

RecommendFixture::RecommendFixture(std::string_view plan_text, std::string_view options_text)
    : RecommendFixture(PlanFromText(plan_text), options_text) {}

v1::Recommendations RecommendFixture::Recommend(const std::vector<v1::Finding>& findings,
                                                int32_t horizon_days) const {
  v1::Recommendations out;
  recommend::Recommend(context_, TypedFindings(index_, findings), horizon_days, &out);
  return out;
}

std::vector<v1::Finding> RecommendFixture::RuleFindings() const {
  const model::InfluenceWeb web = model::ComputeInfluenceWeb(context_);
  google::protobuf::RepeatedPtrField<v1::Finding> findings;
  rules::EvaluateRules(context_, web, &findings);
  return {findings.begin(), findings.end()};
}

std::vector<rules::Finding> TypedFindings(const model::PlanIndex& index,
                                          const std::vector<v1::Finding>& findings) {
  std::vector<rules::Finding> typed;
  for (const v1::Finding& message : findings) {
    const rules::Rule* rule = nullptr;
    for (const rules::Rule* candidate : rules::AllRules()) {
      if (candidate->info.code == message.code()) rule = candidate;
    }
    if (rule == nullptr) continue;
    rules::Finding& finding = typed.emplace_back();
    finding.rule = rule;
    finding.severity = message.severity();
    for (const std::string& id : message.person_ids()) {
      if (model::PersonIx p = index.FindPerson(id); p != model::kNone) finding.persons.push_back(p);
    }
    for (const std::string& id : message.team_member_ids()) {
      if (model::MemberIx m = index.FindMember(id); m != model::kNone) finding.members.push_back(m);
    }
    if (!message.opportunity_id().empty()) {
      finding.opportunity = index.FindOpportunity(message.opportunity_id());
    }
  }
  return typed;
}

model::PersonIx RecommendFixture::Person(std::string_view id) const {
  const model::PersonIx p = index_.FindPerson(id);
  EXPECT_NE(p, model::kNone) << "no person " << id;
  return p;
}

model::MemberIx RecommendFixture::Member(std::string_view id) const {
  const model::MemberIx m = index_.FindMember(id);
  EXPECT_NE(m, model::kNone) << "no team member " << id;
  return m;
}

v1::Finding MakeFinding(std::string_view code, std::initializer_list<std::string_view> person_ids,
                        std::initializer_list<std::string_view> team_member_ids) {
  v1::Finding finding;
  finding.set_code(std::string(code));
  finding.set_severity(v1::WARNING);
  for (std::string_view id : person_ids) finding.add_person_ids(std::string(id));
  for (std::string_view id : team_member_ids) finding.add_team_member_ids(std::string(id));
  return finding;
}

v1::Plan RandomPlan(uint64_t seed) {
  Dice dice(seed);
  v1::Plan plan;
  *plan.mutable_as_of() = model::ToTimestamp(Now());
  const int members = static_cast<int>(dice.Between(1, 12));
  const int persons = static_cast<int>(dice.Between(3, 60));
  for (int m = 0; m < members; ++m) {
    v1::TeamMember& member = *plan.add_team_members();
    member.set_id(absl::StrCat("t", m));
    member.set_name(absl::StrCat("Member ", m));
    member.set_level(static_cast<v1::Level>(dice.Below(5)));
    if (dice.Chance(70)) member.set_capacity(static_cast<double>(dice.Below(17)) / 2);
  }
  for (int p = 0; p < persons; ++p) {
    v1::Person& person = *plan.add_persons();
    person.set_id(absl::StrCat("p", p));
    person.set_level(static_cast<v1::Level>(dice.Below(5)));
    person.set_key(dice.Chance(15));
    for (int role = 1; role <= 4; ++role) {
      if (dice.Chance(12)) person.add_buyer_roles(static_cast<v1::Person::BuyerRole>(role));
    }
    // Managers come earlier in the list, so reports-to never forms a cycle.
    if (p > 0 && dice.Chance(85)) person.set_reports_to_id(absl::StrCat("p", dice.Below(p)));
    if (p > 1 && dice.Chance(20)) {
      const int64_t target = dice.Below(persons);
      if (target != p) person.add_influences()->set_person_id(absl::StrCat("p", target));
    }
  }
  for (int p = 0; p < persons; ++p) {
    for (int m = 0; m < members; ++m) {
      if (!dice.Chance(18)) continue;
      v1::Relationship& rel = *plan.add_relationships();
      rel.set_team_member_id(absl::StrCat("t", m));
      rel.set_person_id(absl::StrCat("p", p));
      rel.set_grade(static_cast<v1::Grade>(dice.Below(7)));  // blank included
      if (dice.Chance(60)) *rel.mutable_last_contact_at() = TimestampDaysAgo(dice.Below(400));
      if (dice.Chance(60)) *rel.mutable_assessed_at() = TimestampDaysAgo(dice.Below(400));
      if (dice.Chance(10)) rel.set_desired_grade(static_cast<v1::Grade>(dice.Between(3, 6)));
    }
  }
  const int opportunities = static_cast<int>(dice.Below(4));
  for (int o = 0; o < opportunities; ++o) {
    v1::Opportunity& opportunity = *plan.add_opportunities();
    opportunity.set_id(absl::StrCat("o", o));
    opportunity.set_stage(static_cast<v1::OpportunityStage>(dice.Below(6)));
    opportunity.set_closed(dice.Chance(25));
    const int participants = static_cast<int>(dice.Between(0, 5));
    for (int i = 0; i < participants; ++i) {
      v1::Participant& participant = *opportunity.add_participants();
      participant.set_person_id(absl::StrCat("p", dice.Below(persons)));
      participant.set_buying_role(static_cast<v1::Participant::BuyingRole>(dice.Below(5)));
      participant.set_preference(static_cast<v1::Preference>(dice.Below(6)));
    }
  }
  return plan;
}

}  // namespace contactplan::testing
