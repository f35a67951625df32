#include "render/map_svg.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "render/escaping.h"
#include "render/optional_fields.h"
#include "render/plan_labels.h"
#include "render/text_layout.h"

namespace contactplan::render {
namespace {

// Geometry, in SVG user units (pixels at 100%).
constexpr double kMargin = 24;
constexpr double kCell = 32;
constexpr double kNameFont = 13;
constexpr double kSmallFont = 11;
constexpr double kCharWidth = 0.58;   // average glyph width as a share of the font size (sans-serif)
constexpr double kIndentStep = 12;    // per org-chart level
constexpr double kMemberLabelSlant = 40;  // degrees
constexpr size_t kMaxLabel = 36;      // longer names and titles are cut with an ellipsis
// Beyond this many persons the map keeps only the ones that matter to the plan.
constexpr int32_t kMaxDrawnPersons = 60;

// Marks of the plan, in colours that read on every grade fill and in grey print.
constexpr const char* kKeyInk = "#1a3fb0";       // key intersections and their rank
constexpr const char* kLeverageInk = "#7b1fa2";  // leverage arrows
constexpr const char* kLeftInk = "#9e9e9e";      // people who left

// The legend's grades, in the order drawn.
constexpr v1::Grade kLegendGrades[] = {v1::TRUST,        v1::OPEN,         v1::SATISFIED,
                                       v1::INDIFFERENT,  v1::DISSATISFIED, v1::MOTIVATED_TO_CHANGE,
                                       v1::GRADE_UNSPECIFIED};

struct GradeStyle {
  const char* fill;
  const char* ink;
};

// Warm colours for the grades that hurt, greens for the ones that help, grey for the neutral start.
GradeStyle StyleOf(v1::Grade grade) {
  switch (grade) {
    case v1::TRUST: return {"#1b5e20", "#ffffff"};
    case v1::OPEN: return {"#43a047", "#ffffff"};
    case v1::SATISFIED: return {"#b9e2b5", "#1b3a1d"};
    case v1::INDIFFERENT: return {"#e6e6e6", "#333333"};
    case v1::DISSATISFIED: return {"#f6b26b", "#4a2500"};
    case v1::MOTIVATED_TO_CHANGE: return {"#d93025", "#ffffff"};
    default: return {"#ffffff", "#999999"};
  }
}

double TextWidth(std::string_view text, double font_size) {
  return static_cast<double>(DisplayWidth(text)) * font_size * kCharWidth;
}

// "executive · power, evangelist": what the seller needs beside a name.
std::string LevelAndRoles(const v1::Person& person) {
  std::vector<std::string> parts;
  if (person.level() != v1::LEVEL_UNSPECIFIED) parts.emplace_back(LevelShort(person.level()));
  std::vector<std::string> roles;
  for (int role : person.buyer_roles()) {
    roles.push_back(EnumWords(static_cast<v1::Person::BuyerRole>(role)));
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  if (!roles.empty()) parts.push_back(absl::StrJoin(roles, ", "));
  return absl::StrJoin(parts, " · ");
}

// The persons to draw: all of them up to the limit, else those the plan is about.
std::vector<OrgRow> DrawnRows(const model::PlanIndex& index, const v1::Analysis& analysis) {
  std::vector<OrgRow> rows = OrgChartOrder(index);
  if (index.person_count() <= kMaxDrawnPersons) return rows;
  absl::flat_hash_set<std::string> wanted;
  for (const v1::Finding& finding : analysis.findings()) {
    wanted.insert(finding.person_ids().begin(), finding.person_ids().end());
  }
  for (const v1::KeyIntersection& key : analysis.recommendations().key_intersections()) {
    wanted.insert(key.person_id());
    for (const v1::LeveragePath& path : key.leverage()) {
      if (!path.person_ids().empty()) wanted.insert(path.person_ids(0));
    }
  }
  std::vector<OrgRow> kept;
  for (const OrgRow& row : rows) {
    if (index.is_key(row.person) || wanted.contains(index.person(row.person).id())) {
      kept.push_back(row);
    }
  }
  return kept;
}

struct CellMark {
  int32_t rank = 0;     // key intersection rank, 0 for none
  bool blank = false;   // a key intersection on a blank cell: to fill
};

}  // namespace

std::string MapSvg(const model::PlanIndex& index, const v1::Analysis& analysis) {
  const v1::Plan& plan = index.plan();
  const v1::Web& web = analysis.web();
  const int32_t members = index.member_count();
  const std::vector<OrgRow> rows = DrawnRows(index, analysis);
  const int32_t left_out = index.person_count() - static_cast<int32_t>(rows.size());
  const absl::flat_hash_set<std::string> threaded_persons(web.person_ids().begin(),
                                                          web.person_ids().end());
  const absl::flat_hash_set<std::string> threaded_members(web.team_member_ids().begin(),
                                                          web.team_member_ids().end());
  // Cells by (person, member) index pair, for the key marks and the leverage arrows' ends.
  absl::flat_hash_map<std::pair<int32_t, int32_t>, CellMark> marks;
  for (const v1::KeyIntersection& key : analysis.recommendations().key_intersections()) {
    const model::PersonIx p = index.FindPerson(key.person_id());
    const model::MemberIx m = index.FindMember(key.team_member_id());
    if (p == model::kNone || m == model::kNone) continue;
    marks[{p, m}] = {key.rank(), key.current_grade() == v1::GRADE_UNSPECIFIED};
  }
  absl::flat_hash_map<int32_t, size_t> row_of;  // person index -> drawn row
  for (size_t r = 0; r < rows.size(); ++r) row_of[rows[r].person] = r;

  // Column widths from the longest label in each.
  double name_width = TextWidth("Client person", kNameFont);
  double title_width = TextWidth("Title", kSmallFont);
  double roles_width = TextWidth("Level · buyer roles", kSmallFont);
  for (const OrgRow& row : rows) {
    const v1::Person& person = index.person(row.person);
    name_width = std::max(name_width, row.indent_levels() * kIndentStep +
                                          TextWidth(Truncate(PersonLabel(person), kMaxLabel),
                                                    kNameFont) + 4);
    title_width = std::max(title_width, TextWidth(Truncate(person.title(), kMaxLabel), kSmallFont));
    roles_width = std::max(roles_width, TextWidth(LevelAndRoles(person), kSmallFont));
  }
  double member_label = 0;
  for (int32_t m = 0; m < members; ++m) {
    const v1::TeamMember& member = index.member(m);
    member_label = std::max(member_label,
                            TextWidth(absl::StrCat(Truncate(MemberLabel(member), kMaxLabel), " · ",
                                                   Sv(LevelShort(member.level())), " ●"),
                                      kNameFont));
  }
  const double slant = kMemberLabelSlant * M_PI / 180;
  const double dot_column = 14;  // the web-of-influence dots beside the names
  const double title_x = kMargin + dot_column + name_width + 12;
  const double roles_x = title_x + title_width + 14;
  const double grid_x = roles_x + roles_width + 16;
  const double title_block = 56;
  const double header_height = member_label * std::sin(slant) + 28;
  const double grid_y = kMargin + title_block + header_height;
  const double grid_width = members * kCell;
  const double grid_height = static_cast<double>(rows.size()) * kCell;
  const double legend_y = grid_y + grid_height + 28;

  const v1::Grade thread_grade =
      web.thread_min_grade() == v1::GRADE_UNSPECIFIED ? v1::SATISFIED : web.thread_min_grade();
  const std::string thread_note =
      absl::StrCat("marks a thread: an intersection at ", GradeWords(thread_grade),
                   thread_grade == v1::TRUST ? "" : " or better", ". Bold names are key persons.");
  const std::string counts_note =
      absl::StrCat(Count(web.team_members(), "team member", "team members"), " across ",
                   Count(web.team_levels(), "level", "levels"), " hold threads to ",
                   Count(web.persons(), "client person", "client persons"), " across ",
                   Count(web.person_levels(), "level", "levels"), ".");
  const int32_t horizon = analysis.recommendations().horizon_days() == 0
                              ? 30
                              : analysis.recommendations().horizon_days();
  const std::string marks_note = absl::StrCat(
      "Ringed: the key intersections of the next ", horizon,
      " days, numbered by rank; circled: blank cells to fill.");
  const std::string marks_note_2 =
      "Arrows: leverage, from the introducer's cell to the cell it lifts. Grey: people who left.";
  const std::string left_out_note =
      left_out > 0 ? absl::StrCat(Count(left_out, "person", "persons"), " of ",
                                  index.person_count(),
                                  " not drawn: only key persons, persons with findings and those "
                                  "the key intersections involve are shown.")
                   : std::string();
  double legend_width = 0;
  for (v1::Grade grade : kLegendGrades) {
    legend_width += 19 + TextWidth(GradeWords(grade), kSmallFont) + 16;
  }
  const double notes_width = std::max({TextWidth(thread_note, kSmallFont),
                                       TextWidth(counts_note, kSmallFont),
                                       TextWidth(marks_note, kSmallFont),
                                       TextWidth(marks_note_2, kSmallFont),
                                       TextWidth(left_out_note, kSmallFont)});
  const double width = std::max({grid_x + grid_width + member_label * std::cos(slant) + kMargin,
                                 kMargin * 2 + legend_width, kMargin * 2 + 16 + notes_width});
  const double height = legend_y + (left_out > 0 ? 156 : 140) + kMargin;

  std::string svg = absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
      "viewBox=\"0 0 %.0f %.0f\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\" "
      "class=\"contact-map\">\n",
      width, height, width, height);
  const std::string title = plan.account().name().empty()
                                ? std::string("Contact map")
                                : absl::StrCat("Contact map — ", plan.account().name());
  absl::StrAppend(&svg, "<title>", Markup(title), "</title>\n",
                  "<defs><marker id=\"leverage-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
                  "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                  "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"",
                  kLeverageInk, "\"/></marker></defs>\n",
                  "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");

