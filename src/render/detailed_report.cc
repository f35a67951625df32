#include "render/detailed_report.h"

#include <algorithm>
#include <array>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "render/departures.h"
#include "render/map_grid.h"
#include "render/plan_labels.h"
#include "render/text_layout.h"

namespace contactplan::render {
namespace {

// Long lists (drift, coverage, proposals) show this many items and a count of the rest: the JSON
// output has them all.
constexpr size_t kListLimit = 10;

std::string Heading(std::string_view title) { return absl::StrCat("\n", Sv(title), "\n"); }

// "Helen Marsh × Dana Whitfield": how a person sees a team member.
std::string Cell(const model::PlanIndex& index, std::string_view person_id,
                 std::string_view member_id) {
  return absl::StrCat(PersonLabel(index, person_id), " × ", MemberLabel(index, member_id));
}

// A finding without a message (include_messages off): the ids it concerns.
std::string FindingIds(const v1::Finding& finding) {
  std::vector<std::string> ids(finding.person_ids().begin(), finding.person_ids().end());
  ids.insert(ids.end(), finding.team_member_ids().begin(), finding.team_member_ids().end());
  if (!finding.opportunity_id().empty()) ids.push_back(finding.opportunity_id());
  return ids.empty() ? std::string("(the account)") : absl::StrJoin(ids, ", ");
}

std::string MoreLine(size_t shown, size_t total, size_t indent) {
  if (total <= shown) return "";
  return absl::StrCat(std::string(indent, ' '), "… and ", total - shown,
                      " more (--format json lists them all)\n");
}

// "Account:  Kestrel Health Partners (expansion, dedicated personal assistance)", and the industry;
// nothing for a plan without an account name (a CSV grid holds none).
std::string AccountLines(const v1::Account& account, size_t width) {
  if (account.name().empty()) return "";
  std::string line = account.name();
  std::vector<std::string> traits;
  if (account.motivation() != v1::ACCOUNT_MOTIVATION_UNSPECIFIED) {
    traits.push_back(EnumWords(account.motivation()));
  }
  if (account.category() != v1::RELATIONSHIP_CATEGORY_UNSPECIFIED) {
    traits.push_back(EnumWords(account.category()));
  }
  if (!traits.empty()) absl::StrAppend(&line, " (", absl::StrJoin(traits, ", "), ")");
  line = absl::StrCat(Labeled("Account:  ", line, width, 10), "\n");
  if (!account.industry().empty()) {
    absl::StrAppend(&line, Labeled("Industry: ", account.industry(), width, 10), "\n");
  }
  return line;
}

std::string HeaderSection(std::string_view origin, const model::PlanIndex& index,
                          const v1::Analysis& analysis, size_t width) {
  const v1::Plan& plan = index.plan();
  int32_t open_opportunities = 0;
  for (const v1::Opportunity& opportunity : plan.opportunities()) {
    if (!opportunity.closed()) ++open_opportunities;
  }
  const int32_t graded = static_cast<int32_t>(index.graded().size());
  const int64_t cells = static_cast<int64_t>(index.person_count()) * index.member_count();
  std::string out =
      absl::StrCat(origin.empty() ? std::string() : absl::StrCat("Plan:     ", Sv(origin), "\n"),
                   AccountLines(plan.account(), width), "As of:    ");
  if (analysis.has_as_of()) {
    absl::StrAppend(&out, FormatTime(analysis.as_of()), "\n");
  } else {
    absl::StrAppend(&out,
                    Wrap("unknown (the plan has no dates; time-based rules were skipped)", width, 10),
                    "\n");
  }
  absl::StrAppend(
      &out,
      Labeled("Map:      ",
              absl::StrCat(Count(index.person_count(), "client person", "client persons"), ", ",
                           Count(index.member_count(), "team member", "team members"), ", ",
                           graded, " of ", cells, " intersections graded; ",
                           Count(open_opportunities, "open opportunity", "open opportunities")),
              width, 10),
      "\n");
  if (const std::string departures = DeparturesText(index); !departures.empty()) {
    absl::StrAppend(&out, Labeled("People:   ", departures, width, 10), "\n");
  }
  return out;
}

std::string FindingsSection(const v1::Analysis& analysis, size_t width) {
  const std::array<int32_t, 4> counts = SeverityCounts(analysis);
  std::string out = Heading(absl::StrCat(
      "FINDINGS: ", counts[v1::CRITICAL], " critical, ",
      Count(counts[v1::WARNING], "warning", "warnings"), ", ", counts[v1::INFO], " info"));
  if (analysis.findings().empty()) return absl::StrCat(out, "  None: no rule fired.\n");
  // One heading per code: a rule that fires for eight persons is one problem seen eight times, and
  // reads as such. Codes keep the analysis' order (severity, then catalogue order).
  for (v1::Severity severity : {v1::CRITICAL, v1::WARNING, v1::INFO}) {
    if (counts[severity] == 0) continue;
    absl::StrAppend(&out, "  ", v1::Severity_Name(severity), "\n");
    std::vector<std::string> codes;
    absl::flat_hash_map<std::string, std::vector<const v1::Finding*>> by_code;
    for (const v1::Finding& finding : analysis.findings()) {
      if (finding.severity() != severity) continue;
      auto [it, added] = by_code.try_emplace(finding.code());
      if (added) codes.push_back(finding.code());
      it->second.push_back(&finding);
    }
    for (const std::string& code : codes) {
      const std::vector<const v1::Finding*>& group = by_code[code];
      absl::StrAppend(&out, "    ", code, group.size() > 1 ? absl::StrCat(" (", group.size(), ")") : "",
                      "\n");
      for (const v1::Finding* finding : group) {
        const std::string text = finding->message().empty() ? FindingIds(*finding) : finding->message();
        absl::StrAppend(&out, "      - ", Wrap(text, width, 8), "\n");
      }
    }
  }
  return out;
}

std::string GapsSection(const model::PlanIndex& index, const v1::Analysis& analysis,
                        size_t width) {
  std::string out = Heading("GAPS");
  std::string persons;
  for (const v1::RelationshipGap& gap : analysis.gaps().persons()) {
    if (gap.gap() == 0) continue;
    const std::string current = EnumWords(gap.current() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED
                                              ? v1::VENDOR
                                              : gap.current());
    const std::string change = absl::StrCat(current, " → ", EnumWords(gap.desired()));
    const std::string distance = gap.gap() > 0 ? Count(gap.gap(), "level to go", "levels to go")
                                               : absl::StrCat("over-invested by ", -gap.gap());
    // A table at full width; narrower terminals get the change and distance after the name.
    if (width >= 4 + 28 + 1 + 36 + 1 + 18) {
      absl::StrAppend(&persons, "    ", PadRight(PersonLabel(index, gap.person_id()), 28), " ",
                      PadRight(change, 36), " ", distance, "\n");
    } else {
      absl::StrAppend(&persons,
                      Labeled(absl::StrCat("    ", PadRight(PersonLabel(index, gap.person_id()), 20),
                                           " "),
                              absl::StrCat(change, ", ", distance), width, 8),
                      "\n");
    }
  }
  if (!persons.empty()) {
    absl::StrAppend(&out, "  Relationship level (current → desired)\n", persons);
  }

  // Buying roles of participants, looked up once for all preference gaps.
  absl::flat_hash_map<std::string, v1::Participant::BuyingRole> buying_roles;
  for (const v1::Opportunity& opportunity : index.plan().opportunities()) {
    for (const v1::Participant& participant : opportunity.participants()) {
      buying_roles.emplace(absl::StrCat(opportunity.id(), "\n", participant.person_id()),
                           participant.buying_role());
    }
  }
  // Grouped by opportunity: the engine lists participants opportunity by opportunity.
  std::string participants;
  const std::string* current_opportunity = nullptr;
  for (const v1::PreferenceGap& gap : analysis.gaps().participants()) {
    if (gap.gap() == 0) continue;
    if (current_opportunity == nullptr || *current_opportunity != gap.opportunity_id()) {
      current_opportunity = &gap.opportunity_id();
      const model::OpportunityIx o = index.FindOpportunity(gap.opportunity_id());
      const std::string& name = o == model::kNone || index.plan().opportunities(o).name().empty()
                                    ? gap.opportunity_id()
                                    : index.plan().opportunities(o).name();
      absl::StrAppend(&participants, "  Preference in \"", name, "\" (current → desired)\n");
    }
    std::string who = PersonLabel(index, gap.person_id());
    auto role = buying_roles.find(absl::StrCat(gap.opportunity_id(), "\n", gap.person_id()));
    if (role != buying_roles.end() && role->second != v1::Participant::BUYING_ROLE_UNSPECIFIED) {
      absl::StrAppend(&who, " (", EnumWords(role->second), ")");
    }
    std::string change = gap.current() == v1::PREFERENCE_UNSPECIFIED ? std::string("unknown")
                                                                     : EnumWords(gap.current());
    if (gap.effective() != gap.current()) {
      absl::StrAppend(&change, ", planned as ", EnumWords(gap.effective()));
    }
    absl::StrAppend(&change, " → ", EnumWords(gap.desired()), " (",
                    gap.gap() > 0 ? Count(gap.gap(), "level to go", "levels to go")
                                  : absl::StrCat("above desired by ", -gap.gap()),
                    ")");
    absl::StrAppend(&participants, Labeled(absl::StrCat("    ", PadRight(who, 30), " "), change,
                                           width, 8),
                    "\n");
  }
  absl::StrAppend(&out, participants);
  if (persons.empty() && participants.empty()) {
    absl::StrAppend(&out, "  None: every desired relationship level and preference is met or unset.\n");
  }
  return out;
}

// "Account health           54  breadth 40 · depth 30 · ...": the value and its components,
// without weights or formulas (docs/scores.md has those; --format json carries every number).
std::string ScoreLine(std::string_view name, const v1::Score& score, size_t width) {
  std::vector<std::string> parts;
  for (const v1::ScoreComponent& component : score.components()) {
    parts.push_back(absl::StrFormat("%s %.0f", component.name(), component.value()));
  }
  const std::string label = absl::StrFormat("  %s %3.0f  ", PadRight(name, 24), score.value());
  if (parts.empty()) return absl::StrCat(label, "\n");
  return absl::StrCat(Labeled(label, absl::StrJoin(parts, " · "), width, DisplayWidth(label)), "\n");
}

std::string ScoresSection(const model::PlanIndex& index, const v1::Analysis& analysis,
                          size_t width) {
  const v1::Scores& scores = analysis.scores();
  std::string out = Heading("SCORES (0-100, higher is better)");
  absl::StrAppend(&out, ScoreLine("Account health", scores.account_health(), width),
                  ScoreLine("Coverage breadth", scores.coverage_breadth(), width),
                  ScoreLine("Depth", scores.depth(), width),
                  ScoreLine("Quality", scores.quality(), width),
                  ScoreLine("Risk (100 = no risk)", scores.risk(), width));

  if (!scores.person_coverage().empty()) {
    // The least covered persons are the ones to act on; ties keep the plan's order.
    std::vector<const v1::PersonCoverage*> ranked;
    for (const v1::PersonCoverage& coverage : scores.person_coverage()) ranked.push_back(&coverage);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) {
      return a->coverage().value() < b->coverage().value();
    });
    const size_t shown = std::min<size_t>(5, ranked.size());
    std::vector<std::string> items;
    for (size_t i = 0; i < shown; ++i) {
      items.push_back(absl::StrFormat("%s %.0f", PersonLabel(index, ranked[i]->person_id()),
                                      ranked[i]->coverage().value()));
    }
    absl::StrAppend(&out, "  Least covered persons:  ",
                    Wrap(absl::StrJoin(items, ", "), width, 26), "\n");
  }
  for (const v1::OpportunityReadiness& readiness : scores.opportunity_readiness()) {
    const model::OpportunityIx o = index.FindOpportunity(readiness.opportunity_id());
    const std::string name = o == model::kNone || index.plan().opportunities(o).name().empty()
                                 ? readiness.opportunity_id()
                                 : index.plan().opportunities(o).name();
    absl::StrAppend(&out, ScoreLine(absl::StrCat("Readiness: ", name), readiness.readiness(), width));
  }
  return out;
}

