// The blueprint draft as the practitioners' sheet, for a spreadsheet (`contactplan blueprint
// --format csv`, RenderBlueprintDraft's kCsv).
#ifndef CONTACTPLAN_SRC_RENDER_BLUEPRINT_SHEET_H_
#define CONTACTPLAN_SRC_RENDER_BLUEPRINT_SHEET_H_

#include <string>

#include "contactplan/v1/recommendations.pb.h"
#include "model/plan_index.h"

namespace contactplan::render {

// A header row (name, goal, influence strategies, tactics/resources, owner, horizon), then one row
// per drafted entry: the person's and the owner's labels (name, else id), the goal grade in words,
// the strategies joined by "; ", one tactic per line of its cell ("description (resources: ...)"),
// and "N days". RFC 4180 quoting, CRLF line ends; text as written.
std::string BlueprintSheet(const model::PlanIndex& index, const v1::Recommendations& recs);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_BLUEPRINT_SHEET_H_
