#include "render/html_report.h"

#include <array>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "render/escaping.h"
#include "render/map_svg.h"
#include "render/optional_fields.h"
#include "render/plan_labels.h"
#include "render/text_layout.h"

namespace contactplan::render {
namespace {

constexpr int kBriefActions = 5;

// Colours meet WCAG AA contrast on white (4.5:1 or better).
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, sans-serif; color: #1f1f1f; background: #ffffff;
       margin: 0 auto; max-width: 1100px; padding: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1a3fb0; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
.sub { color: #4d4d4d; margin: 0 0 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #ffffff; padding: .4rem; outline: 3px solid #1a3fb0; }
a:focus, select:focus, button:focus { outline: 3px solid #1a3fb0; outline-offset: 2px; }
dl.figures { display: flex; flex-wrap: wrap; gap: .75rem 2rem; margin: 0; }
dl.figures div { min-width: 8rem; }
dl.figures dt { color: #4d4d4d; font-size: .85rem; }
dl.figures dd { margin: 0; font-size: 1.5rem; font-weight: bold; }
.below { color: #a1221a; } .meets { color: #1b5e20; }
ol.actions li, ul.risks li { margin-bottom: .4rem; }
.detail { color: #3d3d3d; font-size: .92rem; }
.map { overflow-x: auto; border: 1px solid #d0d0d0; padding: .5rem; }
.map svg { max-width: none; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #dcdcdc; }
th { background: #f0f2f7; }
.sev { font-weight: bold; white-space: nowrap; }
.sev-CRITICAL { color: #a1221a; } .sev-WARNING { color: #7a4a00; } .sev-INFO { color: #2d4a7a; }
.filters { display: flex; gap: 1.5rem; align-items: end; margin: .5rem 0 1rem; }
.filters label { display: block; font-size: .85rem; color: #4d4d4d; }
.filters select { font-size: 1rem; padding: .2rem; }
.key { border: 1px solid #d0d0d0; border-left: 5px solid #1a3fb0; padding: .5rem .9rem; margin: .8rem 0; }
.key h3 { margin-top: .2rem; }
.tests { color: #3d3d3d; font-size: .85rem; }
footer { margin-top: 2.5rem; color: #4d4d4d; font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; }
  .filters, .skip { display: none !important; }
  tr[hidden] { display: table-row !important; }
  h2 { break-after: avoid; }
  .key, tr, li { break-inside: avoid; }
  .map { overflow: visible; border: none; }
  .map svg { max-width: 100%; }
}
)css";

// Filters the findings table by severity and person. Rows carry data-severity and
// data-person-ids; without this script they all stay visible.
constexpr std::string_view kScript = R"js(
(function () {
  var filters = document.getElementById('finding-filters');
  if (!filters) return;
  var severity = document.getElementById('filter-severity');
  var person = document.getElementById('filter-person');
  var count = document.getElementById('finding-count');
  var rows = document.querySelectorAll('#findings tbody tr');
  var order = { INFO: 1, WARNING: 2, CRITICAL: 3 };
  function apply() {
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var okSeverity = !severity.value || order[row.dataset.severity] >= order[severity.value];
      var ids = (row.dataset.personIds || '').split(' ');
      var okPerson = !person.value || ids.indexOf(person.value) >= 0;
      row.hidden = !(okSeverity && okPerson);
      if (!row.hidden) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' findings shown';
  }
  severity.addEventListener('change', apply);
  person.addEventListener('change', apply);
  filters.hidden = false;
  apply();
})();
)js";

std::string PersonName(const model::PlanIndex& index, std::string_view id) {
  return Markup(PersonLabel(index, id));
}
std::string MemberName(const model::PlanIndex& index, std::string_view id) {
  return Markup(MemberLabel(index, id));
}

// "<bdi>Helen Marsh</bdi> × <bdi>Dana Whitfield</bdi>": names isolated, so a right-to-left name
// cannot reorder the text around it.
std::string CellName(const model::PlanIndex& index, std::string_view person_id,
                     std::string_view member_id) {
  return absl::StrCat("<bdi>", PersonName(index, person_id), "</bdi> × <bdi>",
                      MemberName(index, member_id), "</bdi>");
}


std::string Figure(std::string_view id, std::string_view label, std::string_view value,
                   std::string_view css_class = "") {
  return absl::StrCat("<div><dt>", Sv(label), "</dt><dd id=\"", Sv(id), "\"",
                      css_class.empty() ? "" : absl::StrCat(" class=\"", Sv(css_class), "\""), ">",
                      Sv(value), "</dd></div>");
}

std::string LeverageSentence(const model::PlanIndex& index, const v1::LeveragePath& path) {
  std::string text = absl::StrCat("<bdi>", MemberName(index, path.team_member_id()), "</bdi> holds ",
                                  GradeWords(path.grade()));
  if (!path.person_ids().empty()) {
    absl::StrAppend(&text, " with <bdi>", PersonName(index, path.person_ids(0)), "</bdi>");
  }
  if (path.via() != v1::LeveragePath::VIA_UNSPECIFIED) {
    absl::StrAppend(&text, ", via ", EnumWords(path.via()));
  }
  if (path.person_ids_size() > 1) {
    std::vector<std::string> chain;
    for (const std::string& id : path.person_ids()) {
      chain.push_back(absl::StrCat("<bdi>", PersonName(index, id), "</bdi>"));
    }
    absl::StrAppend(&text, ": ", absl::StrJoin(chain, " → "));
  }
  return text;
}

std::string BriefSection(const model::PlanIndex& index, const v1::Analysis& analysis) {
  const std::array<int32_t, 4> counts = SeverityCounts(analysis);
  const v1::Web& web = analysis.web();
  std::string out = "<section id=\"brief\" aria-labelledby=\"brief-title\">\n"
                    "<h2 id=\"brief-title\">Brief</h2>\n<dl class=\"figures\">";
  absl::StrAppend(&out, Figure("health", "Account health",
                               absl::StrFormat("%.0f/100", analysis.scores().account_health().value())));
  if (const std::optional<double> confidence = Confidence(analysis)) {
    absl::StrAppend(&out, Figure("confidence", "Confidence", absl::StrFormat("%.0f/100", *confidence)));
  }
  absl::StrAppend(&out,
                  Figure("web-figure", web.meets3x3() ? "Web of influence (meets 3x3)"
                                                      : "Web of influence (below 3x3)",
                         Markup(web.figure().empty() ? "0x0" : web.figure()),
                         web.meets3x3() ? "meets" : "below"),
                  Figure("critical-count", "Critical findings", absl::StrCat(counts[v1::CRITICAL])),
                  Figure("warning-count", "Warnings", absl::StrCat(counts[v1::WARNING])),
                  Figure("info-count", "Info", absl::StrCat(counts[v1::INFO])), "</dl>\n");

  const v1::Recommendations& recs = analysis.recommendations();
  const int32_t horizon = recs.horizon_days() == 0 ? 30 : recs.horizon_days();
  absl::StrAppend(&out, "<h3>Top actions, next ", horizon, " days</h3>\n");
  if (recs.key_intersections().empty()) {
    absl::StrAppend(&out, "<p>None: no intersection needs work in this horizon.</p>\n");
  } else {
    absl::StrAppend(&out, "<ol class=\"actions\">\n");
    for (int i = 0; i < std::min(kBriefActions, recs.key_intersections_size()); ++i) {
      const v1::KeyIntersection& key = recs.key_intersections(i);
      absl::StrAppend(&out, "<li><a href=\"#key-", key.rank(), "\">",
                      CellName(index, key.person_id(), key.team_member_id()), "</a>: ",
                      GradeWords(key.current_grade()), " → ",
                      GradeWords(key.goal_grade() == v1::GRADE_UNSPECIFIED ? key.next_grade()
                                                                           : key.goal_grade()),
                      "<br><span class=\"detail\">owner <bdi>",
                      MemberName(index, key.team_member_id()), "</bdi>");
      if (!key.leverage().empty()) {
        absl::StrAppend(&out, " · introducer: ", LeverageSentence(index, key.leverage(0)));
      }
      if (!key.reason_codes().empty()) {
        std::vector<std::string> reasons;
        for (const std::string& code : key.reason_codes()) reasons.push_back(Words(code));
        absl::StrAppend(&out, " · why: ", Markup(absl::StrJoin(reasons, ", ")));
      }
      absl::StrAppend(&out, "</span></li>\n");
    }
    absl::StrAppend(&out, "</ol>\n");
  }

  absl::StrAppend(&out, "<h3>Critical risks</h3>\n");
  std::vector<std::string> codes;
  std::vector<std::vector<const v1::Finding*>> groups;
  for (const v1::Finding& finding : analysis.findings()) {
    if (finding.severity() != v1::CRITICAL) continue;
    if (codes.empty() || codes.back() != finding.code()) {
      // Findings come ordered by severity, then catalogue order: a code's findings are adjacent.
      codes.push_back(finding.code());
      groups.emplace_back();
    }
    groups.back().push_back(&finding);
  }
  if (codes.empty()) {
    absl::StrAppend(&out, "<p>None.</p>\n");
  } else {
    absl::StrAppend(&out, "<ul class=\"risks\">\n");
    for (size_t i = 0; i < codes.size(); ++i) {
      absl::StrAppend(&out, "<li><strong>", Markup(codes[i]), "</strong>",
                      groups[i].size() > 1 ? absl::StrCat(" ×", groups[i].size()) : "", ": ",
                      Markup(groups[i].front()->message()),
                      groups[i].size() > 1 ? " (and the others in Findings)" : "", "</li>\n");
    }
    absl::StrAppend(&out, "</ul>\n");
  }
  absl::StrAppend(&out, "</section>\n");
  return out;
}

std::string TacticsList(const v1::BlueprintEntry& entry) {
  if (entry.tactics().empty()) return "";
  std::string out = "<ul>\n";
  for (const v1::Tactic& tactic : entry.tactics()) {
    std::string description = tactic.description();
    if (!description.empty() && !absl::ascii_ispunct(static_cast<unsigned char>(description.back()))) {
      description += '.';
    }
    absl::StrAppend(&out, "<li>", Markup(description));
    if (!tactic.resources().empty()) {
      absl::StrAppend(&out, " <span class=\"detail\">Resources: ", Markup(tactic.resources()),
                      ".</span>");
    }
    if (tactic.has_due_at()) {
      absl::StrAppend(&out, " <span class=\"detail\">Due ", FormatTime(tactic.due_at()), ".</span>");
    }
    absl::StrAppend(&out, " <span class=\"tests\">[", TacticTests(tactic), "]</span></li>\n");
  }
  return absl::StrCat(out, "</ul>\n");
}

std::string KeyIntersectionsSection(const model::PlanIndex& index, const v1::Recommendations& recs) {
  std::string out = "<section id=\"key-intersections\" aria-labelledby=\"key-title\">\n"
                    "<h2 id=\"key-title\">Key intersections</h2>\n";
  if (recs.key_intersections().empty()) {
    return absl::StrCat(out, "<p>None: no intersection needs work in this horizon.</p>\n</section>\n");
  }
  for (const v1::KeyIntersection& key : recs.key_intersections()) {
    absl::StrAppend(&out, "<article class=\"key\" id=\"key-", key.rank(), "\" data-key-rank=\"",
                    key.rank(), "\" data-person-id=\"", Markup(key.person_id()),
                    "\" data-team-member-id=\"", Markup(key.team_member_id()), "\">\n<h3>",
                    key.rank(), ". ", CellName(index, key.person_id(), key.team_member_id()), ": ",
                    GradeWords(key.current_grade()), " → ", GradeWords(key.next_grade()));
    if (key.goal_grade() != v1::GRADE_UNSPECIFIED && key.goal_grade() != key.next_grade()) {
      absl::StrAppend(&out, " (goal ", GradeWords(key.goal_grade()), ")");
    }
    absl::StrAppendFormat(&out, "</h3>\n<p class=\"detail\">priority %.0f</p>\n",
                          key.priority().score());
    if (!key.owner_reason().empty()) {
      absl::StrAppend(&out, "<p><strong>Owner:</strong> ", Markup(key.owner_reason()), "</p>\n");
    }
    if (!key.reason_codes().empty()) {
      absl::StrAppend(&out, "<p><strong>Why:</strong> ",
                      Markup(absl::StrJoin(key.reason_codes(), ", ")), "</p>\n");
    }
    if (!key.strategies().empty()) {
      absl::StrAppend(&out, "<p><strong>Strategies</strong></p>\n<ul>\n");
      for (const v1::StrategyChoice& choice : key.strategies()) {
        absl::StrAppend(&out, "<li><em>", EnumWords(choice.strategy()), "</em>: ",
                        Markup(choice.reason()), "</li>\n");
      }
      absl::StrAppend(&out, "</ul>\n");
    }
    if (!key.leverage().empty()) {
      absl::StrAppend(&out, "<p><strong>Leverage</strong></p>\n<ul>\n");
      for (const v1::LeveragePath& path : key.leverage()) {
        absl::StrAppend(&out, "<li>", LeverageSentence(index, path), "</li>\n");
      }
      absl::StrAppend(&out, "</ul>\n");
    }
    // The drafted tactics for this cell, when the draft has an entry for it.
    for (const v1::BlueprintEntry& entry : recs.blueprint_draft()) {
      if (entry.person_id() == key.person_id() && entry.team_member_id() == key.team_member_id()) {
        if (!entry.tactics().empty()) {
          absl::StrAppend(&out, "<p><strong>Tactics</strong></p>\n", TacticsList(entry));
        }
        break;
      }
    }
    absl::StrAppend(&out, "</article>\n");
  }
  return absl::StrCat(out, "</section>\n");
}

std::string BlueprintSection(const model::PlanIndex& index, const v1::Recommendations& recs) {
  std::string out = "<section id=\"blueprint\" aria-labelledby=\"blueprint-title\">\n"
                    "<h2 id=\"blueprint-title\">Blueprint draft</h2>\n";
  if (recs.blueprint_draft().empty()) {
    return absl::StrCat(out, "<p>No key intersection to work on: nothing to draft.</p>\n</section>\n");
  }
  absl::StrAppend(&out, "<table>\n<thead><tr><th scope=\"col\">Relationship</th><th scope=\"col\">"
                        "Goal</th><th scope=\"col\">Strategies</th><th scope=\"col\">Tactics</th>"
                        "<th scope=\"col\">Horizon</th></tr></thead>\n<tbody>\n");
  for (const v1::BlueprintEntry& entry : recs.blueprint_draft()) {
    std::vector<std::string> strategies;
    for (int strategy : entry.strategies()) {
      strategies.push_back(EnumWords(static_cast<v1::InfluenceStrategy>(strategy)));
    }
    std::string goal = GradeWords(entry.goal().grade());
    if (entry.goal().relationship_level() != v1::RELATIONSHIP_LEVEL_UNSPECIFIED) {
      absl::StrAppend(&goal, ", relationship ", EnumWords(entry.goal().relationship_level()));
    }
    if (entry.goal().preference() != v1::PREFERENCE_UNSPECIFIED) {
      absl::StrAppend(&goal, ", preference ", EnumWords(entry.goal().preference()));
    }
    absl::StrAppend(&out, "<tr><td>", CellName(index, entry.person_id(), entry.team_member_id()),
                    "</td><td>", goal, "</td><td>", absl::StrJoin(strategies, ", "), "</td><td>",
                    TacticsList(entry), "</td><td>",
                    entry.horizon_days() > 0 ? absl::StrCat(entry.horizon_days(), " days") : "",
                    "</td></tr>\n");
  }
  return absl::StrCat(out, "</tbody>\n</table>\n</section>\n");
}

std::string FindingsSection(const model::PlanIndex& index, const v1::Analysis& analysis) {
  const std::array<int32_t, 4> counts = SeverityCounts(analysis);
  std::string out = absl::StrCat(
      "<section id=\"findings\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">"
      "Findings</h2>\n<p>",
      counts[v1::CRITICAL], " critical, ", Count(counts[v1::WARNING], "warning", "warnings"), ", ",
      counts[v1::INFO], " info.</p>\n");
  if (analysis.findings().empty()) return absl::StrCat(out, "<p>None: no rule fired.</p>\n</section>\n");

  // Persons any finding names, in plan order, for the person filter.
  absl::flat_hash_set<std::string> named;
  for (const v1::Finding& finding : analysis.findings()) {
    named.insert(finding.person_ids().begin(), finding.person_ids().end());
  }
  absl::StrAppend(&out,
                  "<div class=\"filters\" id=\"finding-filters\" hidden>\n<div><label "
                  "for=\"filter-severity\">Severity</label><select id=\"filter-severity\">"
                  "<option value=\"\">all</option><option value=\"WARNING\">warning and "
                  "critical</option><option value=\"CRITICAL\">critical</option></select></div>\n"
                  "<div><label for=\"filter-person\">Person</label><select id=\"filter-person\">"
                  "<option value=\"\">everyone</option>");
  for (int32_t p = 0; p < index.person_count(); ++p) {
    const v1::Person& person = index.person(p);
    if (!named.contains(person.id())) continue;
    absl::StrAppend(&out, "<option value=\"", Markup(person.id()), "\">",
                    Markup(PersonLabel(person)), "</option>");
  }
  absl::StrAppend(&out,
                  "</select></div>\n<p id=\"finding-count\" aria-live=\"polite\"></p>\n</div>\n"
                  "<table>\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Code</th>"
                  "<th scope=\"col\">Finding</th></tr></thead>\n<tbody>\n");
  for (const v1::Finding& finding : analysis.findings()) {
    const std::string severity = v1::Severity_Name(finding.severity());
    std::vector<std::string> ids;
    for (const std::string& id : finding.person_ids()) ids.push_back(Markup(id));
    absl::StrAppend(&out, "<tr data-severity=\"", severity, "\" data-person-ids=\"",
                    absl::StrJoin(ids, " "), "\"><td class=\"sev sev-", severity, "\">",
                    absl::AsciiStrToLower(severity), "</td><td>", Markup(finding.code()),
                    "</td><td>", Markup(finding.message()), "</td></tr>\n");
  }
  return absl::StrCat(out, "</tbody>\n</table>\n</section>\n");
}

std::string GapsSection(const model::PlanIndex& index, const v1::Analysis& analysis) {
  std::string out = "<section id=\"gaps\" aria-labelledby=\"gaps-title\">\n"
                    "<h2 id=\"gaps-title\">Gaps</h2>\n";
  std::string persons;
  for (const v1::RelationshipGap& gap : analysis.gaps().persons()) {
    if (gap.gap() == 0) continue;
    const v1::RelationshipLevel current =
        gap.current() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED ? v1::VENDOR : gap.current();
    absl::StrAppend(&persons, "<tr><td><bdi>", PersonName(index, gap.person_id()), "</bdi></td><td>",
                    EnumWords(current), "</td><td>", EnumWords(gap.desired()), "</td><td>",
                    gap.gap(), "</td></tr>\n");
  }
  std::string participants;
  for (const v1::PreferenceGap& gap : analysis.gaps().participants()) {
    if (gap.gap() == 0) continue;
    absl::StrAppend(&participants, "<tr><td><bdi>", PersonName(index, gap.person_id()),
                    "</bdi></td><td>", Markup(gap.opportunity_id()), "</td><td>",
                    gap.current() == v1::PREFERENCE_UNSPECIFIED ? std::string("unknown")
                                                                : EnumWords(gap.current()),
                    "</td><td>", EnumWords(gap.effective()), "</td><td>",
                    EnumWords(gap.desired()), "</td><td>", gap.gap(), "</td></tr>\n");
  }
  if (!persons.empty()) {
    absl::StrAppend(&out, "<h3>Relationship level</h3>\n<table>\n<thead><tr><th scope=\"col\">"
                          "Person</th><th scope=\"col\">Current</th><th scope=\"col\">Desired"
                          "</th><th scope=\"col\">Levels to go</th></tr></thead>\n<tbody>\n",
                    persons, "</tbody>\n</table>\n");
  }
  if (!participants.empty()) {
    absl::StrAppend(&out, "<h3>Preference in open opportunities</h3>\n<table>\n<thead><tr>"
                          "<th scope=\"col\">Person</th><th scope=\"col\">Opportunity</th>"
                          "<th scope=\"col\">Current</th><th scope=\"col\">Planned as</th>"
                          "<th scope=\"col\">Desired</th><th scope=\"col\">Levels to go</th>"
                          "</tr></thead>\n<tbody>\n",
                    participants, "</tbody>\n</table>\n");
  }
  if (persons.empty() && participants.empty()) {
    absl::StrAppend(&out, "<p>None: every desired relationship level and preference is met or "
                          "unset.</p>\n");
  }
  return absl::StrCat(out, "</section>\n");
}

}  // namespace

std::string HtmlReport(std::string_view origin, const model::PlanIndex& index,
                       const v1::Analysis& analysis) {
  const v1::Plan& plan = index.plan();
  const std::string account =
      plan.account().name().empty() ? std::string("Contact plan") : plan.account().name();
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      Markup(account), " — contact plan</title>\n<style>", Sv(kStyle), "</style>\n</head>\n<body>\n",
      "<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n<header>\n<h1>", Markup(account),
      "</h1>\n<p class=\"sub\">");
  std::vector<std::string> sub;
  sub.push_back(analysis.has_as_of() ? absl::StrCat("As of ", FormatTime(analysis.as_of()))
                                     : std::string("As of: unknown (no dates in the plan)"));
  if (!origin.empty()) sub.push_back(absl::StrCat("plan ", Markup(origin)));
  sub.push_back(absl::StrCat(Count(index.person_count(), "client person", "client persons"), ", ",
                             Count(index.member_count(), "team member", "team members")));
  absl::StrAppend(&out, absl::StrJoin(sub, " · "), "</p>\n</header>\n<main>\n",
                  BriefSection(index, analysis),
                  "<section id=\"map\" aria-labelledby=\"map-title\">\n<h2 id=\"map-title\">"
                  "Contact map</h2>\n<div class=\"map\">\n",
                  MapSvg(index, analysis), "</div>\n</section>\n",
                  KeyIntersectionsSection(index, analysis.recommendations()),
                  BlueprintSection(index, analysis.recommendations()),
                  FindingsSection(index, analysis), GapsSection(index, analysis),
                  "</main>\n<footer>Drawn by contactplan from the plan and its analysis. "
                  "Everything is in this file: it makes no network requests.</footer>\n<script>",
                  Sv(kScript), "</script>\n</body>\n</html>\n");
  return out;
}

}  // namespace contactplan::render
