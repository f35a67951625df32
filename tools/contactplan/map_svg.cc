#include "map_svg.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "plan_labels.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

// Geometry, in SVG user units (pixels at 100%).
constexpr double kMargin = 24;
constexpr double kCell = 26;
constexpr double kNameFont = 13;
constexpr double kSmallFont = 11;
constexpr double kCharWidth = 0.58;   // average glyph width as a share of the font size (sans-serif)
constexpr double kIndentStep = 12;    // per org-chart level
constexpr double kMemberLabelSlant = 40;  // degrees
constexpr size_t kMaxLabel = 36;      // longer names and titles are cut with an ellipsis

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

std::string Xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters are not allowed in XML 1.0; a plan's strings may hold them.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

double TextWidth(std::string_view text, double font_size) {
  return static_cast<double>(DisplayWidth(text)) * font_size * kCharWidth;
}

}  // namespace

std::string MapSvg(const model::PlanIndex& index, const v1::Analysis& analysis) {
  const v1::Plan& plan = index.plan();
  const v1::Web& web = analysis.web();
  const int32_t members = index.member_count();
  const std::vector<OrgRow> rows = OrgChartOrder(index);
  const absl::flat_hash_set<std::string> threaded_persons(web.person_ids().begin(),
                                                          web.person_ids().end());
  const absl::flat_hash_set<std::string> threaded_members(web.team_member_ids().begin(),
                                                          web.team_member_ids().end());

  // Column widths from the longest label in each.
  double name_width = TextWidth("Client person", kNameFont);
  double title_width = 0;
  for (const OrgRow& row : rows) {
    const v1::Person& person = index.person(row.person);
    name_width = std::max(name_width, row.indent_levels() * kIndentStep +
                                          TextWidth(Truncate(PersonLabel(person), kMaxLabel),
                                                    kNameFont) + 4);
    title_width = std::max(title_width, TextWidth(Truncate(person.title(), kMaxLabel), kSmallFont));
  }
  double member_label = 0;
  for (int32_t m = 0; m < members; ++m) {
    member_label = std::max(member_label,
                            TextWidth(Truncate(MemberLabel(index.member(m)), kMaxLabel), kNameFont));
  }
  const double slant = kMemberLabelSlant * M_PI / 180;
  const double dot_column = 14;  // the web-of-influence dots beside the names
  const double grid_x = kMargin + dot_column + name_width + 12 + title_width + 16;
  const double title_block = 56;
  const double header_height = member_label * std::sin(slant) + 28;
  const double grid_y = kMargin + title_block + header_height;
  const double grid_width = members * kCell;
  const double grid_height = static_cast<double>(rows.size()) * kCell;
  const double legend_y = grid_y + grid_height + 28;

  // The footnote under the web figure, in two lines so it never sets the picture's width alone.
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
  double legend_width = 0;
  for (v1::Grade grade : kLegendGrades) legend_width += 19 + TextWidth(GradeWords(grade), kSmallFont) + 16;
  const double width =
      std::max({grid_x + grid_width + member_label * std::cos(slant) + kMargin,
                kMargin * 2 + legend_width, kMargin * 2 + TextWidth(thread_note, kSmallFont),
                kMargin * 2 + TextWidth(counts_note, kSmallFont)});
  const double height = legend_y + 88 + kMargin;

  std::string svg = absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
      "viewBox=\"0 0 %.0f %.0f\" font-family=\"Helvetica, Arial, sans-serif\">\n",
      width, height, width, height);
  const std::string title = plan.account().name().empty()
                                ? std::string("Contact map")
                                : absl::StrCat("Contact map — ", plan.account().name());
  absl::StrAppend(&svg, "<title>", Xml(title), "</title>\n",
                  "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");

  // Title block: account, date, web figure.
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"18\" font-weight=\"bold\" "
                        "fill=\"#222222\">%s</text>\n",
                        kMargin, kMargin + 16, Xml(title));
  std::string subtitle = analysis.has_as_of() ? absl::StrCat("As of ", FormatTime(analysis.as_of()))
                                              : std::string("No date in the plan");
  absl::StrAppend(&subtitle, " · ", Count(index.person_count(), "client person", "client persons"),
                  " · ", Count(members, "team member", "team members"));
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#555555\">%s</text>\n",
                        kMargin, kMargin + 36, Xml(subtitle));

  // Column heads: team member names, slanted so long names fit over narrow columns.
  for (int32_t m = 0; m < members; ++m) {
    const v1::TeamMember& member = index.member(m);
    const double x = grid_x + m * kCell + kCell / 2;
    const double y = grid_y - 10;
    const bool threaded = threaded_members.contains(member.id());
    absl::StrAppendFormat(&svg,
                          "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#222222\" "
                          "transform=\"rotate(-%.0f %.1f %.1f)\">%s%s</text>\n",
                          x - 4, y, kNameFont, kMemberLabelSlant, x - 4, y,
                          Xml(Truncate(MemberLabel(member), kMaxLabel)),
                          threaded ? " <tspan fill=\"#1b5e20\">●</tspan>" : "");
  }
  // Row labels and cells.
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#777777\">Client "
                        "person</text>\n<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" "
                        "fill=\"#777777\">Title</text>\n",
                        kMargin + dot_column, grid_y - 8, kSmallFont,
                        kMargin + dot_column + name_width + 12, grid_y - 8, kSmallFont);
  for (size_t r = 0; r < rows.size(); ++r) {
    const v1::Person& person = index.person(rows[r].person);
    const double y = grid_y + static_cast<double>(r) * kCell;
    const double baseline = y + kCell / 2 + 4.5;
    if (r % 2 == 1) {
      absl::StrAppendFormat(&svg,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            "fill=\"#f6f7f9\"/>\n",
                            kMargin, y, grid_x - kMargin, kCell);
    }
    if (threaded_persons.contains(person.id())) {
      absl::StrAppendFormat(&svg,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1b5e20\"/>\n",
                            kMargin + 5, y + kCell / 2);
    }
    absl::StrAppendFormat(
        &svg, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\"%s fill=\"#222222\">%s</text>\n",
        kMargin + dot_column + rows[r].indent_levels() * kIndentStep, baseline,
        kNameFont, index.is_key(rows[r].person) ? " font-weight=\"bold\"" : "",
        Xml(Truncate(PersonLabel(person), kMaxLabel)));
    if (!person.title().empty()) {
      absl::StrAppendFormat(&svg,
                            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" "
                            "fill=\"#666666\">%s</text>\n",
                            kMargin + dot_column + name_width + 12, baseline, kSmallFont,
                            Xml(Truncate(person.title(), kMaxLabel)));
    }
    for (int32_t m = 0; m < members; ++m) {
      const model::RelationshipIx cell = index.FindCell(m, rows[r].person);
      const v1::Grade grade = cell == model::kNone ? v1::GRADE_UNSPECIFIED : index.grade(cell);
      const GradeStyle style = StyleOf(grade);
      const double x = grid_x + m * kCell;
      absl::StrAppendFormat(&svg,
                            "<g><title>%s × %s: %s</title><rect x=\"%.1f\" y=\"%.1f\" "
                            "width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#d0d0d0\"/>",
                            Xml(PersonLabel(person)), Xml(MemberLabel(index.member(m))),
                            GradeWords(grade), x, y, kCell, kCell, style.fill);
      if (grade != v1::GRADE_UNSPECIFIED) {
        absl::StrAppendFormat(&svg,
                              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"bold\" "
                              "text-anchor=\"middle\" fill=\"%s\">%c</text>",
                              x + kCell / 2, y + kCell / 2 + 4.5, style.ink, GradeLetter(grade));
      }
      absl::StrAppend(&svg, "</g>\n");
    }
  }

  // Legend of grades.
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
  // The web-of-influence figure.
  absl::StrAppendFormat(
      &svg,
      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"16\" font-weight=\"bold\" fill=\"%s\">Web of "
      "influence %s — %s</text>\n",
      kMargin, legend_y + 44, web.meets3x3() ? "#1b5e20" : "#b3261e",
      Xml(web.figure().empty() ? "0x0" : web.figure()), web.meets3x3() ? "meets 3x3" : "below 3x3");
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#555555\"><tspan "
                        "fill=\"#1b5e20\">●</tspan> %s</text>\n",
                        kMargin, legend_y + 64, kSmallFont, Xml(thread_note));
  absl::StrAppendFormat(&svg,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#555555\">%s</text>\n",
                        kMargin, legend_y + 80, kSmallFont, Xml(counts_note));
  absl::StrAppend(&svg, "</svg>\n");
  return svg;
}

}  // namespace contactplan::cli