std::string LeverageText(const model::PlanIndex& index, const v1::LeveragePath& path) {
  std::vector<std::string> chain;
  for (const std::string& id : path.person_ids()) chain.emplace_back(PersonLabel(index, id));
  std::string text = absl::StrCat(MemberLabel(index, path.team_member_id()), " holds ",
                                  GradeWords(path.grade()));
  if (!chain.empty()) absl::StrAppend(&text, " with ", chain.front());
  if (path.via() != v1::LeveragePath::VIA_UNSPECIFIED) {
    absl::StrAppend(&text, ", via ", EnumWords(path.via()));
  }
  if (chain.size() > 1) absl::StrAppend(&text, ": ", absl::StrJoin(chain, " → "));
  if (path.hops() > 0) absl::StrAppend(&text, " (", Count(path.hops(), "hop", "hops"), ")");
  return text;
}

std::string KeyIntersectionsText(const model::PlanIndex& index, const v1::Recommendations& recs,
                                 size_t width) {
  std::string out = "  Key intersections (ranked)\n";
  if (recs.key_intersections().empty()) {
    return absl::StrCat(out, "    None: no intersection needs work in this horizon.\n");
  }
  for (const v1::KeyIntersection& key : recs.key_intersections()) {
    const std::string number = absl::StrCat("    ", key.rank(), ". ");
    const size_t indent = DisplayWidth(number);
    const std::string sub(indent, ' ');
    absl::StrAppend(&out, number, Cell(index, key.person_id(), key.team_member_id()), ": ",
                    GradeWords(key.current_grade()), " → ", GradeWords(key.next_grade()));
    if (key.goal_grade() != v1::GRADE_UNSPECIFIED && key.goal_grade() != key.next_grade()) {
      absl::StrAppend(&out, " (goal ", GradeWords(key.goal_grade()), ")");
    }
    const v1::Priority& priority = key.priority();
    absl::StrAppendFormat(&out,
                          "\n%spriority %.0f (importance %.2f, urgency %.2f, feasibility %.2f)\n",
                          sub, priority.score(), priority.importance(), priority.urgency(),
                          priority.feasibility());
    if (!key.reason_codes().empty()) {
      absl::StrAppend(&out, sub, "why: ", Wrap(absl::StrJoin(key.reason_codes(), ", "), width,
                                               indent + 5), "\n");
    }
    if (!key.owner_reason().empty()) {
      absl::StrAppend(&out, sub, "owner: ", Wrap(key.owner_reason(), width, indent + 7), "\n");
    }
    for (const v1::StrategyChoice& choice : key.strategies()) {
      const std::string label = absl::StrCat(sub, "strategy ", EnumWords(choice.strategy()), ": ");
      absl::StrAppend(&out, Labeled(label, choice.reason(), width, DisplayWidth(label)), "\n");
    }
    for (const v1::LeveragePath& path : key.leverage()) {
      absl::StrAppend(&out, sub, "leverage: ", Wrap(LeverageText(index, path), width, indent + 10),
                      "\n");
    }
  }
  return out;
}


