// The contact map with the plan drawn on it, as a self-contained SVG (no scripts, fonts or external
// references): the grid coloured by grade, as a seller would mark up a printed map with a pen.
#ifndef CONTACTPLAN_SRC_RENDER_MAP_SVG_H_
#define CONTACTPLAN_SRC_RENDER_MAP_SVG_H_

#include <string>

#include "contactplan/v1/analysis.pb.h"
#include "model/plan_index.h"

namespace contactplan::render {

// Persons are rows in org-chart order (key persons in bold) with their level and buyer roles; team
// members are columns with their names and levels slanted above; a dot marks a thread in the web of
// influence. The plan on top: the horizon's key intersections ringed with their rank, the blank
// ones among them circled (cells to fill), the introducer's leverage drawn as an arrow from their
// cell to the target cell, people who left greyed; a legend explains every mark. Each cell is a <g> with
// data-person-id and data-team-member-id, a key intersection's also data-key-rank, and a tooltip.
// Up to 60 persons are all drawn; beyond, only key persons, persons with findings and those the
// key intersections and leverage involve, and a note says how many were left out. Text is
// markup-escaped; `index` is over the (visible-escaped) analysed plan. Deterministic bytes.
std::string MapSvg(const model::PlanIndex& index, const v1::Analysis& analysis);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_MAP_SVG_H_
