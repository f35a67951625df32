#include "render/brief.h"

#include <algorithm>
#include <array>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "render/departures.h"
#include "render/optional_fields.h"
#include "render/plan_labels.h"
#include "render/text_layout.h"

namespace contactplan::render {
namespace {

constexpr int kMaxActions = 5;
constexpr size_t kMaxRiskLines = 8;

// "Evelyn Whitlock (Group Chief Executive)": a person as the brief names them.
std::string PersonWithTitle(const model::PlanIndex& index, std::string_view id) {
  const model::PersonIx p = index.FindPerson(id);
  if (p == model::kNone || index.person(p).title().empty()) return PersonLabel(index, id);
  return absl::StrCat(PersonLabel(index.person(p)), " (", index.person(p).title(), ")");
}

// A code in words with a capital: "UNCOVERED_PERSON" -> "Uncovered person".
std::string CodeWords(std::string_view code) {
  std::string words = Words(code);
  if (absl::StartsWith(words, "nps ")) words.replace(0, 3, "NPS");
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') {
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
  }
  return words;
}

// `text` wrapped after `first` columns already printed, later lines indented by `indent`, kept to
// `max_lines` lines (the last cut with "…" when more would follow).
std::string WrapAtMost(std::string_view label, std::string_view text, size_t width, size_t indent,
                       size_t max_lines) {
  const std::string wrapped = Labeled(label, text, width, indent);
  std::vector<std::string> lines = absl::StrSplit(wrapped, '\n');
  if (lines.size() <= max_lines) return wrapped;
  lines.resize(max_lines);
  std::string& last = lines.back();
  last = Truncate(absl::StrCat(last, " …"), width);
  if (!absl::EndsWith(last, "…")) last = absl::StrCat(Truncate(last, width - 1), "…");
  return absl::StrJoin(lines, "\n");
}

std::string HeaderLines(std::string_view origin, const model::PlanIndex& index,
                        const v1::Analysis& analysis, size_t width) {
  const v1::Plan& plan = index.plan();
  std::string who = !plan.account().name().empty() ? plan.account().name()
                    : !origin.empty()              ? absl::StrCat("Plan ", Sv(origin))
                                                   : std::string("Account (no name in the plan)");
  const std::string when = analysis.has_as_of()
                               ? absl::StrCat("as of ", FormatTime(analysis.as_of()))
                               : std::string("as of unknown (no dates in the plan)");
  std::string out = absl::StrCat(Wrap(absl::StrCat(who, " · ", when), width, 2), "\n");

  std::vector<std::string> numbers;
  numbers.push_back(absl::StrFormat("Health %.0f/100", analysis.scores().account_health().value()));
  if (const std::optional<double> confidence = Confidence(analysis)) {
    numbers.push_back(absl::StrFormat("confidence %.0f/100", *confidence));
  }
  const v1::Web& web = analysis.web();
  numbers.push_back(absl::StrCat("web of influence ", web.figure().empty() ? "0x0" : web.figure(),
                                 web.meets3x3() ? " (meets 3x3)" : " (below 3x3)"));
  absl::StrAppend(&out, Wrap(absl::StrJoin(numbers, " · "), width, 2), "\n");

  const std::array<int32_t, 4> counts = SeverityCounts(analysis);
  const int32_t graded = static_cast<int32_t>(index.graded().size());
  absl::StrAppend(
      &out,
      Wrap(absl::StrCat("Findings: ", counts[v1::CRITICAL], " critical, ",
                        Count(counts[v1::WARNING], "warning", "warnings"), ", ", counts[v1::INFO],
                        " info · ", Count(index.present_person_count(), "person", "persons"), ", ",
                        Count(index.present_member_count(), "team member", "team members"), ", ", graded,
                        " graded ", graded == 1 ? "intersection" : "intersections"),
           width, 2),
      "\n");
  if (const std::string departures = DeparturesText(index); !departures.empty()) {
    absl::StrAppend(&out, Wrap(departures, width, 2), "\n");
  }
  return out;
}

// "introducer Raj Patel (trust with Dana Whitfield)": the team member the engine named to open the
// door (KeyIntersection.introducer_id), with the relationship that does it when it is one of the
// cell's leverage paths; nothing when the owner needs no introduction. `short_form` leaves out the
// parenthesis, for narrow lines.
std::string Introducer(const model::PlanIndex& index, const v1::KeyIntersection& key,
                       bool short_form) {
  if (key.introducer_id().empty()) return "";
  std::string text = absl::StrCat("introducer ", MemberLabel(index, key.introducer_id()));
  if (short_form) return text;
  for (const v1::LeveragePath& path : key.leverage()) {
    if (path.team_member_id() != key.introducer_id() || path.person_ids().empty()) continue;
    if (path.hops() > 0) {
      absl::StrAppend(&text, " (", GradeWords(path.grade()), " with ",
                      PersonLabel(index, path.person_ids(0)), ")");
    } else {
      absl::StrAppend(&text, " (holds ", GradeWords(path.grade()), " with them)");
    }
    break;
  }
  return text;
}

// The second line of an action: the owner (when the first line had no room for them), the
// introducer and as many reasons as fit in `room` columns ("+3 more" counts the rest), so every
// action takes exactly two lines.
std::string DetailLine(const model::PlanIndex& index, const v1::KeyIntersection& key,
                       bool with_owner, size_t room) {
  const size_t total = static_cast<size_t>(key.reason_codes_size());
  const auto why = [&](size_t shown) {
    std::vector<std::string> words;
    for (size_t i = 0; i < shown; ++i) words.push_back(Words(key.reason_codes(static_cast<int>(i))));
    std::string text = absl::StrCat("why: ", absl::StrJoin(words, ", "));
    if (shown < total) absl::StrAppend(&text, ", +", total - shown, " more");
    return text;
  };
  // The full introducer when a reason still fits beside it, else the short one.
  std::vector<std::string> parts;
  for (bool short_form : {false, true}) {
    parts.clear();
    if (with_owner) parts.push_back(absl::StrCat("owner ", MemberLabel(index, key.team_member_id())));
    if (std::string introducer = Introducer(index, key, short_form); !introducer.empty()) {
      parts.push_back(std::move(introducer));
    }
    const size_t used = DisplayWidth(absl::StrJoin(parts, " · ")) + (parts.empty() ? 0 : 3);
    if (total == 0 || used + DisplayWidth(why(1)) <= room) break;
  }
  const std::string head = absl::StrJoin(parts, " · ");
  const size_t used = DisplayWidth(head) + (parts.empty() ? 0 : 3);
  size_t shown = total == 0 ? 0 : 1;
  while (shown < total && used + DisplayWidth(why(shown + 1)) <= room) ++shown;
  if (shown > 0) parts.push_back(why(shown));
  return Truncate(absl::StrJoin(parts, " · "), room);
}

std::string ActionsSection(const model::PlanIndex& index, const v1::Recommendations& recs,
                           size_t width) {
  const int32_t horizon = recs.horizon_days() == 0 ? 30 : recs.horizon_days();
  std::string out = absl::StrCat("\nTOP ACTIONS (next ", horizon, " days)\n");
  if (recs.key_intersections().empty()) {
    return absl::StrCat(out, "  None: no intersection needs work in this horizon.\n");
  }
  const int shown = std::min(kMaxActions, recs.key_intersections_size());
  for (int i = 0; i < shown; ++i) {
    const v1::KeyIntersection& key = recs.key_intersections(i);
    const std::string number = absl::StrFormat("%2d. ", key.rank());
    const v1::Grade goal =
        key.goal_grade() == v1::GRADE_UNSPECIFIED ? key.next_grade() : key.goal_grade();
    // A step of the deal that keeps the grade (a Mentor ask on a Trust or Open cell) is an ask, not
    // a move: "trust, ask them to coach us" rather than "trust → trust".
    const std::string step =
        key.current_grade() != v1::GRADE_UNSPECIFIED && goal == key.current_grade()
            ? absl::StrCat(GradeWords(key.current_grade()),
                           key.tier() == v1::KeyIntersection::DEAL ? ", ask them to coach us"
                                                                   : ", keep it")
            : absl::StrCat(GradeWords(key.current_grade()), " → ", GradeWords(goal));
    const std::string owner = absl::StrCat("owner ", MemberLabel(index, key.team_member_id()));
    // The first that fits: with the person's title and the owner, without the title, and without
    // the owner (who then opens the second line).
    const std::string candidates[] = {
        absl::StrCat(PersonWithTitle(index, key.person_id()), ": ", step, ", ", owner),
        absl::StrCat(PersonLabel(index, key.person_id()), ": ", step, ", ", owner),
        absl::StrCat(PersonLabel(index, key.person_id()), ": ", step)};
    size_t chosen = 0;
    while (chosen + 1 < std::size(candidates) &&
           DisplayWidth(number) + DisplayWidth(candidates[chosen]) > width) {
      ++chosen;
    }
    absl::StrAppend(&out, Truncate(absl::StrCat(number, candidates[chosen]), width), "\n");
    absl::StrAppend(&out, "    ", DetailLine(index, key, chosen == 2, width - 4), "\n");
  }
  if (recs.key_intersections_size() > shown) {
    absl::StrAppend(&out, "    … ", recs.key_intersections_size() - shown,
                    " more in the detailed report\n");
  }
  return out;
}

// What a finding concerns, as short as a risk line needs: the opportunity by name, an intersection
// as "person × team member", or the persons; empty for the account as a whole.
std::string Concerned(const model::PlanIndex& index, const v1::Finding& finding) {
  if (!finding.opportunity_id().empty() && finding.person_ids_size() != 1) {
    const model::OpportunityIx o = index.FindOpportunity(finding.opportunity_id());
    const v1::Opportunity* opportunity =
        o == model::kNone ? nullptr : &index.plan().opportunities(o);
    return opportunity == nullptr || opportunity->name().empty() ? finding.opportunity_id()
                                                                 : opportunity->name();
  }
  if (!finding.opportunity_id().empty() && finding.person_ids_size() == 1) {
    return PersonLabel(index, finding.person_ids(0));
  }
  // Account-wide rules name the persons behind a number (the web's), not the subject of the risk.
  if (finding.person_ids().empty() || absl::EndsWith(finding.code(), "_ACCOUNT")) return "";
  if (finding.person_ids_size() == 1 && finding.team_member_ids_size() == 1) {
    return absl::StrCat(PersonLabel(index, finding.person_ids(0)), " × ",
                        MemberLabel(index, finding.team_member_ids(0)));
  }
  std::vector<std::string> names;
  for (const std::string& id : finding.person_ids()) names.push_back(PersonLabel(index, id));
  return absl::StrJoin(names, ", ");
}

// The first sentence of a message, for findings about the account as a whole.
std::string FirstSentence(std::string_view message) {
  const size_t end = message.find("; ");
  const size_t stop = message.find(": ");
  size_t cut = std::min(end, stop);
  if (cut == std::string_view::npos) cut = message.find(". ");
  return std::string(cut == std::string_view::npos ? message : message.substr(0, cut));
}

// The plan as a command names it: a path, or PLAN when there is none ("<stdin>" is a name, not a
// path).
std::string PlanArgument(std::string_view origin) {
  return origin.empty() || origin.front() == '<' ? std::string("PLAN") : std::string(origin);
}

std::string RisksSection(std::string_view origin, const model::PlanIndex& index,
                         const v1::Analysis& analysis, size_t width) {
  std::vector<std::string> codes;
  absl::flat_hash_map<std::string, std::vector<const v1::Finding*>> by_code;
  for (const v1::Finding& finding : analysis.findings()) {
    if (finding.severity() != v1::CRITICAL) continue;
    auto [it, added] = by_code.try_emplace(finding.code());
    if (added) codes.push_back(finding.code());
    it->second.push_back(&finding);
  }
  size_t total = 0;
  for (const auto& [code, group] : by_code) total += group.size();
  std::string out = absl::StrCat("\nCRITICAL RISKS (", total, ")\n");
  if (codes.empty()) return absl::StrCat(out, "  None.\n");

  // One line per rule; when the rules outnumber the lines, the last line counts the rest.
  const size_t lines = codes.size() > kMaxRiskLines ? kMaxRiskLines - 1 : codes.size();
  for (size_t i = 0; i < lines; ++i) {
    const std::vector<const v1::Finding*>& group = by_code[codes[i]];
    std::vector<std::string> names;
    absl::flat_hash_set<std::string> seen;
    for (const v1::Finding* finding : group) {
      std::string name = Concerned(index, *finding);
      if (name.empty()) name = FirstSentence(finding->message());
      if (!name.empty() && seen.insert(name).second) names.push_back(std::move(name));
    }
    std::string line = absl::StrCat("  ", CodeWords(codes[i]));
    if (group.size() > 1) absl::StrAppend(&line, " ×", group.size());
    if (!names.empty()) absl::StrAppend(&line, ": ", absl::StrJoin(names, ", "));
    absl::StrAppend(&out, Truncate(line, width), "\n");
  }
  if (lines < codes.size()) {
    size_t rest = 0;
    for (size_t i = lines; i < codes.size(); ++i) rest += by_code[codes[i]].size();
    absl::StrAppend(&out,
                    Truncate(absl::StrCat("  … ", rest, " more of ", codes.size() - lines,
                                          " other kinds: contactplan analyze ",
                                          PlanArgument(origin), " --detail"),
                             width),
                    "\n");
  }
  return out;
}

std::string MoreSection(std::string_view origin, size_t width) {
  const std::string plan = PlanArgument(origin);
  std::string out = "\nMORE\n";
  const std::pair<std::string_view, std::string> commands[] = {
      {"Everything (map, findings, gaps, scores, blueprint):",
       absl::StrCat("contactplan analyze ", plan, " --detail")},
      {"The report with the marked-up map, for a browser:",
       absl::StrCat("contactplan render ", plan, " --format html -o report.html")},
  };
  for (const auto& [what, command] : commands) {
    absl::StrAppend(&out, "  ", Sv(what), "\n", WrapAtMost("    ", command, width, 6, 2), "\n");
  }
  return out;
}

}  // namespace

std::string Brief(std::string_view origin, const model::PlanIndex& index,
                  const v1::Analysis& analysis, size_t width) {
  return absl::StrCat(HeaderLines(origin, index, analysis, width),
                      ActionsSection(index, analysis.recommendations(), width),
                      RisksSection(origin, index, analysis, width), MoreSection(origin, width));
}

}  // namespace contactplan::render
