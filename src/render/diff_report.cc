// PlanDiffReport (include/contactplan/render.h, docs/diff.md): what changed since OLD, losses
// first, in the words a seller uses.
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "contactplan/render.h"
#include "render/escaping.h"
#include "render/plan_labels.h"
#include "render/text_layout.h"

namespace contactplan {
namespace {

using render::EnumWords;
using render::FormatTime;
using render::GradeWords;
using Progress = v1::PlanDiff::BlueprintProgress;

std::string NameOr(const std::string& name, const std::string& id) {
  return name.empty() ? id : name;
}

// "Priya Shah / Ana Ruiz": the client person, then our team member.
std::string Cell(const std::string& person, const std::string& person_id, const std::string& member,
                 const std::string& member_id) {
  return absl::StrCat(NameOr(person, person_id), " / ", NameOr(member, member_id));
}

std::string Grade(v1::Grade grade) { return GradeWords(grade); }

// "62 -> 55 (-7)", "n/a -> 40".
std::string Figure(const v1::PlanDiff::Figures& figures) {
  auto one = [](bool has, double value) {
    return has ? absl::StrFormat("%.0f", value) : std::string("none");
  };
  std::string text = absl::StrCat(one(figures.has_before(), figures.before()), " -> ",
                                  one(figures.has_after(), figures.after()));
  if (figures.has_before() && figures.has_after()) {
    const double delta = std::round(figures.after()) - std::round(figures.before());
    absl::StrAppend(&text, delta == 0 ? " (no change)" : absl::StrFormat(" (%+.0f)", delta));
  }
  return text;
}

// Every line fits the 100 columns of the other terminal views; a long entry wraps under its text.
constexpr size_t kWidth = 100;

void Section(std::string& out, std::string_view title, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  absl::StrAppend(&out, "\n", render::Sv(title), "\n");
  for (const std::string& line : lines) {
    absl::StrAppend(&out, "  - ", render::Wrap(line, kWidth, 4), "\n");
  }
}

std::string PersonEventLine(const v1::PlanDiff::PersonEvent& event, bool left) {
  std::string line = NameOr(event.name(), event.person_id());
  std::vector<std::string> about;
  if (!event.title().empty()) about.push_back(event.title());
  if (event.key()) about.push_back("key");
  if (!about.empty()) absl::StrAppend(&line, " (", absl::StrJoin(about, ", "), ")");
  if (!left) return line;
  if (event.removed()) {
    absl::StrAppend(&line, ": no longer in the plan");
  } else {
    absl::StrAppend(&line, ": left on ", FormatTime(event.left_at()));
  }
  if (!event.successor_id().empty()) {
    absl::StrAppend(&line, "; successor ", NameOr(event.successor_name(), event.successor_id()));
  }
  return line;
}

std::string GoalWords(const v1::Goal& goal) {
  std::vector<std::string> parts;
  if (goal.grade() != v1::GRADE_UNSPECIFIED) parts.push_back(Grade(goal.grade()));
  if (goal.relationship_level() != v1::RELATIONSHIP_LEVEL_UNSPECIFIED) {
    parts.push_back(EnumWords(goal.relationship_level()));
  }
  if (goal.preference() != v1::PREFERENCE_UNSPECIFIED)
    parts.push_back(EnumWords(goal.preference()));
  return parts.empty() ? "none stated" : absl::StrJoin(parts, ", ");
}

// A met entry says what it reached; the others say what is missing (the diff's reason).
std::string ProgressLine(const Progress& progress) {
  const std::string cell = Cell(progress.person_name(), progress.person_id(),
                                progress.team_member_name(), progress.team_member_id());
  if (progress.status() != Progress::MET) return absl::StrCat(cell, ": ", progress.reason());
  return absl::StrCat(cell, ": goal ", GoalWords(progress.goal()), " reached (grade ",
                      Grade(progress.grade_before()), " -> ", Grade(progress.grade_now()), ")");
}

}  // namespace

std::string PlanDiffReport(const v1::PlanDiff& given, std::string_view old_origin) {
  // The plans' text is shown as written, with control characters as visible escapes.
  v1::PlanDiff diff = given;
  render::MakeStringsVisible(diff);
  const std::string origin = render::VisibleText(old_origin);

  std::string out;
  const std::string account = diff.account_name().empty() ? diff.account_id() : diff.account_name();
  absl::StrAppend(&out, account.empty() ? "This account" : account, ": what changed since ",
                  origin.empty() ? "OLD" : origin);
  if (diff.has_old_as_of() || diff.has_new_as_of()) {
    absl::StrAppend(&out, " (", diff.has_old_as_of() ? FormatTime(diff.old_as_of()) : "undated",
                    " -> ", diff.has_new_as_of() ? FormatTime(diff.new_as_of()) : "undated", ")");
  }
  absl::StrAppend(&out, "\n");
  if (diff.accounts_differ()) {
    absl::StrAppend(&out, "Note: the two plans name different accounts (compared with --force).\n");
  }

  // The account in three figures.
  absl::StrAppend(&out, "\nHealth ", Figure(diff.account_health()), "   web ",
                  diff.web_figure().before(), " -> ", diff.web_figure().after());
  if (diff.web_figure().before_meets3x3() != diff.web_figure().after_meets3x3()) {
    absl::StrAppend(&out, diff.web_figure().after_meets3x3() ? " (now 3x3)" : " (no longer 3x3)");
  }
  if (diff.account_nps().has_before() || diff.account_nps().has_after()) {
    absl::StrAppend(&out, "   NPS ", Figure(diff.account_nps()));
  }
  absl::StrAppend(&out, "\n");

  std::vector<std::string> left, fell, overdue;
  for (const auto& event : diff.persons_left()) left.push_back(PersonEventLine(event, true));
  for (const auto& event : diff.team_members_left()) {
    left.push_back(absl::StrCat(NameOr(event.name(), event.team_member_id()), " (our team): ",
                                event.removed()
                                    ? "no longer on the team"
                                    : absl::StrCat("left on ", FormatTime(event.left_at())),
                                "; reassign their relationships"));
  }
  std::vector<std::string> leaving;
  for (const auto& event : diff.persons_leaving()) {
    std::string line = PersonEventLine(event, false);
    absl::StrAppend(&line, ": leaves on ", FormatTime(event.left_at()));
    if (!event.successor_id().empty()) {
      absl::StrAppend(&line, "; successor ", NameOr(event.successor_name(), event.successor_id()));
    }
    leaving.push_back(std::move(line));
  }
  for (const auto& event : diff.team_members_leaving()) {
    leaving.push_back(absl::StrCat(NameOr(event.name(), event.team_member_id()),
                                   " (our team): leaves on ", FormatTime(event.left_at()),
                                   "; plan the handover"));
  }
  std::vector<std::string> rose, added, met;
  for (const auto& change : diff.grade_changes()) {
    const std::string line =
        absl::StrCat(Cell(change.person_name(), change.person_id(), change.team_member_name(),
                          change.team_member_id()),
                     ": ", Grade(change.before()), " -> ", Grade(change.after()));
    // A cell that became blank is a thread lost; from blank to a grade, a thread gained.
    const bool worse =
        change.after() == v1::GRADE_UNSPECIFIED ||
        (change.before() != v1::GRADE_UNSPECIFIED && change.after() < change.before());
    (worse ? fell : rose).push_back(line);
  }
  for (const Progress& progress : diff.blueprint_progress()) {
    if (progress.status() == Progress::OVERDUE) overdue.push_back(ProgressLine(progress));
    if (progress.status() == Progress::MET) met.push_back(ProgressLine(progress));
  }
  for (const auto& event : diff.persons_added()) {
    added.push_back(PersonEventLine(event, false));
  }
  for (const auto& event : diff.team_members_added()) {
    added.push_back(absl::StrCat(NameOr(event.name(), event.team_member_id()), " (our team)"));
  }
  Section(out, "Who left", left);
  Section(out, "Leaving soon", leaving);
  Section(out, "Grades that fell", fell);
  Section(out, "Blueprint overdue", overdue);
  Section(out, "Blueprint met", met);
  Section(out, "Grades that rose", rose);
  Section(out, "New people", added);

  std::vector<std::string> other;
  for (const auto& change : diff.nps_changes()) {
    auto score = [](bool has, int32_t value) { return has ? absl::StrCat(value) : "none"; };
    other.push_back(absl::StrCat("NPS ", NameOr(change.person_name(), change.person_id()), ": ",
                                 score(change.has_before(), change.before()), " -> ",
                                 score(change.has_after(), change.after())));
  }
  for (const auto& change : diff.relationship_level_changes()) {
    auto level = [](v1::RelationshipLevel value) {
      return value == v1::RELATIONSHIP_LEVEL_UNSPECIFIED ? std::string("unset") : EnumWords(value);
    };
    other.push_back(absl::StrCat("Relationship level ",
                                 NameOr(change.person_name(), change.person_id()), ": ",
                                 level(change.before()), " -> ", level(change.after())));
  }
  for (const auto& change : diff.preference_changes()) {
    auto preference = [](v1::Preference value) {
      return value == v1::PREFERENCE_UNSPECIFIED ? std::string("not stated") : EnumWords(value);
    };
    other.push_back(absl::StrCat("Preference ", NameOr(change.person_name(), change.person_id()),
                                 " in ", NameOr(change.opportunity_name(), change.opportunity_id()),
                                 ": ", preference(change.before()), " -> ",
                                 preference(change.after())));
  }
  for (const auto* list : {&diff.person_changes(), &diff.team_member_changes()}) {
    for (const v1::PlanDiff::DetailChange& change : *list) {
      std::vector<std::string> fields;
      for (const auto& field : change.fields()) {
        fields.push_back(
            absl::StrCat(field.field(), " \"", field.before(), "\" -> \"", field.after(), "\""));
      }
      other.push_back(
          absl::StrCat(NameOr(change.name(), change.id()), ": ", absl::StrJoin(fields, ", ")));
    }
  }
  for (const Progress& progress : diff.blueprint_progress()) {
    if (progress.status() == Progress::NOT_MET) {
      other.push_back(absl::StrCat("Blueprint not yet met: ", ProgressLine(progress)));
    }
  }
  Section(out, "Also changed", other);
  if (left.empty() && leaving.empty() && fell.empty() && overdue.empty() && met.empty() &&
      rose.empty() && added.empty() && other.empty()) {
    absl::StrAppend(&out, "\nNothing else changed.\n");
  }
  return out;
}

}  // namespace contactplan
