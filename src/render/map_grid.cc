#include "render/map_grid.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "render/plan_labels.h"
#include "render/text_layout.h"

namespace contactplan::render {
namespace {

// Widest name and title columns; narrower terminals get less (names first, the title column goes).
constexpr size_t kNameWidth = 30;
constexpr size_t kTitleWidth = 26;
constexpr size_t kMinNameWidth = 12;
constexpr size_t kLevelWidth = 11;
constexpr size_t kRolesWidth = 5;
constexpr size_t kNpsWidth = 3;

}  // namespace

std::string MapGridText(const model::PlanIndex& index, size_t indent, size_t width) {
  const std::string pad(indent, ' ');
  std::string out;
  const int32_t members = index.member_count();

  // Team legend: the grid's columns are letters, the names are here.
  size_t member_name_width = 4;
  for (int32_t m = 0; m < members; ++m) {
    member_name_width = std::max(member_name_width, DisplayWidth(MemberLabel(index.member(m))));
  }
  member_name_width = std::min<size_t>(member_name_width, 28);
  size_t member_title_width = 0;  // no title column when no one has a title
  for (int32_t m = 0; m < members; ++m) {
    member_title_width = std::max(member_title_width, DisplayWidth(index.member(m).title()));
  }
  member_title_width = std::min(member_title_width, kTitleWidth);
  // Letter, name and level come first; the title gets what is left, or is left out.
  bool any_capacity = false;
  for (int32_t m = 0; m < members; ++m) any_capacity |= index.member(m).has_capacity();
  const size_t legend_fixed = indent + 2 + 3 + member_name_width + 2 + kLevelWidth + 2 +
                              (any_capacity ? 14 : 0);  // "  capacity 10"
  member_title_width = width > legend_fixed + 8 ? std::min(member_title_width, width - legend_fixed)
                                                : 0;
  absl::StrAppend(&out, pad, "Our team (columns)\n");
  for (int32_t m = 0; m < members; ++m) {
    const v1::TeamMember& member = index.member(m);
    std::string line = absl::StrCat(pad, "  ", PadRight(ColumnLabel(m), 3),
                                    PadRight(MemberLabel(member), member_name_width), "  ");
    if (member_title_width > 0) {
      absl::StrAppend(&line, PadRight(member.title(), member_title_width), "  ");
    }
    absl::StrAppend(&line, PadRight(LevelShort(member.level()), kLevelWidth));
    if (member.has_capacity()) absl::StrAppendFormat(&line, "  capacity %g", member.capacity());
    while (!line.empty() && line.back() == ' ') line.pop_back();
    absl::StrAppend(&out, line, "\n");
  }
  if (members == 0) absl::StrAppend(&out, pad, "  (no team members)\n");

  // Columns of the grid: grades, level, roles and NPS are fixed; names and titles share the rest.
  const size_t fixed = indent + 2 + 1 + kLevelWidth + 1 + kRolesWidth + 1 + kNpsWidth + 1 +
                       3 * static_cast<size_t>(members);
  const size_t room = width > fixed ? width - fixed : 0;
  size_t name_width = kNameWidth, title_width = 0;
  if (room >= kNameWidth + 1 + kMinNameWidth) {
    title_width = std::min(kTitleWidth, room - kNameWidth - 1);
  } else {
    name_width = std::max(kMinNameWidth, std::min(kNameWidth, room));
  }
  const auto title_cell = [&](std::string_view title) {
    return title_width == 0 ? std::string() : absl::StrCat(PadRight(title, title_width), " ");
  };

  // Header row.
  std::string header = absl::StrCat(pad, "  ", PadRight("Client person (* key)", name_width), " ",
                                    title_cell("Title"),
                                    PadRight("Level", kLevelWidth), " ",
                                    PadRight("Roles", kRolesWidth), " ", PadLeft("NPS", kNpsWidth),
                                    " ");
  for (int32_t m = 0; m < members; ++m) absl::StrAppend(&header, " ", PadLeft(ColumnLabel(m), 2));
  while (!header.empty() && header.back() == ' ') header.pop_back();
  absl::StrAppend(&out, "\n", header, "\n");

  for (const OrgRow& row : OrgChartOrder(index)) {
    const v1::Person& person = index.person(row.person);
    const std::string name =
        absl::StrCat(std::string(2 * row.indent_levels(), ' '), PersonLabel(person));
    const v1::NpsAnswer* nps = index.latest_nps(row.person);
    std::string line = absl::StrCat(
        pad, index.is_key(row.person) ? "* " : "  ", PadRight(name, name_width), " ",
        title_cell(person.title()), PadRight(LevelShort(person.level()), kLevelWidth),
        " ", PadRight(RoleLetters(person), kRolesWidth), " ",
        PadLeft(nps == nullptr ? "" : absl::StrCat(nps->score()), kNpsWidth), " ");
    for (int32_t m = 0; m < members; ++m) {
      const model::RelationshipIx cell = index.FindCell(m, row.person);
      const v1::Grade grade = cell == model::kNone ? v1::GRADE_UNSPECIFIED : index.grade(cell);
      absl::StrAppend(&line, "  ", std::string(1, GradeLetter(grade)));
    }
    absl::StrAppend(&out, line, "\n");
  }
  if (index.person_count() == 0) absl::StrAppend(&out, pad, "  (no client persons)\n");

  absl::StrAppend(&out, "\n", pad,
                  Wrap("Cells: T trust, O open, S satisfied, I indifferent, D dissatisfied, "
                       "M motivated to change, . blank",
                       width, indent),
                  "\n", pad,
                  Wrap("Roles: P power, U user, A advisor, E evangelist. NPS: latest answer.", width,
                       indent),
                  "\n");
  return out;
}

std::string WebFigureText(const v1::Web& web, size_t indent, size_t width) {
  const std::string pad(indent, ' ');
  const v1::Grade thread_grade =
      web.thread_min_grade() == v1::GRADE_UNSPECIFIED ? v1::SATISFIED : web.thread_min_grade();
  const std::string figure = absl::StrCat(
      "Web of influence: ", web.figure().empty() ? "0x0" : web.figure(), " (threads at ",
      GradeWords(thread_grade), thread_grade == v1::TRUST ? ")" : " or better)", " — ",
      web.meets3x3() ? "meets 3x3" : "below 3x3");
  const std::string counts = absl::StrCat(
      Count(web.team_members(), "team member", "team members"), " across ",
      Count(web.team_levels(), "level", "levels"), " hold threads to ",
      Count(web.persons(), "client person", "client persons"), " across ",
      Count(web.person_levels(), "level", "levels"));
  return absl::StrCat(pad, Wrap(figure, width, indent + 2), "\n", pad, "  ",
                      Wrap(counts, width, indent + 2), "\n");
}

}  // namespace contactplan::render