  // Title block: account, date, counts.
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"18\" font-weight=\"bold\" "
                        "fill=\"#222222\">%s</text>\n",
                        kMargin, kMargin + 16, Markup(title));
  std::string subtitle = analysis.has_as_of() ? absl::StrCat("As of ", FormatTime(analysis.as_of()))
                                              : std::string("No date in the plan");
  absl::StrAppend(&subtitle, " · ", Count(index.person_count(), "client person", "client persons"),
                  " · ", Count(members, "team member", "team members"));
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#555555\">%s</text>\n",
                        kMargin, kMargin + 36, Markup(subtitle));

  // Column heads: team member names and levels, slanted so long names fit over narrow columns.
  for (int32_t m = 0; m < members; ++m) {
    const v1::TeamMember& member = index.member(m);
    const double x = grid_x + m * kCell + kCell / 2;
    const double y = grid_y - 10;
    const bool threaded = threaded_members.contains(member.id());
    const bool left = index.member_has_left(m);
    std::string label = Markup(Truncate(MemberLabel(member), kMaxLabel));
    if (left) absl::StrAppend(&label, " (left)");
    if (member.level() != v1::LEVEL_UNSPECIFIED) {
      absl::StrAppend(&label, "<tspan fill=\"#666666\" font-size=\"11\"> · ",
                      Sv(LevelShort(member.level())), "</tspan>");
    }
    absl::StrAppendFormat(&svg,
                          "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"%s\" "
                          "data-team-member-id=\"%s\" transform=\"rotate(-%.0f %.1f %.1f)\">"
                          "%s%s</text>\n",
                          x - 4, y, kNameFont, left ? kLeftInk : "#222222", Markup(member.id()),
                          kMemberLabelSlant, x - 4, y, label,
                          threaded ? " <tspan fill=\"#1b5e20\">●</tspan>" : "");
  }
  // Column titles of the person block.
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#666666\">Client "
                        "person</text>\n<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" "
                        "fill=\"#666666\">Title</text>\n<text x=\"%.1f\" y=\"%.1f\" "
                        "font-size=\"%.0f\" fill=\"#666666\">Level · buyer roles</text>\n",
                        kMargin + dot_column, grid_y - 8, kSmallFont, title_x, grid_y - 8,
                        kSmallFont, roles_x, grid_y - 8, kSmallFont);

  std::string overlay;  // rank badges, drawn over every cell
  for (size_t r = 0; r < rows.size(); ++r) {
    const model::PersonIx p = rows[r].person;
    const v1::Person& person = index.person(p);
    const bool left = index.has_left(p);
    const double y = grid_y + static_cast<double>(r) * kCell;
    const double baseline = y + kCell / 2 + 4.5;
    if (r % 2 == 1) {
      absl::StrAppendFormat(&svg,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            "fill=\"#f4f5f7\"/>\n",
                            kMargin, y, grid_x - kMargin, kCell);
    }
    if (threaded_persons.contains(person.id())) {
      absl::StrAppendFormat(&svg,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1b5e20\"/>\n",
                            kMargin + 5, y + kCell / 2);
    }
    absl::StrAppendFormat(
        &svg,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\"%s fill=\"%s\" data-person-id=\"%s\" "
        "class=\"person\">%s%s</text>\n",
        kMargin + dot_column + rows[r].indent_levels() * kIndentStep, baseline, kNameFont,
        index.is_key(p) ? " font-weight=\"bold\"" : "", left ? kLeftInk : "#222222",
        Markup(person.id()), Markup(Truncate(PersonLabel(person), kMaxLabel)),
        left ? " (left)" : "");
    if (!person.title().empty()) {
      absl::StrAppendFormat(&svg,
                            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" "
                            "fill=\"%s\">%s</text>\n",
                            title_x, baseline, kSmallFont, left ? kLeftInk : "#555555",
                            Markup(Truncate(person.title(), kMaxLabel)));
    }
    if (const std::string roles = LevelAndRoles(person); !roles.empty()) {
      absl::StrAppendFormat(&svg,
                            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" "
                            "fill=\"%s\">%s</text>\n",
                            roles_x, baseline, kSmallFont, left ? kLeftInk : "#444444",
                            Markup(roles));
    }
    for (int32_t m = 0; m < members; ++m) {
      const model::RelationshipIx cell = index.FindCell(m, p);
      const v1::Grade grade = cell == model::kNone ? v1::GRADE_UNSPECIFIED : index.grade(cell);
      const GradeStyle style = StyleOf(grade);
      const bool greyed = left || index.member_has_left(m);
      const double x = grid_x + m * kCell;
      const auto mark = marks.find({p, m});
      std::string rank_attribute;
      std::string tooltip = absl::StrCat(PersonLabel(person), " × ",
                                         MemberLabel(index.member(m)), ": ", GradeWords(grade));
      if (mark != marks.end()) {
        rank_attribute = absl::StrCat(" data-key-rank=\"", mark->second.rank, "\"");
        absl::StrAppend(&tooltip, " — key intersection ", mark->second.rank,
                        mark->second.blank ? ", blank to fill" : "");
      }
      if (greyed) absl::StrAppend(&tooltip, " (left)");
      absl::StrAppendFormat(&svg,
                            "<g class=\"cell\" data-person-id=\"%s\" data-team-member-id=\"%s\"%s%s>"
                            "<title>%s</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                            "height=\"%.1f\" fill=\"%s\" stroke=\"#d0d0d0\"/>",
                            Markup(person.id()), Markup(index.member(m).id()), rank_attribute,
                            greyed ? " opacity=\"0.35\"" : "", Markup(tooltip), x, y, kCell,
                            kCell, style.fill);
      if (grade != v1::GRADE_UNSPECIFIED) {
        absl::StrAppendFormat(&svg,
                              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\" "
                              "text-anchor=\"middle\" fill=\"%s\">%c</text>",
                              x + kCell / 2, y + kCell / 2 + 4.5, style.ink, GradeLetter(grade));
      }
      if (mark != marks.end()) {
        if (mark->second.blank) {
          absl::StrAppendFormat(&svg,
                                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\"none\" "
                                "stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>",
                                x + kCell / 2, y + kCell / 2, kKeyInk);
        } else {
          absl::StrAppendFormat(&svg,
                                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                "fill=\"none\" stroke=\"%s\" stroke-width=\"3\"/>",
                                x + 1.5, y + 1.5, kCell - 3, kCell - 3, kKeyInk);
        }
        absl::StrAppendFormat(&overlay,
                              "<g class=\"key-rank\" data-key-rank=\"%d\"><circle cx=\"%.1f\" "
                              "cy=\"%.1f\" r=\"7.5\" fill=\"%s\" stroke=\"#ffffff\" "
                              "stroke-width=\"1.5\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" "
                              "font-weight=\"bold\" text-anchor=\"middle\" fill=\"#ffffff\">%d"
                              "</text></g>\n",
                              mark->second.rank, x + kCell - 3, y + 3, kKeyInk, x + kCell - 3,
                              y + 6.2, mark->second.rank);
      }
      absl::StrAppend(&svg, "</g>\n");
    }
  }

  // Leverage: from the cell the introducer holds to the cell it should lift. Ends off the drawn
  // rows (a large plan's left-out persons) are skipped.
  std::string arrows;
  for (const v1::KeyIntersection& key : analysis.recommendations().key_intersections()) {
    const model::PersonIx target_p = index.FindPerson(key.person_id());
    const model::MemberIx target_m = index.FindMember(key.team_member_id());
    const auto target_row = row_of.find(target_p);
    if (target_m == model::kNone || target_row == row_of.end()) continue;
    // The introducer only (the shortest path, as the brief names it): three arrows per key
    // intersection would bury a large map; the HTML report lists every path.
    if (key.leverage().empty() || key.leverage(0).person_ids().empty()) continue;
    const v1::LeveragePath& path = key.leverage(0);
    const model::PersonIx from_p = index.FindPerson(path.person_ids(0));
    const model::MemberIx from_m = index.FindMember(path.team_member_id());
    const auto from_row = row_of.find(from_p);
    if (from_m == model::kNone || from_row == row_of.end()) continue;
    if (from_p == target_p && from_m == target_m) continue;
    const double x1 = grid_x + from_m * kCell + kCell / 2;
    const double y1 = grid_y + static_cast<double>(from_row->second) * kCell + kCell / 2;
    const double x2 = grid_x + target_m * kCell + kCell / 2;
    const double y2 = grid_y + static_cast<double>(target_row->second) * kCell + kCell / 2;
    // From edge to edge, so the arrow never hides a grade letter, with a slight bow so arrows
    // along one row or column stay apart from each other.
    const double dx = x2 - x1, dy = y2 - y1;
    const double length = std::max(1.0, std::hypot(dx, dy));
    const double ux = dx / length, uy = dy / length;
    const double trim_start = std::min(kCell * 0.42, length / 3);
    const double trim_end = std::min(kCell * 0.5, length / 3);
    const double sx = x1 + ux * trim_start, sy = y1 + uy * trim_start;
    const double ex = x2 - ux * trim_end, ey = y2 - uy * trim_end;
    const double bow = std::min(14.0, length * 0.18);
    const double mx = (sx + ex) / 2 - uy * bow;
    const double my = (sy + ey) / 2 + ux * bow;
    absl::StrAppendFormat(&arrows,
                          "<path class=\"leverage\" data-from-person-id=\"%s\" "
                          "data-from-team-member-id=\"%s\" data-person-id=\"%s\" "
                          "data-team-member-id=\"%s\" d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" "
                          "fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" opacity=\"0.75\" "
                          "marker-end=\"url(#leverage-arrow)\"><title>%s</title></path>\n",
                          Markup(index.person(from_p).id()), Markup(index.member(from_m).id()),
                          Markup(key.person_id()), Markup(key.team_member_id()), sx, sy, mx, my,
                          ex, ey, kLeverageInk,
                          Markup(absl::StrCat("leverage for key intersection ", key.rank(), ": ",
                                              MemberLabel(index.member(from_m)), " holds ",
                                              GradeWords(path.grade()), " with ",
                                              PersonLabel(index.person(from_p)))));
  }
  absl::StrAppend(&svg, overlay, arrows);  // arrows last: a badge must not hide where one ends

  // Legend of grades, then of the plan's marks.
  double x = kMargin;
  for (v1::Grade grade : kLegendGrades) {
    const GradeStyle style = StyleOf(grade);
    const std::string label = GradeWords(grade);
    absl::StrAppendFormat(&svg,
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"%s\" "
                          "stroke=\"#d0d0d0\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" "
                          "fill=\"#333333\">%s</text>\n",
                          x, legend_y, style.fill, x + 19, legend_y + 11, kSmallFont, label);
    x += 19 + TextWidth(label, kSmallFont) + 16;
  }
  const double marks_y = legend_y + 26;
  absl::StrAppendFormat(
      &svg,
      "<g class=\"legend-marks\"><rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" "
      "fill=\"none\" stroke=\"%s\" stroke-width=\"3\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" "
      "fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/><path d=\"M%.1f,%.1f "
      "L%.1f,%.1f\" stroke=\"%s\" stroke-width=\"2\" marker-end=\"url(#leverage-arrow)\"/>"
      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#333333\">%s</text>"
      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#333333\">%s</text></g>\n",
      kMargin, marks_y, kKeyInk, kMargin + 27, marks_y + 7, kKeyInk, kMargin + 40, marks_y + 7,
      kMargin + 58, marks_y + 7, kLeverageInk, kMargin + 66, marks_y + 11, kSmallFont,
      Markup(marks_note), kMargin + 66, marks_y + 26, kSmallFont, Markup(marks_note_2));
  // The web-of-influence figure.
  const double web_y = marks_y + 56;
  absl::StrAppendFormat(
      &svg,
      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"16\" font-weight=\"bold\" fill=\"%s\">Web of "
      "influence %s — %s</text>\n",
      kMargin, web_y, web.meets3x3() ? "#1b5e20" : "#b3261e",
      Markup(web.figure().empty() ? "0x0" : web.figure()), web.meets3x3() ? "meets 3x3" : "below 3x3");
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#555555\"><tspan "
                        "fill=\"#1b5e20\">●</tspan> %s</text>\n",
                        kMargin, web_y + 20, kSmallFont, Markup(thread_note));
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#555555\">%s</text>\n",
                        kMargin, web_y + 36, kSmallFont, Markup(counts_note));
  if (left_out > 0) {
    absl::StrAppendFormat(&svg,
                          "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#b3261e\" "
                          "class=\"left-out\">%s</text>\n",
                          kMargin, web_y + 52, kSmallFont, Markup(left_out_note));
  }
  absl::StrAppend(&svg, "</svg>\n");
  return svg;
}

}  // namespace contactplan::render
