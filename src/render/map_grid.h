// The contact map as a text grid for a terminal: client persons as rows (in org-chart order,
// indented under their manager), our team members as columns, one grade letter per intersection.
// Rows scale to hundreds of persons; columns stay narrow so a team of a dozen fits 120 columns.
#ifndef CONTACTPLAN_SRC_RENDER_MAP_GRID_H_
#define CONTACTPLAN_SRC_RENDER_MAP_GRID_H_

#include <string>

#include "contactplan/v1/analysis.pb.h"
#include "model/plan_index.h"

namespace contactplan::render {

// The team legend (column letter, name, title, level, capacity), the grid with its header (key
// persons, as the rules define them, marked '*'), and the legend of letters. Every line is indented
// by `indent` spaces; the text ends with a newline. Names and titles narrow to fit `width` columns
// (the title column is left out first); a team too large for `width` makes longer grid lines.
std::string MapGridText(const model::PlanIndex& index, size_t indent, size_t width);

// "Web of influence: 2x3 (threads at satisfied or better) — below 3x3", then the counts, each
// wrapped to `width` columns.
std::string WebFigureText(const v1::Web& web, size_t indent, size_t width);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_MAP_GRID_H_
