// DiffPlans: each kind of change with the smallest pair of plans that shows it, identity by id,
// different accounts, blueprint statuses and invalid plans; PlanDiffReport's order of news.
#include "contactplan/plan_diff.h"

#include <string>

#include "absl/status/status.h"
#include "contactplan/engine.h"
#include "contactplan/render.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::PlanFromText;
using ::testing::SizeIs;
using Progress = v1::PlanDiff::BlueprintProgress;

// One member, one person, one graded cell: the base every test changes one thing of.
constexpr char kBase[] = R"pb(
  as_of { seconds: 1727740800 }  # 2024-10-01
  account { id: "acc" name: "Acme" }
  team_members { id: "m1" name: "Mia" }
  persons { id: "p1" name: "Pat" title: "CFO" relationship_level: VENDOR }
  relationships { team_member_id: "m1" person_id: "p1" grade: OPEN }
)pb";

v1::PlanDiff Diff(const v1::Plan& old_plan, const v1::Plan& new_plan, DiffOptions options = {}) {
  absl::StatusOr<Engine> engine = Engine::Create();
  EXPECT_TRUE(engine.ok());
  absl::StatusOr<v1::PlanDiff> diff = DiffPlans(*engine, old_plan, new_plan, options);
  EXPECT_TRUE(diff.ok()) << diff.status();
  return diff.ok() ? *diff : v1::PlanDiff();
}

absl::Status DiffStatus(const v1::Plan& old_plan, const v1::Plan& new_plan,
                        DiffOptions options = {}) {
  absl::StatusOr<Engine> engine = Engine::Create();
  return DiffPlans(*engine, old_plan, new_plan, options).status();
}

TEST(PlanDiff, SamePlanHasNoChanges) {
  const v1::Plan plan = PlanFromText(kBase);
  const v1::PlanDiff diff = Diff(plan, plan);
  EXPECT_THAT(diff.grade_changes(), IsEmpty());
  EXPECT_THAT(diff.persons_left(), IsEmpty());
  EXPECT_THAT(diff.persons_added(), IsEmpty());
  EXPECT_THAT(diff.person_changes(), IsEmpty());
  EXPECT_EQ(diff.account_health().before(), diff.account_health().after());
  EXPECT_EQ(diff.web_figure().before(), diff.web_figure().after());
  EXPECT_FALSE(diff.account_nps().has_before());
  EXPECT_EQ(diff.account_id(), "acc");
}

TEST(PlanDiff, GradeFellRoseAndBlank) {
  const v1::Plan old_plan = PlanFromText(R"pb(
    team_members { id: "m1" }
    persons { id: "p1" }
    persons { id: "p2" }
    persons { id: "p3" }
    relationships { team_member_id: "m1" person_id: "p1" grade: OPEN }
    relationships { team_member_id: "m1" person_id: "p2" grade: SATISFIED }
  )pb");
  const v1::Plan new_plan = PlanFromText(R"pb(
    team_members { id: "m1" }
    persons { id: "p1" }
    persons { id: "p2" }
    persons { id: "p3" }
    relationships { team_member_id: "m1" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "m1" person_id: "p3" grade: INDIFFERENT }
  )pb");
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  ASSERT_THAT(diff.grade_changes(), SizeIs(3));
  EXPECT_EQ(diff.grade_changes(0).person_id(), "p1");
  EXPECT_EQ(diff.grade_changes(0).before(), v1::OPEN);
  EXPECT_EQ(diff.grade_changes(0).after(), v1::SATISFIED);
  // A new cell: blank before.
  EXPECT_EQ(diff.grade_changes(1).person_id(), "p3");
  EXPECT_EQ(diff.grade_changes(1).before(), v1::GRADE_UNSPECIFIED);
  EXPECT_EQ(diff.grade_changes(1).after(), v1::INDIFFERENT);
  // A cell NEW no longer records: blank after.
  EXPECT_EQ(diff.grade_changes(2).person_id(), "p2");
  EXPECT_EQ(diff.grade_changes(2).before(), v1::SATISFIED);
  EXPECT_EQ(diff.grade_changes(2).after(), v1::GRADE_UNSPECIFIED);
}

