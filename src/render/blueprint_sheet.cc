#include "render/blueprint_sheet.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/csv_writer.h"
#include "render/plan_labels.h"

namespace contactplan::render {
namespace {

// "Set up a call ... (resources: a reference client)", one tactic per line of the cell.
std::string TacticsCell(const v1::BlueprintEntry& entry) {
  std::vector<std::string> lines;
  for (const v1::Tactic& tactic : entry.tactics()) {
    lines.push_back(tactic.resources().empty()
                        ? tactic.description()
                        : absl::StrCat(tactic.description(), " (resources: ", tactic.resources(),
                                       ")"));
  }
  return absl::StrJoin(lines, "\n");
}

}  // namespace

std::string BlueprintSheet(const model::PlanIndex& index, const v1::Recommendations& recs) {
  std::string out;
  io::AppendCsvRecord({"name", "goal", "influence strategies", "tactics/resources", "owner",
                       "horizon"},
                      &out);
  for (const v1::BlueprintEntry& entry : recs.blueprint_draft()) {
    std::vector<std::string> strategies;
    for (int strategy : entry.strategies()) {
      strategies.push_back(EnumWords(static_cast<v1::InfluenceStrategy>(strategy)));
    }
    io::AppendCsvRecord({PersonLabel(index, entry.person_id()), GradeWords(entry.goal().grade()),
                         absl::StrJoin(strategies, "; "), TacticsCell(entry),
                         MemberLabel(index, entry.team_member_id()),
                         absl::StrCat(entry.horizon_days(), " days")},
                        &out);
  }
  return out;
}

}  // namespace contactplan::render