std::string DesiredGradesText(const model::PlanIndex& index, const v1::Recommendations& recs,
                              size_t width) {
  std::vector<std::string> proposals;
  for (const v1::DesiredGrade& desired : recs.desired_grades()) {
    if (desired.source() != v1::DesiredGrade::PROPOSED) continue;
    proposals.push_back(absl::StrCat(PersonLabel(index, desired.person_id()), " ",
                                     GradeWords(desired.grade())));
  }
  if (proposals.empty()) return "";
  const size_t total = proposals.size();
  proposals.resize(std::min(total, kListLimit * 2));
  return absl::StrCat("\n  Proposed desired grades (the plan states none for these persons)\n    ",
                      Wrap(absl::StrJoin(proposals, ", "), width, 4), "\n",
                      MoreLine(proposals.size(), total, 4));
}

// The first sentence of `text` ("Stage not recorded, planning assumed."), or empty.
std::string_view FirstSentence(std::string_view text) {
  const size_t end = text.find(". ");
  return end == std::string_view::npos ? std::string_view() : text.substr(0, end + 1);
}

std::string CommunicationText(const model::PlanIndex& index, const v1::Recommendations& recs,
                              size_t width) {
  if (recs.communication().empty()) return "";
  std::string out = "\n  Communication in open opportunities\n";
  // An assumption every piece of advice opens with is said once, above them.
  std::string_view shared = FirstSentence(recs.communication(0).advice());
  for (const v1::CommunicationAdvice& advice : recs.communication()) {
    if (FirstSentence(advice.advice()) != shared) shared = {};
  }
  if (recs.communication_size() < 2) shared = {};
  if (!shared.empty()) {
    absl::StrAppend(&out, "    ", Wrap(absl::StrCat(Sv(shared), " (applies to all below)"), width, 4),
                    "\n");
  }
  for (const v1::CommunicationAdvice& advice : recs.communication()) {
    std::string label = absl::StrCat("    ", PersonLabel(index, advice.person_id()));
    std::vector<std::string> context;
    if (advice.level() != v1::LEVEL_UNSPECIFIED) context.push_back(EnumWords(advice.level()));
    if (advice.stage() != v1::OPPORTUNITY_STAGE_UNSPECIFIED) {
      context.push_back(absl::StrCat("stage ", EnumWords(advice.stage())));
    }
    if (!context.empty()) absl::StrAppend(&label, " (", absl::StrJoin(context, ", "), ")");
    absl::StrAppend(&label, ": ");
    std::string_view text = advice.advice();
    if (!shared.empty()) text.remove_prefix(std::min(text.size(), shared.size() + 1));
    absl::StrAppend(&out, Labeled(label, text, width, 6), "\n");
  }
  return out;
}