TEST(PlanDiff, RenamedPersonIsAChangeNotARemoval) {
  const v1::Plan old_plan = PlanFromText(kBase);
  v1::Plan new_plan = old_plan;
  new_plan.mutable_persons(0)->set_name("Patricia");
  new_plan.mutable_persons(0)->set_title("Group CFO");
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  EXPECT_THAT(diff.persons_left(), IsEmpty());
  EXPECT_THAT(diff.persons_added(), IsEmpty());
  EXPECT_THAT(diff.grade_changes(), IsEmpty());
  ASSERT_THAT(diff.person_changes(), SizeIs(1));
  const v1::PlanDiff::DetailChange& change = diff.person_changes(0);
  EXPECT_EQ(change.id(), "p1");
  EXPECT_EQ(change.name(), "Patricia");
  ASSERT_THAT(change.fields(), SizeIs(2));
  EXPECT_EQ(change.fields(0).field(), "name");
  EXPECT_EQ(change.fields(0).before(), "Pat");
  EXPECT_EQ(change.fields(0).after(), "Patricia");
  EXPECT_EQ(change.fields(1).field(), "title");
}

TEST(PlanDiff, PersonsAddedRemovedAndLeft) {
  const v1::Plan old_plan = PlanFromText(R"pb(
    as_of { seconds: 1727740800 }
    team_members { id: "m1" }
    persons { id: "p1" }
    persons { id: "p2" }
  )pb");
  const v1::Plan new_plan = PlanFromText(R"pb(
    as_of { seconds: 1733011200 }  # 2024-12-01
    team_members { id: "m1" }
    persons {
      id: "p1"
      left_at { seconds: 1730419200 }
      successor_id: "p3"
    }  # left 2024-11-01
    persons { id: "p3" name: "Quinn" }
    persons {
      id: "p4"
      left_at { seconds: 1735689600 }
    }  # leaves 2025-01-01: not yet
  )pb");
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  ASSERT_THAT(diff.persons_left(), SizeIs(2));
  EXPECT_EQ(diff.persons_left(0).person_id(), "p1");
  EXPECT_FALSE(diff.persons_left(0).removed());
  EXPECT_EQ(diff.persons_left(0).left_at().seconds(), 1730419200);
  EXPECT_EQ(diff.persons_left(0).successor_id(), "p3");
  EXPECT_EQ(diff.persons_left(1).person_id(), "p2");
  EXPECT_TRUE(diff.persons_left(1).removed());
  // A future departure is no departure yet: p4 is new, and has not left.
  ASSERT_THAT(diff.persons_added(), SizeIs(2));
  EXPECT_EQ(diff.persons_added(0).person_id(), "p3");
  EXPECT_EQ(diff.persons_added(0).name(), "Quinn");
  EXPECT_EQ(diff.persons_added(1).person_id(), "p4");
}

TEST(PlanDiff, AnnouncedDepartureIsLeavingNotLeft) {
  const v1::Plan old_plan = PlanFromText(R"pb(
    as_of { seconds: 1727740800 }
    team_members { id: "m1" }
    persons { id: "p1" }
  )pb");
  v1::Plan new_plan = old_plan;
  new_plan.mutable_as_of()->set_seconds(1733011200);
  new_plan.mutable_persons(0)->mutable_left_at()->set_seconds(1735689600);  // 2025-01-01
  new_plan.mutable_team_members(0)->mutable_left_at()->set_seconds(1735689600);
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  EXPECT_THAT(diff.persons_left(), IsEmpty());
  EXPECT_THAT(diff.team_members_left(), IsEmpty());
  ASSERT_THAT(diff.persons_leaving(), SizeIs(1));
  EXPECT_EQ(diff.persons_leaving(0).left_at().seconds(), 1735689600);
  ASSERT_THAT(diff.team_members_leaving(), SizeIs(1));
  // Announced in OLD already: no news.
  EXPECT_THAT(Diff(new_plan, new_plan).persons_leaving(), IsEmpty());
  EXPECT_THAT(PlanDiffReport(diff, "old"), HasSubstr("Leaving soon\n  - p1: leaves on 2025-01-01"));
}

