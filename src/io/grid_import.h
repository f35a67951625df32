// Import of the contact map grid (docs/grid.md): CSV text to a plan.
#ifndef CONTACTPLAN_SRC_IO_GRID_IMPORT_H_
#define CONTACTPLAN_SRC_IO_GRID_IMPORT_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::io {

// Reads a grid. The layout, the words and the choices the grid leaves open are documented at
// contactplan::ParsePlan (include/contactplan/plan_io.h). On any problem: InvalidArgument holding
// every problem found, one per line, "line L, column C: what is wrong: what would fix it", sorted by
// position; no plan is returned then. When the CSV itself is malformed (an unterminated quote, a byte
// order mark inside, text that is not UTF-8 ...), only those problems are reported: the grid's cells
// cannot be trusted until they are fixed.
absl::StatusOr<v1::Plan> ImportGrid(std::string_view csv);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_GRID_IMPORT_H_
