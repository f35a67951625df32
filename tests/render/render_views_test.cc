// Each view of the render stage: what it promises about width, marks, structure and escaping.
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "contactplan/engine.h"
#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "contactplan/render.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "render/render_inputs.h"
#include "render/text_layout.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::contactplan::testing::AnalysisOf;
using ::contactplan::testing::Kestrel;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string RenderOrFail(const v1::Plan& plan, View view, int width = 100) {
  RenderOptions options;
  options.width = width;
  absl::StatusOr<std::string> out = Render(plan, AnalysisOf(plan), view, options);
  EXPECT_TRUE(out.ok()) << out.status();
  return out.ok() ? *out : std::string();
}

int Occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Names a spreadsheet could hold: markup, a terminal escape that clears the screen, a
// right-to-left override, and genuine right-to-left letters.
v1::Plan HostilePlan() {
  return testing::PlanFromText(R"pb(
    account { name: "Acme <b>&</b>" }
    team_members { id: "t1" name: "Ann & \"Bob\"" level: EXECUTIVE }
    team_members { id: "t2" name: "Eve\x1b]0;owned\x07" level: SENIOR_MANAGEMENT }
    persons { id: "p1" name: "<script>alert(1)</script>" title: "CEO\x1b[2J" level: EXECUTIVE key: true
              buyer_roles: POWER }
    persons { id: "p2" name: "Mallory \xe2\x80\xae" "gnp.exe" level: OPERATIONAL reports_to_id: "p1" }
    persons { id: "p3" name: "\xd7\x93\xd7\x95\xd7\x93" level: MIDDLE_MANAGEMENT reports_to_id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT }
    relationships { team_member_id: "t2" person_id: "p2" grade: TRUST }
  )pb");
}

TEST(RenderViewsTest, ViewNamesRoundTrip) {
  for (View view : {View::kBrief, View::kReport, View::kSvg, View::kHtml}) {
    EXPECT_EQ(ViewFromName(ViewName(view)), view);
  }
  EXPECT_EQ(ViewFromName("text"), std::nullopt);  // "text" is a plan format, never a view
}