// What a cell's drift counts from, in words; an unknown age is said, never printed as 0 days.
std::string DriftBasisWords(const v1::IntersectionDrift& cell) {
  std::string words;
  switch (cell.basis()) {
    case v1::IntersectionDrift::ASSESSMENT:
      words = absl::StrCat(cell.days_since_contact(), " days since assessed, no contact recorded");
      break;
    case v1::IntersectionDrift::UNKNOWN:
      words = "no contact or assessment date: assumes just seen";
      break;
    default:
      words = absl::StrCat(cell.days_since_contact(), " days since contact");
  }
  if (cell.falling()) absl::StrAppend(&words, "; falling, drifts sooner");
  return words;
}

std::string DriftText(const model::PlanIndex& index, const v1::Recommendations& recs) {
  const v1::DriftForecast& drift = recs.drift();
  if (drift.distribution().empty() && drift.intersections().empty()) return "";
  std::string out = "\n  Drift without contact (graded intersections by grade)\n";
  if (!drift.distribution().empty()) {
    absl::StrAppend(&out, "             T    O    S    I    D    M\n");
    for (const v1::GradeDistribution& row : drift.distribution()) {
      absl::StrAppendFormat(&out, "    %-6s %4d %4d %4d %4d %4d %4d\n",
                            row.days() == 0 ? std::string("now") : absl::StrCat("+", row.days(), "d"),
                            row.trust(), row.open(), row.satisfied(), row.indifferent(),
                            row.dissatisfied(), row.motivated_to_change());
    }
  }
  std::vector<std::string> losing;
  for (const v1::IntersectionDrift& cell : drift.intersections()) {
    if (cell.in_90_days() == cell.now()) continue;
    losing.push_back(absl::StrCat(Cell(index, cell.person_id(), cell.team_member_id()), ": ",
                                  std::string(1, GradeLetter(cell.now())), " → ",
                                  std::string(1, GradeLetter(cell.in_90_days())), " in 90 days (",
                                  DriftBasisWords(cell), ")"));
  }
  if (!losing.empty()) {
    absl::StrAppend(&out, "    Losing ground without contact:\n");
    for (size_t i = 0; i < std::min(losing.size(), kListLimit); ++i) {
      absl::StrAppend(&out, "      ", losing[i], "\n");
    }
    absl::StrAppend(&out, MoreLine(kListLimit, losing.size(), 6));
  }
  return out;
}

