// Export of a plan as the contact map grid (docs/grid.md), and what such an export leaves out.
#ifndef CONTACTPLAN_SRC_IO_GRID_EXPORT_H_
#define CONTACTPLAN_SRC_IO_GRID_EXPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::io {

// Writes `plan` as a grid: row 1 "Team member", "Level", then the persons' names in plan order; an
// attribute row for each attribute at least one person has, in the order of kGridAttributes; one row
// per team member in plan order. Lines end with CRLF. What the grid cannot hold is left out (see
// GridExportLosses); what would come back as something else is an error instead (InvalidArgument,
// every problem on its own line as "<field path>: what is wrong: what would fix it", in field order):
// the policy is documented at contactplan::WritePlan.
absl::StatusOr<std::string> ExportGrid(const v1::Plan& plan);

// What ExportGrid would leave out of `plan`, one entry per kind of data with how many values are lost,
// e.g. "relationships[].assessed_at (12)", in field order. Empty when importing the export gives the
// plan back (relationships then come in row-by-row order, and participants in column order).
std::vector<std::string> GridExportLosses(const v1::Plan& plan);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_GRID_EXPORT_H_