TEST(PlanDiff, TeamMemberDetailsAreChanges) {
  const v1::Plan old_plan = PlanFromText(kBase);
  v1::Plan new_plan = old_plan;
  new_plan.mutable_team_members(0)->set_title("Account Executive");
  new_plan.mutable_team_members(0)->set_capacity(4);
  new_plan.mutable_persons(0)->set_key(true);
  new_plan.mutable_persons(0)->set_level(v1::EXECUTIVE);
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  ASSERT_THAT(diff.team_member_changes(), SizeIs(1));
  ASSERT_THAT(diff.team_member_changes(0).fields(), SizeIs(2));
  EXPECT_EQ(diff.team_member_changes(0).fields(0).field(), "title");
  EXPECT_EQ(diff.team_member_changes(0).fields(1).field(), "capacity");
  EXPECT_EQ(diff.team_member_changes(0).fields(1).before(), "");
  EXPECT_EQ(diff.team_member_changes(0).fields(1).after(), "4");
  ASSERT_THAT(diff.person_changes(), SizeIs(1));
  ASSERT_THAT(diff.person_changes(0).fields(), SizeIs(2));
  EXPECT_EQ(diff.person_changes(0).fields(0).field(), "level");
  EXPECT_EQ(diff.person_changes(0).fields(0).after(), "EXECUTIVE");
  EXPECT_EQ(diff.person_changes(0).fields(1).field(), "key");
  EXPECT_EQ(diff.person_changes(0).fields(1).after(), "true");
}

TEST(PlanDiff, PersonWhoHadLeftInOldIsNotLeftAgain) {
  const v1::Plan old_plan = PlanFromText(R"pb(
    as_of { seconds: 1727740800 }
    team_members { id: "m1" }
    persons {
      id: "p1"
      left_at { seconds: 1720000000 }
    }
  )pb");
  v1::Plan new_plan = old_plan;
  new_plan.mutable_as_of()->set_seconds(1733011200);
  EXPECT_THAT(Diff(old_plan, new_plan).persons_left(), IsEmpty());
}

TEST(PlanDiff, TeamMembersAddedAndLeft) {
  const v1::Plan old_plan = PlanFromText(R"pb(
    as_of { seconds: 1727740800 }
    team_members { id: "m1" name: "Mia" }
    team_members { id: "m2" name: "Max" }
    persons { id: "p1" }
  )pb");
  const v1::Plan new_plan = PlanFromText(R"pb(
    as_of { seconds: 1733011200 }
    team_members {
      id: "m1"
      name: "Mia"
      left_at { seconds: 1730419200 }
    }
    team_members { id: "m3" name: "Noa" }
    persons { id: "p1" }
  )pb");
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  ASSERT_THAT(diff.team_members_left(), SizeIs(2));
  EXPECT_EQ(diff.team_members_left(0).team_member_id(), "m1");
  EXPECT_FALSE(diff.team_members_left(0).removed());
  EXPECT_EQ(diff.team_members_left(1).team_member_id(), "m2");
  EXPECT_TRUE(diff.team_members_left(1).removed());
  ASSERT_THAT(diff.team_members_added(), SizeIs(1));
  EXPECT_EQ(diff.team_members_added(0).name(), "Noa");
}