std::string TeamLoadText(const model::PlanIndex& index, const v1::Recommendations& recs,
                         size_t width) {
  std::string out;
  if (!recs.team_load().empty()) {
    absl::StrAppend(&out, "\n  Team load (effort units)\n");
    for (const v1::TeamLoad& load : recs.team_load()) {
      std::string capacity = load.has_capacity() ? absl::StrFormat("%g", load.capacity()) : "no limit";
      absl::StrAppendFormat(&out, "    %s committed %5.1f   planned %+5.1f   capacity %s\n",
                            PadRight(MemberLabel(index, load.team_member_id()), 28),
                            load.committed(), load.planned(), capacity);
    }
  }
  if (!recs.unstaffed().empty()) {
    absl::StrAppend(&out, "\n  Could not be staffed within capacity\n");
    for (const v1::UnstaffedCell& cell : recs.unstaffed()) {
      std::string label = absl::StrCat("    ", PersonLabel(index, cell.person_id()));
      if (!cell.team_member_id().empty()) {
        absl::StrAppend(&label, " (best candidate ", MemberLabel(index, cell.team_member_id()), ")");
      }
      absl::StrAppend(&label, ": ");
      absl::StrAppend(&out, Labeled(label, cell.reason(), width, 6), "\n");
    }
  }
  return out;
}

