// How the command line names the plan's values for people: grade letters, enum values in words,
// person and team member labels, dates, and the org-chart order the map is drawn in.
#ifndef CONTACTPLAN_SRC_RENDER_PLAN_LABELS_H_
#define CONTACTPLAN_SRC_RENDER_PLAN_LABELS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "google/protobuf/timestamp.pb.h"
#include "model/plan_index.h"
#include "render/text_layout.h"

namespace contactplan::render {

// T O S I D M, and '.' for a blank cell.
char GradeLetter(v1::Grade grade);

// An enum value in lower-case words ("MOTIVATED_TO_CHANGE" -> "motivated to change"); a value
// newer than this build (an unknown number) prints as "value N".
template <typename Enum>
std::string EnumWords(Enum value) {
  const auto* descriptor =
      google::protobuf::GetEnumDescriptor<Enum>()->FindValueByNumber(static_cast<int>(value));
  if (descriptor == nullptr) return "value " + std::to_string(static_cast<int>(value));
  return Words(descriptor->name());
}

// "satisfied", or "blank" for an unset grade.
std::string GradeWords(v1::Grade grade);

// The name, or the id when the plan gives no name.
std::string PersonLabel(const v1::Person& person);
std::string MemberLabel(const v1::TeamMember& member);
// The label of the person / team member with `id`, or the id itself when the plan has no such one.
std::string PersonLabel(const model::PlanIndex& index, std::string_view id);
std::string MemberLabel(const model::PlanIndex& index, std::string_view id);

// Buyer roles as letters: P power, U user, A advisor, E evangelist.
std::string RoleLetters(const v1::Person& person);

// Short level names for narrow columns: "executive", "senior mgmt", "middle mgmt", "operational".
std::string_view LevelShort(v1::Level level);

// "2024-06-30" for a midnight UTC time, else "2024-06-30 14:05 UTC".
std::string FormatTime(const google::protobuf::Timestamp& time);

// "passes 2/3: own time, teaches us", or "passes no relationship test: a sales tactic": the three
// tests of a tactic that invests in the relationship.
std::string TacticTests(const v1::Tactic& tactic);

// Findings per severity (indexed by v1::Severity) that the rules raised: findingCounts' totals,
// which count the findings a capped list left out too; the list itself for an analysis without them.
std::array<int32_t, 4> SeverityCounts(const v1::Analysis& analysis);

// Column label of the m-th team member on the map: A, B, ... Z, AA, AB ...
std::string ColumnLabel(int32_t m);

// A person in org-chart order: each manager before their reports, roots and siblings in plan order.
struct OrgRow {
  model::PersonIx person;
  int32_t depth;  // 0 for a person without a manager

  // How far the row is indented, in levels: deep org charts stop indenting at six levels so names
  // keep their room.
  int32_t indent_levels() const { return depth < 6 ? depth : 6; }
};
std::vector<OrgRow> OrgChartOrder(const model::PlanIndex& index);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_PLAN_LABELS_H_