TEST(PlanDiff, RelationshipLevelPreferenceAndNps) {
  const v1::Plan old_plan = PlanFromText(R"pb(
    team_members { id: "m1" }
    persons {
      id: "p1"
      relationship_level: VENDOR
      nps_answers {
        score: 6
        answered_at { seconds: 1720000000 }
      }
    }
    persons {
      id: "p2"
      nps_answers {
        score: 10
        answered_at { seconds: 1720000000 }
      }
    }
    opportunities {
      id: "o1"
      participants { person_id: "p1" preference: NEUTRAL }
    }
  )pb");
  const v1::Plan new_plan = PlanFromText(R"pb(
    team_members { id: "m1" }
    persons {
      id: "p1"
      relationship_level: CREDIBLE_SOURCE
      nps_answers {
        score: 6
        answered_at { seconds: 1720000000 }
      }
      nps_answers {
        score: 9
        answered_at { seconds: 1730000000 }
      }
    }
    persons {
      id: "p2"
      nps_answers {
        score: 10
        answered_at { seconds: 1720000000 }
      }
    }
    opportunities {
      id: "o1"
      participants { person_id: "p1" preference: SUPPORTER }
      participants { person_id: "p2" preference: MENTOR }
    }
  )pb");
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  ASSERT_THAT(diff.relationship_level_changes(), SizeIs(1));
  EXPECT_EQ(diff.relationship_level_changes(0).before(), v1::VENDOR);
  EXPECT_EQ(diff.relationship_level_changes(0).after(), v1::CREDIBLE_SOURCE);
  ASSERT_THAT(diff.preference_changes(), SizeIs(2));
  EXPECT_EQ(diff.preference_changes(0).person_id(), "p1");
  EXPECT_EQ(diff.preference_changes(0).before(), v1::NEUTRAL);
  EXPECT_EQ(diff.preference_changes(0).after(), v1::SUPPORTER);
  EXPECT_EQ(diff.preference_changes(1).person_id(), "p2");
  EXPECT_EQ(diff.preference_changes(1).before(), v1::PREFERENCE_UNSPECIFIED);
  ASSERT_THAT(diff.nps_changes(), SizeIs(1));
  EXPECT_EQ(diff.nps_changes(0).person_id(), "p1");
  EXPECT_EQ(diff.nps_changes(0).before(), 6);
  EXPECT_EQ(diff.nps_changes(0).after(), 9);
  // One detractor and one promoter (0), then two promoters (100).
  EXPECT_DOUBLE_EQ(diff.account_nps().before(), 0);
  EXPECT_DOUBLE_EQ(diff.account_nps().after(), 100);
}

TEST(PlanDiff, HealthAndWebComeFromTheEngine) {
  const v1::Plan old_plan = PlanFromText(kBase);
  v1::Plan new_plan = old_plan;
  new_plan.mutable_relationships(0)->set_grade(v1::DISSATISFIED);
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  EXPECT_EQ(diff.web_figure().before(), "1x1");
  EXPECT_EQ(diff.web_figure().after(), "0x0");
  EXPECT_LT(diff.account_health().after(), diff.account_health().before());
}

// OLD's blueprint: three entries, judged on NEW at 2024-12-01.
constexpr char kBlueprintPlan[] = R"pb(
  as_of { seconds: 1727740800 }
  team_members { id: "m1" }
  persons { id: "p1" }
  persons { id: "p2" }
  persons { id: "p3" }
  relationships { team_member_id: "m1" person_id: "p1" grade: SATISFIED }
  relationships { team_member_id: "m1" person_id: "p2" grade: SATISFIED }
  relationships { team_member_id: "m1" person_id: "p3" grade: SATISFIED }
  blueprint {
    person_id: "p1"
    team_member_id: "m1"
    goal { grade: OPEN }
    tactics {
      description: "a"
      due_at { seconds: 1730419200 }
    }
  }
  blueprint {
    person_id: "p2"
    team_member_id: "m1"
    goal { grade: OPEN }
    tactics {
      description: "b"
      due_at { seconds: 1735689600 }
    }
  }
  blueprint {
    person_id: "p3"
    team_member_id: "m1"
    goal { grade: OPEN }
    tactics {
      description: "c"
      due_at { seconds: 1728000000 }
    }
    tactics {
      description: "d"
      due_at { seconds: 1730419200 }
    }
  }
)pb";

