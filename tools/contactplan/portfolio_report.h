// The text form of a portfolio: accounts, the shared team, patterns, what could not be staffed and
// the conflicts between plans, laid out for an 80-column terminal.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_PORTFOLIO_REPORT_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_PORTFOLIO_REPORT_H_

#include <string>

#include "contactplan/v1/portfolio.pb.h"

namespace contactplan::cli {

// The report; every line at most 80 columns (long names are cut with "…", sentences wrapped).
std::string PortfolioReport(const v1::Portfolio& portfolio);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_PORTFOLIO_REPORT_H_