TEST(RenderViewsTest, RefusesAnInvalidPlanAndABadWidth) {
  v1::Plan plan = Kestrel();
  const v1::Analysis analysis = AnalysisOf(plan);
  RenderOptions narrow;
  narrow.width = 59;
  EXPECT_EQ(Render(plan, analysis, View::kBrief, narrow).status().code(),
            absl::StatusCode::kInvalidArgument);
  plan.add_relationships()->set_person_id("nobody");
  const absl::Status invalid = Render(plan, analysis, View::kSvg).status();
  EXPECT_EQ(invalid.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(invalid.message(), HasSubstr("relationships["));
}

TEST(RenderViewsTest, TerminalViewsNeverExceedTheWidth) {
  const v1::Plan plan = Kestrel();
  for (View view : {View::kBrief, View::kReport}) {
    for (int width : {60, 80, 100}) {
      std::istringstream lines(RenderOrFail(plan, view, width));
      for (std::string line; std::getline(lines, line);) {
        EXPECT_LE(render::DisplayWidth(line), static_cast<size_t>(width))
            << ViewName(view) << " at " << width << ": " << line;
      }
    }
  }
}

TEST(RenderViewsTest, ReportGroupsRepeatedFindingsAndShowsNoWeights) {
  const std::string report = RenderOrFail(Kestrel(), View::kReport);
  EXPECT_THAT(report, HasSubstr("SINGLE_THREADED_PERSON ("));  // one heading, a count
  EXPECT_EQ(Occurrences(report, "    SINGLE_THREADED_PERSON"), 1);
  EXPECT_THAT(report, Not(HasSubstr("weight")));
}

// A capped findings list still gives the true totals: the brief reads findingCounts.
TEST(RenderViewsTest, BriefCountsTheFindingsACappedListLeftOut) {
  const v1::Plan plan = Kestrel();
  absl::StatusOr<Engine> engine = Engine::Create();
  ASSERT_TRUE(engine.ok()) << engine.status();
  v1::AnalysisOptions capped;
  capped.set_max_findings(1);
  absl::StatusOr<v1::Analysis> analysis = engine->Analyze(plan, capped);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  ASSERT_EQ(analysis->findings_size(), 1);
  int critical = 0;
  for (const v1::FindingCount& count : analysis->finding_counts()) {
    if (count.severity() == v1::CRITICAL) critical += count.total();
  }
  ASSERT_GT(critical, 1);
  absl::StatusOr<std::string> brief = Render(plan, *analysis, View::kBrief, RenderOptions{});
  ASSERT_TRUE(brief.ok()) << brief.status();
  EXPECT_THAT(*brief, HasSubstr(absl::StrCat("Findings: ", critical, " critical")));
}

TEST(RenderViewsTest, BriefIsOneScreenWithTheNumbers) {
  const v1::Plan plan = Kestrel();
  const v1::Analysis analysis = AnalysisOf(plan);
  const std::string brief = RenderOrFail(plan, View::kBrief);
  EXPECT_THAT(brief, AllOf(StartsWith("Kestrel Health Partners"), HasSubstr(analysis.web().figure()),
                           HasSubstr("TOP ACTIONS"), HasSubstr("CRITICAL RISKS"),
                           HasSubstr("--detail")));
  EXPECT_LE(Occurrences(brief, "\n"), 45);
  // The confidence score sits beside health.
  EXPECT_THAT(brief, HasSubstr(absl::StrFormat("confidence %.0f/100",
                                               analysis.scores().confidence().value())));
}

TEST(RenderViewsTest, TerminalViewsShowControlCharactersAsEscapes) {
  const v1::Plan plan = HostilePlan();
  for (View view : {View::kBrief, View::kReport}) {
    const std::string text = RenderOrFail(plan, view);
    EXPECT_EQ(text.find('\x1b'), std::string::npos) << ViewName(view);
    EXPECT_EQ(text.find('\x07'), std::string::npos) << ViewName(view);
    EXPECT_EQ(text.find("\xe2\x80\xae"), std::string::npos) << ViewName(view);
    EXPECT_THAT(text, HasSubstr("\\x1b")) << ViewName(view);
  }
  EXPECT_THAT(RenderOrFail(plan, View::kReport),
              AllOf(HasSubstr("CEO\\x1b[2J"), HasSubstr("Mallory \\u202egnp.exe"),
                    HasSubstr("\xd7\x93\xd7\x95\xd7\x93")));  // right-to-left letters stay
}

TEST(RenderViewsTest, MarkupViewsEscapeHostileNames) {
  const v1::Plan plan = HostilePlan();
  for (View view : {View::kSvg, View::kHtml}) {
    const std::string markup = RenderOrFail(plan, view);
    EXPECT_THAT(markup, Not(HasSubstr("<script>alert"))) << ViewName(view);
    EXPECT_THAT(markup, Not(HasSubstr("<b>&</b>"))) << ViewName(view);
    EXPECT_THAT(markup, AllOf(HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"),
                              HasSubstr("Ann &amp; &quot;Bob&quot;"), HasSubstr("\\u202e")))
        << ViewName(view);
    EXPECT_EQ(markup.find('\x1b'), std::string::npos) << ViewName(view);
    EXPECT_EQ(markup.find("\xe2\x80\xae"), std::string::npos) << ViewName(view);
  }
  // The HTML script is the report's own, once; the plan's never runs.
  EXPECT_EQ(Occurrences(RenderOrFail(plan, View::kHtml), "<script>"), 1);
}

TEST(RenderViewsTest, SvgCarriesTheMarksOfThePlan) {
  const v1::Plan plan = Kestrel();
  const v1::Analysis analysis = AnalysisOf(plan);
  const std::string svg = RenderOrFail(plan, View::kSvg);
  EXPECT_EQ(Occurrences(svg, "<g class=\"cell\""), plan.persons_size() * plan.team_members_size());
  const auto& keys = analysis.recommendations().key_intersections();
  ASSERT_GT(keys.size(), 0);
  bool any_blank = false, any_leverage = false;
  for (const v1::KeyIntersection& key : keys) {
    EXPECT_THAT(svg, HasSubstr("<g class=\"cell\" data-person-id=\"" + key.person_id() +
                               "\" data-team-member-id=\"" + key.team_member_id() +
                               "\" data-key-rank=\"" + std::to_string(key.rank()) + "\""));
    any_blank |= key.current_grade() == v1::GRADE_UNSPECIFIED;
    any_leverage |= !key.leverage().empty();
  }
  // Kestrel has both a blank key intersection and leverage, so both marks must be drawn.
  ASSERT_TRUE(any_blank && any_leverage);
  EXPECT_THAT(svg, HasSubstr("stroke-dasharray=\"3 2\""));
  EXPECT_THAT(svg, HasSubstr("<path class=\"leverage\""));
  EXPECT_THAT(svg, AllOf(HasSubstr("Level · buyer roles"), HasSubstr("executive"),
                         HasSubstr("Ringed: the key intersections")));
  EXPECT_THAT(svg, Not(HasSubstr("not drawn")));
}

TEST(RenderViewsTest, SvgOfALargePlanSaysWhatItLeftOut) {
  generate::GeneratorOptions options;
  options.persons = 150;
  options.team_members = 6;
  const v1::Plan plan = generate::GeneratePlan(options);
  const std::string svg = RenderOrFail(plan, View::kSvg);
  const int cells = Occurrences(svg, "<g class=\"cell\"");
  EXPECT_LT(cells, 150 * 6);
  EXPECT_GT(cells, 0);
  EXPECT_THAT(svg, HasSubstr("of 150 not drawn"));
}

TEST(RenderViewsTest, HtmlIsSelfContained) {
  const v1::Plan plan = Kestrel();
  const v1::Analysis analysis = AnalysisOf(plan);
  const std::string html = RenderOrFail(plan, View::kHtml);
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>"));
  for (const char* section : {"id=\"brief\"", "id=\"map\"", "id=\"key-intersections\"",
                              "id=\"blueprint\"", "id=\"findings\"", "id=\"gaps\"", "@media print"}) {
    EXPECT_THAT(html, HasSubstr(section));
  }
  // Nothing to fetch: the only URL is the SVG namespace, which is a name, not a request.
  EXPECT_EQ(Occurrences(html, "http://"), Occurrences(html, "http://www.w3.org/2000/svg"));
  EXPECT_EQ(Occurrences(html, "https://"), 0);
  EXPECT_THAT(html, AllOf(Not(HasSubstr("<link")), Not(HasSubstr(" src=")), Not(HasSubstr("@import"))));
  EXPECT_EQ(Occurrences(html, "<tr data-severity="), analysis.findings_size());
  EXPECT_THAT(html, HasSubstr("id=\"finding-filters\" hidden"));  // shown only by the script
}

}  // namespace
}  // namespace contactplan
