// The contact map as a picture: a self-contained SVG (no scripts, fonts or external references) of
// the grid coloured by grade, with the web-of-influence figure and a legend.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_MAP_SVG_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_MAP_SVG_H_

#include <string>

#include "contactplan/v1/analysis.pb.h"
#include "model/plan_index.h"

namespace contactplan::cli {

// Persons are rows in org-chart order (key persons in bold), team members are columns with their
// names slanted above; a dot beside a name marks a thread in the web of influence. Every cell has a
// tooltip ("Helen Marsh × Dana Whitfield: trust"). Deterministic bytes for the same input.
std::string MapSvg(const model::PlanIndex& index, const v1::Analysis& analysis);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_MAP_SVG_H_