TEST(PlanDiff, BlueprintMetNotMetOverdue) {
  const v1::Plan old_plan = PlanFromText(kBlueprintPlan);
  v1::Plan new_plan = old_plan;
  new_plan.mutable_as_of()->set_seconds(1733011200);
  new_plan.mutable_relationships(0)->set_grade(v1::TRUST);  // p1: above the goal
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  ASSERT_THAT(diff.blueprint_progress(), SizeIs(3));
  EXPECT_EQ(diff.blueprint_progress(0).status(), Progress::MET);
  EXPECT_EQ(diff.blueprint_progress(0).grade_now(), v1::TRUST);
  // Its only tactic is due in 2025: not met, not overdue.
  EXPECT_EQ(diff.blueprint_progress(1).status(), Progress::NOT_MET);
  // The last of its tactics was due 2024-11-01, before NEW's now.
  EXPECT_EQ(diff.blueprint_progress(2).status(), Progress::OVERDUE);
  EXPECT_EQ(diff.blueprint_progress(2).last_due_at().seconds(), 1730419200);
  EXPECT_EQ(diff.blueprint_progress(2).goal().grade(), v1::OPEN);
  EXPECT_EQ(diff.blueprint_progress(2).grade_before(), v1::SATISFIED);
}

TEST(PlanDiff, AsOfMovesNewsNow) {
  const v1::Plan old_plan = PlanFromText(kBlueprintPlan);
  v1::Plan new_plan = old_plan;
  new_plan.clear_as_of();  // NEW's now would be its latest timestamp (2025-01-01)
  DiffOptions options;
  options.analysis.mutable_as_of()->set_seconds(1729000000);  // 2024-10-15: nothing due yet
  const v1::PlanDiff diff = Diff(old_plan, new_plan, options);
  EXPECT_EQ(diff.new_as_of().seconds(), 1729000000);
  EXPECT_EQ(diff.old_as_of().seconds(), 1727740800);
  EXPECT_EQ(diff.blueprint_progress(2).status(), Progress::NOT_MET);
}

TEST(PlanDiff, GoalOfAPersonWhoLeftIsNotMet) {
  v1::Plan old_plan = PlanFromText(kBlueprintPlan);
  v1::Plan new_plan = old_plan;
  new_plan.mutable_as_of()->set_seconds(1733011200);
  new_plan.mutable_relationships(1)->set_grade(v1::OPEN);
  new_plan.mutable_persons(1)->mutable_left_at()->set_seconds(1732000000);
  const v1::PlanDiff diff = Diff(old_plan, new_plan);
  EXPECT_EQ(diff.blueprint_progress(1).status(), Progress::NOT_MET);
  EXPECT_THAT(diff.blueprint_progress(1).reason(), HasSubstr("has left"));
}

TEST(PlanDiff, DifferentAccountsNeedForce) {
  const v1::Plan old_plan = PlanFromText(kBase);
  v1::Plan new_plan = old_plan;
  new_plan.mutable_account()->set_id("other");
  const absl::Status refused = DiffStatus(old_plan, new_plan);
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(refused.message(), HasSubstr("\"acc\""));
  EXPECT_THAT(refused.message(), HasSubstr("\"other\""));
  DiffOptions force;
  force.force = true;
  const v1::PlanDiff forced = Diff(old_plan, new_plan, force);
  EXPECT_TRUE(forced.accounts_differ());
}

TEST(PlanDiff, AccountsWithoutIdsCompareByName) {
  v1::Plan old_plan = PlanFromText(kBase);
  old_plan.mutable_account()->clear_id();
  v1::Plan new_plan = old_plan;
  new_plan.mutable_account()->set_name("Globex");
  EXPECT_EQ(DiffStatus(old_plan, new_plan).code(), absl::StatusCode::kFailedPrecondition);
  // A plan naming no account matches any.
  new_plan.clear_account();
  EXPECT_TRUE(DiffStatus(old_plan, new_plan).ok());
}

