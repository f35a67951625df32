#include "render/plan_labels.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "io/csv_reader.h"
#include "io/grid_vocabulary.h"

namespace contactplan::render {

char GradeLetter(v1::Grade grade) {
  switch (grade) {
    case v1::TRUST: return 'T';
    case v1::OPEN: return 'O';
    case v1::SATISFIED: return 'S';
    case v1::INDIFFERENT: return 'I';
    case v1::DISSATISFIED: return 'D';
    case v1::MOTIVATED_TO_CHANGE: return 'M';
    default: return '.';
  }
}

std::string GradeWords(v1::Grade grade) {
  return grade == v1::GRADE_UNSPECIFIED ? "blank" : EnumWords(grade);
}

std::string PersonLabel(const v1::Person& person) {
  return person.name().empty() ? person.id() : person.name();
}

std::string MemberLabel(const v1::TeamMember& member) {
  return member.name().empty() ? member.id() : member.name();
}

std::string PersonLabel(const model::PlanIndex& index, std::string_view id) {
  const model::PersonIx p = index.FindPerson(id);
  return p == model::kNone ? std::string(id) : PersonLabel(index.person(p));
}

std::string MemberLabel(const model::PlanIndex& index, std::string_view id) {
  const model::MemberIx m = index.FindMember(id);
  return m == model::kNone ? std::string(id) : MemberLabel(index.member(m));
}

std::string RoleLetters(const v1::Person& person) {
  // Fixed order P U A E whatever order the plan lists them in.
  bool held[5] = {};
  for (int role : person.buyer_roles()) {
    if (role > 0 && role < 5) held[role] = true;
  }
  std::string letters;
  if (held[v1::Person::POWER]) letters += 'P';
  if (held[v1::Person::USER]) letters += 'U';
  if (held[v1::Person::ADVISOR]) letters += 'A';
  if (held[v1::Person::EVANGELIST]) letters += 'E';
  return letters;
}

std::string_view LevelShort(v1::Level level) {
  // One table of level labels, shared with the grid, which reads them back.
  return io::LevelLabel(level);
}

std::string FormatTime(const google::protobuf::Timestamp& time) {
  const absl::Time t = absl::FromUnixSeconds(time.seconds()) + absl::Nanoseconds(time.nanos());
  const absl::Time day = absl::FromUnixSeconds(time.seconds() - time.seconds() % 86400);
  if (t == day) return absl::FormatTime("%Y-%m-%d", t, absl::UTCTimeZone());
  return absl::FormatTime("%Y-%m-%d %H:%M UTC", t, absl::UTCTimeZone());
}

std::string TacticTests(const v1::Tactic& tactic) {
  std::vector<std::string> passed;
  if (tactic.invests_own_time()) passed.push_back("own time");
  if (tactic.teaches_us()) passed.push_back("teaches us");
  if (tactic.shows_value()) passed.push_back("shows value");
  if (passed.empty()) return "passes no relationship test: a sales tactic";
  return absl::StrCat("passes ", passed.size(), "/3: ", absl::StrJoin(passed, ", "));
}

std::array<int32_t, 4> SeverityCounts(const v1::Analysis& analysis) {
  std::array<int32_t, 4> counts = {};
  if (analysis.finding_counts_size() > 0) {
    for (const v1::FindingCount& count : analysis.finding_counts()) {
      if (count.severity() >= 0 && count.severity() <= v1::CRITICAL) {
        counts[count.severity()] += count.total();
      }
    }
    return counts;
  }
  for (const v1::Finding& finding : analysis.findings()) {
    if (finding.severity() >= 0 && finding.severity() <= v1::CRITICAL) ++counts[finding.severity()];
  }
  return counts;
}

std::string ColumnLabel(int32_t m) { return io::ColumnLetters(m); }

std::vector<OrgRow> OrgChartOrder(const model::PlanIndex& index) {
  std::vector<OrgRow> rows;
  rows.reserve(index.person_count());
  // Iterative depth-first walk: org charts can be deep, recursion could overflow the stack. A
  // validated plan has no reports-to cycle, so every person is reached exactly once from a root.
  std::vector<OrgRow> stack;
  for (model::PersonIx root = index.person_count() - 1; root >= 0; --root) {
    if (index.manager(root) == model::kNone) stack.push_back({root, 0});
  }
  while (!stack.empty()) {
    const OrgRow row = stack.back();
    stack.pop_back();
    rows.push_back(row);
    const auto reports = index.direct_reports(row.person);
    for (auto it = reports.rbegin(); it != reports.rend(); ++it) {
      stack.push_back({*it, row.depth + 1});
    }
  }
  return rows;
}

}  // namespace contactplan::render
