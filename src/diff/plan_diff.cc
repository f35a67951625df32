// DiffPlans (include/contactplan/plan_diff.h, docs/diff.md): two validated plans of one account,
// each indexed once, compared entity by entity through the index's id lookups.
#include "contactplan/plan_diff.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "contactplan/v1/analysis.pb.h"
#include "diff/field_changes.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "io/proto_binary.h"
#include "io/proto_json.h"
#include "io/proto_text.h"
#include "model/nps.h"
#include "model/plan_index.h"
#include "model/time.h"

namespace contactplan {
namespace {

using model::kNone;
using model::PlanIndex;

// An enum value in lower-case words for reasons ("TRUSTED_ADVISOR" -> "trusted advisor", unset ->
// "unset"); a number newer than this build as "value N".
template <typename Enum>
std::string Words(Enum value) {
  if (static_cast<int>(value) == 0) return "unset";
  const auto* descriptor =
      google::protobuf::GetEnumDescriptor<Enum>()->FindValueByNumber(static_cast<int>(value));
  if (descriptor == nullptr) return absl::StrCat("value ", static_cast<int>(value));
  std::string words = absl::AsciiStrToLower(descriptor->name());
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// Whether OLD stated the same time (`old_present`, `old_time`) as NEW's `new_time`.
bool SameTime(bool old_present, const google::protobuf::Timestamp& old_time,
              const google::protobuf::Timestamp& new_time) {
  return old_present && old_time.seconds() == new_time.seconds() &&
         old_time.nanos() == new_time.nanos();
}

// One side of the diff: the plan, its index, its analysis and its now.
struct Snapshot {
  const v1::Plan& plan;
  PlanIndex index;
  v1::Analysis analysis;
  std::optional<absl::Time> now;

  Snapshot(const v1::Plan& p, v1::Analysis a)
      : plan(p),
        index(p),
        analysis(std::move(a)),
        now(model::ToTime(analysis.has_as_of(), analysis.as_of())) {}

  // Left at or before this snapshot's now (a later left_at is a departure not yet happened).
  bool HasLeft(const google::protobuf::Timestamp& left_at, bool present) const {
    const std::optional<absl::Time> t = model::ToTime(present, left_at);
    return t.has_value() && now.has_value() && *t <= *now;
  }
  // left_at set and after this snapshot's now (or no now to compare with): announced, not yet left.
  bool Leaving(const google::protobuf::Timestamp& left_at, bool present) const {
    return present && !HasLeft(left_at, present);
  }
  bool PersonLeft(model::PersonIx p) const {
    const v1::Person& person = index.person(p);
    return HasLeft(person.left_at(), person.has_left_at());
  }
  bool MemberLeft(model::MemberIx m) const {
    const v1::TeamMember& member = index.member(m);
    return HasLeft(member.left_at(), member.has_left_at());
  }
  v1::Grade GradeOf(std::string_view member_id, std::string_view person_id) const {
    const model::MemberIx m = index.FindMember(member_id);
    const model::PersonIx p = index.FindPerson(person_id);
    if (m == kNone || p == kNone) return v1::GRADE_UNSPECIFIED;
    const model::RelationshipIx r = index.FindCell(m, p);
    return r == kNone ? v1::GRADE_UNSPECIFIED : index.grade(r);
  }
  // The latest NPS answer at this snapshot's now (every answer when the plan has no time).
  const v1::NpsAnswer* LatestNps(const v1::Person& person) const {
    return model::LatestNpsAnswerAt(person, now.value_or(absl::InfiniteFuture()));
  }
};

// NEW's name for a person or member, else OLD's.
std::string PersonName(const Snapshot& before, const Snapshot& after, std::string_view id) {
  if (const model::PersonIx p = after.index.FindPerson(id); p != kNone) {
    return after.index.person(p).name();
  }
  if (const model::PersonIx p = before.index.FindPerson(id); p != kNone) {
    return before.index.person(p).name();
  }
  return "";
}
std::string MemberName(const Snapshot& before, const Snapshot& after, std::string_view id) {
  if (const model::MemberIx m = after.index.FindMember(id); m != kNone) {
    return after.index.member(m).name();
  }
  if (const model::MemberIx m = before.index.FindMember(id); m != kNone) {
    return before.index.member(m).name();
  }
  return "";
}

// "account "acc-1" (Kestrel Health)" for messages.
std::string AccountLabel(const v1::Account& account) {
  if (account.id().empty() && account.name().empty()) return "no account";
  if (account.id().empty()) return absl::StrCat("account \"", account.name(), "\"");
  if (account.name().empty()) return absl::StrCat("account \"", account.id(), "\"");
  return absl::StrCat("account \"", account.id(), "\" (", account.name(), ")");
}

// Different accounts by the rule of plan_diff.h: ids when both have one, else names when both
// have one; a plan naming no account matches any.
bool DifferentAccounts(const v1::Account& a, const v1::Account& b) {
  if (!a.id().empty() && !b.id().empty()) return a.id() != b.id();
  if (!a.name().empty() && !b.name().empty()) return a.name() != b.name();
  return false;
}

void DiffPersons(const Snapshot& before, const Snapshot& after, v1::PlanDiff& diff) {
  for (model::PersonIx p = 0; p < before.index.person_count(); ++p) {
    const v1::Person& old_person = before.index.person(p);
    const model::PersonIx q = after.index.FindPerson(old_person.id());
    if (q == kNone) {
      if (before.PersonLeft(p)) continue;  // had left already: history OLD kept, NEW dropped
      v1::PlanDiff::PersonEvent& event = *diff.add_persons_left();
      event.set_person_id(old_person.id());
      event.set_name(old_person.name());
      event.set_title(old_person.title());
      event.set_key(old_person.key());
      event.set_removed(true);
      continue;
    }
    const v1::Person& new_person = after.index.person(q);
    if (after.PersonLeft(q) && !before.PersonLeft(p)) {
      v1::PlanDiff::PersonEvent& event = *diff.add_persons_left();
      event.set_person_id(new_person.id());
      event.set_name(new_person.name());
      event.set_title(new_person.title());
      event.set_key(new_person.key() || old_person.key());
      *event.mutable_left_at() = new_person.left_at();
      event.set_successor_id(new_person.successor_id());
      if (const model::PersonIx s = after.index.FindPerson(new_person.successor_id()); s != kNone) {
        event.set_successor_name(after.index.person(s).name());
      }
    }
    if (after.Leaving(new_person.left_at(), new_person.has_left_at()) &&
        !SameTime(old_person.has_left_at(), old_person.left_at(), new_person.left_at())) {
      v1::PlanDiff::PersonEvent& event = *diff.add_persons_leaving();
      event.set_person_id(new_person.id());
      event.set_name(new_person.name());
      event.set_title(new_person.title());
      event.set_key(new_person.key());
      *event.mutable_left_at() = new_person.left_at();
      event.set_successor_id(new_person.successor_id());
      if (const model::PersonIx s = after.index.FindPerson(new_person.successor_id()); s != kNone) {
        event.set_successor_name(after.index.person(s).name());
      }
    }
    AddPersonChanges(old_person, new_person, diff);
    if (old_person.relationship_level() != new_person.relationship_level()) {
      v1::PlanDiff::RelationshipLevelChange& change = *diff.add_relationship_level_changes();
      change.set_person_id(new_person.id());
      change.set_before(old_person.relationship_level());
      change.set_after(new_person.relationship_level());
      change.set_person_name(new_person.name());
    }
    const v1::NpsAnswer* old_nps = before.LatestNps(old_person);
    const v1::NpsAnswer* new_nps = after.LatestNps(new_person);
    const bool nps_moved = (old_nps == nullptr) != (new_nps == nullptr) ||
                           (old_nps != nullptr && old_nps->score() != new_nps->score());
    if (nps_moved) {
      v1::PlanDiff::NpsChange& change = *diff.add_nps_changes();
      change.set_person_id(new_person.id());
      if (old_nps != nullptr) change.set_before(old_nps->score());
      if (new_nps != nullptr) {
        change.set_after(new_nps->score());
        if (new_nps->has_answered_at()) *change.mutable_answered_at() = new_nps->answered_at();
      }
      change.set_person_name(new_person.name());
    }
  }
  for (model::PersonIx q = 0; q < after.index.person_count(); ++q) {
    const v1::Person& new_person = after.index.person(q);
    if (before.index.FindPerson(new_person.id()) != kNone || after.PersonLeft(q)) continue;
    v1::PlanDiff::PersonEvent& event = *diff.add_persons_added();
    event.set_person_id(new_person.id());
    event.set_name(new_person.name());
    event.set_title(new_person.title());
    event.set_key(new_person.key());
    // A newcomer's first answer is a change too: from nothing to a score.
    if (const v1::NpsAnswer* nps = after.LatestNps(new_person)) {
      v1::PlanDiff::NpsChange& change = *diff.add_nps_changes();
      change.set_person_id(new_person.id());
      change.set_after(nps->score());
      if (nps->has_answered_at()) *change.mutable_answered_at() = nps->answered_at();
      change.set_person_name(new_person.name());
    }
  }
}

void DiffTeam(const Snapshot& before, const Snapshot& after, v1::PlanDiff& diff) {
  for (model::MemberIx m = 0; m < before.index.member_count(); ++m) {
    const v1::TeamMember& old_member = before.index.member(m);
    const model::MemberIx n = after.index.FindMember(old_member.id());
    if (n == kNone) {
      if (before.MemberLeft(m)) continue;
      v1::PlanDiff::TeamMemberEvent& event = *diff.add_team_members_left();
      event.set_team_member_id(old_member.id());
      event.set_name(old_member.name());
      event.set_removed(true);
      continue;
    }
    const v1::TeamMember& new_member = after.index.member(n);
    if (after.MemberLeft(n) && !before.MemberLeft(m)) {
      v1::PlanDiff::TeamMemberEvent& event = *diff.add_team_members_left();
      event.set_team_member_id(new_member.id());
      event.set_name(new_member.name());
      *event.mutable_left_at() = new_member.left_at();
    }
    if (after.Leaving(new_member.left_at(), new_member.has_left_at()) &&
        !SameTime(old_member.has_left_at(), old_member.left_at(), new_member.left_at())) {
      v1::PlanDiff::TeamMemberEvent& event = *diff.add_team_members_leaving();
      event.set_team_member_id(new_member.id());
      event.set_name(new_member.name());
      *event.mutable_left_at() = new_member.left_at();
    }
    AddTeamMemberChanges(old_member, new_member, diff);
  }
  for (model::MemberIx n = 0; n < after.index.member_count(); ++n) {
    const v1::TeamMember& new_member = after.index.member(n);
    if (before.index.FindMember(new_member.id()) != kNone || after.MemberLeft(n)) continue;
    v1::PlanDiff::TeamMemberEvent& event = *diff.add_team_members_added();
    event.set_team_member_id(new_member.id());
    event.set_name(new_member.name());
  }
}

void AddGradeChange(const Snapshot& before, const Snapshot& after, const std::string& member_id,
                    const std::string& person_id, v1::Grade old_grade, v1::Grade new_grade,
                    v1::PlanDiff& diff) {
  v1::PlanDiff::GradeChange& change = *diff.add_grade_changes();
  change.set_person_id(person_id);
  change.set_team_member_id(member_id);
  change.set_before(old_grade);
  change.set_after(new_grade);
  change.set_person_name(PersonName(before, after, person_id));
  change.set_team_member_name(MemberName(before, after, member_id));
}

// Every intersection whose grade differs, NEW's relationships first in NEW's order, then OLD's
// relationships that NEW no longer records (now blank). The cells of a person or member NEW no
// longer holds are not listed: persons_left and team_members_left say it once.
void DiffGrades(const Snapshot& before, const Snapshot& after, v1::PlanDiff& diff) {
  for (const v1::Relationship& relationship : after.plan.relationships()) {
    const v1::Grade old_grade =
        before.GradeOf(relationship.team_member_id(), relationship.person_id());
    if (old_grade == relationship.grade()) continue;
    AddGradeChange(before, after, relationship.team_member_id(), relationship.person_id(),
                   old_grade, relationship.grade(), diff);
  }
  for (const v1::Relationship& relationship : before.plan.relationships()) {
    const model::MemberIx m = after.index.FindMember(relationship.team_member_id());
    const model::PersonIx p = after.index.FindPerson(relationship.person_id());
    if (m == kNone || p == kNone || after.index.FindCell(m, p) != kNone) continue;
    if (relationship.grade() == v1::GRADE_UNSPECIFIED) continue;
    AddGradeChange(before, after, relationship.team_member_id(), relationship.person_id(),
                   relationship.grade(), v1::GRADE_UNSPECIFIED, diff);
  }
}

// The current preference of every participant, per opportunity: NEW's participants in NEW's
// order, then OLD's participants NEW no longer lists.
void DiffPreferences(const Snapshot& before, const Snapshot& after, v1::PlanDiff& diff) {
  // Each side's participants keyed by (opportunity id, person id), built once: a buying group of
  // an account-wide opportunity can hold every person of the plan.
  using ParticipantKey = std::pair<std::string_view, std::string_view>;
  auto participants_of = [](const Snapshot& side) {
    absl::flat_hash_map<ParticipantKey, v1::Preference> preferences;
    for (const v1::Opportunity& opportunity : side.plan.opportunities()) {
      for (const v1::Participant& participant : opportunity.participants()) {
        preferences.emplace(ParticipantKey(opportunity.id(), participant.person_id()),
                            participant.preference());
      }
    }
    return preferences;
  };
  const absl::flat_hash_map<ParticipantKey, v1::Preference> old_participants =
      participants_of(before);
  const absl::flat_hash_map<ParticipantKey, v1::Preference> new_participants =
      participants_of(after);
  auto add = [&](const v1::Opportunity& opportunity, const std::string& person_id,
                 v1::Preference old_preference, v1::Preference new_preference) {
    v1::PlanDiff::PreferenceChange& change = *diff.add_preference_changes();
    change.set_opportunity_id(opportunity.id());
    change.set_person_id(person_id);
    change.set_before(old_preference);
    change.set_after(new_preference);
    change.set_person_name(PersonName(before, after, person_id));
    change.set_opportunity_name(opportunity.name());
  };
  for (const v1::Opportunity& opportunity : after.plan.opportunities()) {
    for (const v1::Participant& participant : opportunity.participants()) {
      const auto found =
          old_participants.find(ParticipantKey(opportunity.id(), participant.person_id()));
      const v1::Preference old_preference =
          found == old_participants.end() ? v1::PREFERENCE_UNSPECIFIED : found->second;
      if (old_preference == participant.preference()) continue;
      add(opportunity, participant.person_id(), old_preference, participant.preference());
    }
  }
  for (const v1::Opportunity& opportunity : before.plan.opportunities()) {
    for (const v1::Participant& participant : opportunity.participants()) {
      if (participant.preference() == v1::PREFERENCE_UNSPECIFIED) continue;
      if (new_participants.contains(ParticipantKey(opportunity.id(), participant.person_id()))) {
        continue;
      }
      if (after.index.FindPerson(participant.person_id()) == kNone) continue;  // in persons_left
      add(opportunity, participant.person_id(), participant.preference(),
          v1::PREFERENCE_UNSPECIFIED);
    }
  }
}

// The best current preference the person has in NEW's open opportunities; unset when none.
v1::Preference BestOpenPreference(const Snapshot& side, model::PersonIx p) {
  v1::Preference best = v1::PREFERENCE_UNSPECIFIED;
  for (const model::Participation& part : side.index.open_participations(p)) {
    const v1::Preference preference =
        side.plan.opportunities(part.opportunity).participants(part.participant).preference();
    if (preference > best) best = preference;
  }
  return best;
}

void DiffBlueprint(const Snapshot& before, const Snapshot& after, v1::PlanDiff& diff) {
  using Progress = v1::PlanDiff::BlueprintProgress;
  for (int i = 0; i < before.plan.blueprint_size(); ++i) {
    const v1::BlueprintEntry& entry = before.plan.blueprint(i);
    Progress& progress = *diff.add_blueprint_progress();
    progress.set_entry_index(i);
    progress.set_person_id(entry.person_id());
    progress.set_team_member_id(entry.team_member_id());
    *progress.mutable_goal() = entry.goal();
    progress.set_grade_before(before.GradeOf(entry.team_member_id(), entry.person_id()));
    progress.set_grade_now(after.GradeOf(entry.team_member_id(), entry.person_id()));
    progress.set_person_name(PersonName(before, after, entry.person_id()));
    progress.set_team_member_name(MemberName(before, after, entry.team_member_id()));

    std::optional<absl::Time> last_due;
    for (const v1::Tactic& tactic : entry.tactics()) {
      const std::optional<absl::Time> due = model::ToTime(tactic.has_due_at(), tactic.due_at());
      if (due && (!last_due || *due > *last_due)) {
        last_due = due;
        *progress.mutable_last_due_at() = tactic.due_at();
      }
    }

    // Whether each part of the goal that is set is reached in NEW, and why not.
    const model::PersonIx p = after.index.FindPerson(entry.person_id());
    const model::MemberIx m = after.index.FindMember(entry.team_member_id());
    std::string missing;
    const v1::Goal& goal = entry.goal();
    if (p == kNone || after.PersonLeft(p)) {
      missing =
          absl::StrCat(progress.person_name().empty() ? entry.person_id() : progress.person_name(),
                       p == kNone ? " is no longer in the plan" : " has left");
    } else if (m == kNone || after.MemberLeft(m)) {
      missing = absl::StrCat(progress.team_member_name().empty() ? entry.team_member_id()
                                                                 : progress.team_member_name(),
                             m == kNone ? " is no longer on the team" : " has left our team");
    } else {
      std::vector<std::string> short_of;
      if (goal.grade() != v1::GRADE_UNSPECIFIED && progress.grade_now() < goal.grade()) {
        short_of.push_back(
            absl::StrCat("grade ", Words(progress.grade_now()), ", goal ", Words(goal.grade())));
      }
      const v1::Person& person = after.index.person(p);
      if (goal.relationship_level() != v1::RELATIONSHIP_LEVEL_UNSPECIFIED &&
          person.relationship_level() < goal.relationship_level()) {
        short_of.push_back(absl::StrCat("relationship level ", Words(person.relationship_level()),
                                        ", goal ", Words(goal.relationship_level())));
      }
      if (const v1::Preference best = BestOpenPreference(after, p);
          goal.preference() != v1::PREFERENCE_UNSPECIFIED && best < goal.preference()) {
        short_of.push_back(
            absl::StrCat("preference ", Words(best), ", goal ", Words(goal.preference())));
      }
      if (goal.grade() == v1::GRADE_UNSPECIFIED &&
          goal.relationship_level() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED &&
          goal.preference() == v1::PREFERENCE_UNSPECIFIED) {
        short_of.push_back("the entry states no goal");
      }
      missing = absl::StrJoin(short_of, "; ");
    }
    if (missing.empty()) {
      progress.set_status(Progress::MET);
      progress.set_reason(goal.grade() != v1::GRADE_UNSPECIFIED
                              ? absl::StrCat("goal reached: grade ", Words(progress.grade_now()),
                                             " (goal ", Words(goal.grade()), ")")
                              : "goal reached");
    } else if (last_due && after.now && *last_due < *after.now) {
      progress.set_status(Progress::OVERDUE);
      progress.set_reason(absl::StrCat(missing, "; last tactic due ",
                                       absl::FormatTime("%Y-%m-%d", *last_due, absl::UTCTimeZone()),
                                       ", ", model::DaysBetween(*last_due, *after.now),
                                       " days before now"));
    } else {
      progress.set_status(Progress::NOT_MET);
      progress.set_reason(missing);
    }
  }
}

// An invalid plan's error with which plan it is in front.
absl::Status Named(const absl::Status& status, std::string_view which) {
  return absl::Status(status.code(), absl::StrCat(std::string(which), " plan: ", status.message()));
}

}  // namespace

absl::StatusOr<v1::PlanDiff> DiffPlans(const Engine& engine, const v1::Plan& old_plan,
                                       const v1::Plan& new_plan, const DiffOptions& options) {
  if (absl::Status valid = Engine::CheckAnalysisOptions(options.analysis); !valid.ok()) {
    return valid;
  }
  // Analysing validates (every problem, or a limit): the options are known to be good, so an
  // error is the plan's. OLD first, both before the accounts are compared.
  v1::AnalysisOptions old_options = options.analysis;
  old_options.clear_as_of();  // OLD at its own now; NEW at the caller's as_of, else its own
  absl::StatusOr<v1::Analysis> old_analysis = engine.Analyze(old_plan, old_options);
  if (!old_analysis.ok()) return Named(old_analysis.status(), "OLD");
  absl::StatusOr<v1::Analysis> new_analysis = engine.Analyze(new_plan, options.analysis);
  if (!new_analysis.ok()) return Named(new_analysis.status(), "NEW");
  const bool accounts_differ = DifferentAccounts(old_plan.account(), new_plan.account());
  if (accounts_differ && !options.force) {
    return absl::FailedPreconditionError(absl::StrCat(
        "OLD is ", AccountLabel(old_plan.account()), " and NEW is ",
        AccountLabel(new_plan.account()), ": a diff compares two plans of one account"));
  }
  const Snapshot before(old_plan, *std::move(old_analysis));
  const Snapshot after(new_plan, *std::move(new_analysis));

  v1::PlanDiff diff;
  const v1::Account& account = new_plan.has_account() ? new_plan.account() : old_plan.account();
  diff.set_account_id(account.id());
  diff.set_account_name(account.name());
  diff.set_accounts_differ(accounts_differ);
  if (before.analysis.has_as_of()) *diff.mutable_old_as_of() = before.analysis.as_of();
  if (after.analysis.has_as_of()) *diff.mutable_new_as_of() = after.analysis.as_of();

  DiffGrades(before, after, diff);
  DiffPersons(before, after, diff);
  DiffTeam(before, after, diff);
  DiffPreferences(before, after, diff);

  const absl::Time end_of_time = absl::InfiniteFuture();
  diff.mutable_account_nps();  // present, empty, when neither plan has an answer
  if (std::optional<double> nps = model::AccountNpsAt(old_plan, before.now.value_or(end_of_time))) {
    diff.mutable_account_nps()->set_before(*nps);
  }
  if (std::optional<double> nps = model::AccountNpsAt(new_plan, after.now.value_or(end_of_time))) {
    diff.mutable_account_nps()->set_after(*nps);
  }
  diff.mutable_account_health()->set_before(before.analysis.scores().account_health().value());
  diff.mutable_account_health()->set_after(after.analysis.scores().account_health().value());
  diff.mutable_web_figure()->set_before(before.analysis.web().figure());
  diff.mutable_web_figure()->set_after(after.analysis.web().figure());
  diff.mutable_web_figure()->set_before_meets3x3(before.analysis.web().meets3x3());
  diff.mutable_web_figure()->set_after_meets3x3(after.analysis.web().meets3x3());

  DiffBlueprint(before, after, diff);
  return diff;
}

absl::StatusOr<std::string> WritePlanDiff(const v1::PlanDiff& diff, PlanFormat format) {
  switch (format) {
    case PlanFormat::kBinary:
      return io::WriteBinaryMessage(diff);
    case PlanFormat::kJson:
      return io::WriteJsonMessage(diff, io::JsonStyle::kEveryField);
    case PlanFormat::kText:
      return io::WriteTextMessage(diff);
    case PlanFormat::kCsvGrid:
      return absl::InvalidArgumentError(
          "a diff has no CSV form (the grid holds plans only): write binary, json or text");
  }
  return absl::InvalidArgumentError("unknown diff format");
}

}  // namespace contactplan