TEST(PlanDiff, InvalidPlansAreNamed) {
  const v1::Plan good = PlanFromText(kBase);
  v1::Plan bad = good;
  bad.mutable_relationships(0)->set_person_id("nobody");
  const absl::Status old_bad = DiffStatus(bad, good);
  EXPECT_EQ(old_bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(old_bad.message(), HasSubstr("OLD plan: invalid plan: 1 problem"));
  EXPECT_THAT(old_bad.message(), HasSubstr("relationships[0].person_id"));
  const absl::Status new_bad = DiffStatus(good, bad);
  EXPECT_THAT(new_bad.message(), HasSubstr("NEW plan: "));
  // Invalid plans are reported before different accounts.
  v1::Plan other = bad;
  other.mutable_account()->set_id("other");
  EXPECT_EQ(DiffStatus(good, other).code(), absl::StatusCode::kInvalidArgument);
}

TEST(PlanDiff, WritesJsonWithTheContractNames) {
  const v1::Plan old_plan = PlanFromText(kBase);
  v1::Plan new_plan = old_plan;
  new_plan.mutable_relationships(0)->set_grade(v1::TRUST);
  absl::StatusOr<std::string> json = WritePlanDiff(Diff(old_plan, new_plan), PlanFormat::kJson);
  ASSERT_TRUE(json.ok());
  for (const char* name :
       {"\"gradeChanges\"", "\"personsAdded\"", "\"personsLeft\"", "\"teamMembersAdded\"",
        "\"teamMembersLeft\"", "\"relationshipLevelChanges\"", "\"preferenceChanges\"",
        "\"npsChanges\"", "\"accountNps\"", "\"accountHealth\"", "\"webFigure\"",
        "\"blueprintProgress\"", "\"personId\"", "\"teamMemberId\"", "\"before\"", "\"after\""}) {
    EXPECT_THAT(*json, HasSubstr(name));
  }
  EXPECT_EQ(WritePlanDiff(v1::PlanDiff(), PlanFormat::kCsvGrid).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PlanDiffReport, LeadsWithLossesThenGains) {
  const v1::Plan old_plan = PlanFromText(R"pb(
    as_of { seconds: 1727740800 }
    account { name: "Acme" }
    team_members { id: "m1" name: "Mia" }
    persons { id: "p1" name: "Pat" }
    persons { id: "p2" name: "Quinn" }
    relationships { team_member_id: "m1" person_id: "p1" grade: TRUST }
    relationships { team_member_id: "m1" person_id: "p2" grade: INDIFFERENT }
  )pb");
  v1::Plan new_plan = old_plan;
  new_plan.mutable_as_of()->set_seconds(1733011200);
  new_plan.mutable_relationships(0)->set_grade(v1::SATISFIED);
  new_plan.mutable_relationships(1)->set_grade(v1::OPEN);
  new_plan.mutable_persons(1)->mutable_left_at()->set_seconds(1732000000);
  const std::string report = PlanDiffReport(Diff(old_plan, new_plan), "q3.json");
  EXPECT_THAT(report, HasSubstr("Acme: what changed since q3.json (2024-10-01 -> 2024-12-01)"));
  EXPECT_THAT(report, HasSubstr("Pat / Mia: trust -> satisfied"));
  EXPECT_THAT(report, HasSubstr("Quinn: left on"));
  const size_t left = report.find("Who left");
  const size_t fell = report.find("Grades that fell");
  const size_t rose = report.find("Grades that rose");
  ASSERT_NE(left, std::string::npos);
  ASSERT_NE(fell, std::string::npos);
  ASSERT_NE(rose, std::string::npos);
  EXPECT_LT(left, fell);
  EXPECT_LT(fell, rose);
}

}  // namespace
}  // namespace contactplan