std::string RecommendationsSection(const model::PlanIndex& index, const v1::Analysis& analysis,
                                   size_t width) {
  const v1::Recommendations& recs = analysis.recommendations();
  const int32_t horizon = recs.horizon_days() == 0 ? 30 : recs.horizon_days();
  return absl::StrCat(Heading(absl::StrCat("RECOMMENDATIONS FOR THE NEXT ", horizon, " DAYS")),
                      KeyIntersectionsText(index, recs, width), BlueprintDraftText(index, recs, width),
                      DesiredGradesText(index, recs, width), CommunicationText(index, recs, width),
                      DriftText(index, recs), TeamLoadText(index, recs, width));
}

}  // namespace

std::string BlueprintDraftText(const model::PlanIndex& index, const v1::Recommendations& recs,
                               size_t width) {
  if (recs.blueprint_draft().empty()) return "";
  std::string out = "\n  Blueprint draft\n";
  for (const v1::BlueprintEntry& entry : recs.blueprint_draft()) {
    absl::StrAppend(&out, "    ", Cell(index, entry.person_id(), entry.team_member_id()), ": goal ",
                    GradeWords(entry.goal().grade()));
    if (entry.goal().relationship_level() != v1::RELATIONSHIP_LEVEL_UNSPECIFIED) {
      absl::StrAppend(&out, ", relationship ", EnumWords(entry.goal().relationship_level()));
    }
    if (entry.goal().preference() != v1::PREFERENCE_UNSPECIFIED) {
      absl::StrAppend(&out, ", preference ", EnumWords(entry.goal().preference()));
    }
    if (entry.horizon_days() > 0) absl::StrAppend(&out, ", within ", entry.horizon_days(), " days");
    absl::StrAppend(&out, "\n");
    if (!entry.strategies().empty()) {
      std::vector<std::string> strategies;
      for (int strategy : entry.strategies()) {
        strategies.push_back(EnumWords(static_cast<v1::InfluenceStrategy>(strategy)));
      }
      absl::StrAppend(&out, "      strategies: ", absl::StrJoin(strategies, ", "), "\n");
    }
    for (const v1::Tactic& tactic : entry.tactics()) {
      std::string text = tactic.description();
      if (!text.empty() && !absl::ascii_ispunct(static_cast<unsigned char>(text.back()))) text += '.';
      if (!tactic.resources().empty()) absl::StrAppend(&text, " Resources: ", tactic.resources(), ".");
      if (tactic.has_due_at()) absl::StrAppend(&text, " Due ", FormatTime(tactic.due_at()), ".");
      absl::StrAppend(&text, " [", TacticTests(tactic), "]");
      absl::StrAppend(&out, "      - ", Wrap(text, width, 8), "\n");
    }
  }
  return out;
}

std::string DetailedReport(std::string_view origin, const model::PlanIndex& index,
                           const v1::Analysis& analysis, size_t width) {
  return absl::StrCat(HeaderSection(origin, index, analysis, width), Heading("CONTACT MAP"),
                      MapGridText(index, 2, width), Heading("WEB OF INFLUENCE"),
                      WebFigureText(analysis.web(), 2, width), FindingsSection(analysis, width),
                      GapsSection(index, analysis, width), ScoresSection(index, analysis, width),
                      RecommendationsSection(index, analysis, width));
}

}  // namespace contactplan::render
