// A portfolio: many plans (a book of business) analysed together, with the key intersections of
// every account planned under the team's shared capacity. docs/portfolio.md documents the rows, how
// team members are matched across plans and how a capacity is read when plans disagree.
#ifndef CONTACTPLAN_PORTFOLIO_H_
#define CONTACTPLAN_PORTFOLIO_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "contactplan/v1/portfolio.pb.h"

namespace contactplan {

// One plan of a portfolio as the caller obtained it: the parsed plan, or why it could not be read
// (the status's message is reported as the plan's problem, so it should already name the file and
// position).
struct PortfolioPlan {
  std::string source;             // where the plan came from, for messages: a path, "plans[2]"
  absl::StatusOr<v1::Plan> plan;  // the plan, or why reading it failed
};

// Analyses `plans` with `engine` and builds the portfolio.
//  - Each plan that cannot be read, is invalid, or repeats an account already given (by account id,
//    else account name) becomes a PlanProblem and is left out; the others are still analysed.
//  - Team members are matched by email (case-insensitive) when set, else by id. Different names, or
//    different capacities, for one member are MemberConflicts; the smallest stated capacity is the
//    member's shared capacity.
//  - Key intersections are planned account by account (most critical findings first, then lowest
//    health, then the order given) with the recommendation stage's owner model, each member's
//    capacity reduced by the upkeep of every account and what earlier accounts planned, so no one
//    is planned beyond their shared capacity. What could not be staffed is listed with the reason.
// Returns InvalidArgument when `plans` is empty or `options` are invalid (the message names the
// option); otherwise a portfolio, even when every plan was left out. Deterministic; thread-safe
// (the engine is shared read-only; the plans are only read).
absl::StatusOr<v1::Portfolio> BuildPortfolio(const Engine& engine,
                                             std::span<const PortfolioPlan> plans,
                                             const v1::AnalysisOptions& options = {});

// The tables of a portfolio a spreadsheet can open, one per kind of row.
enum class PortfolioTable {
  kAccounts,   // one row per account
  kTeam,       // one row per team member
  kPatterns,   // one row per rule code that fired
  kUnstaffed,  // one row per key intersection that could not be staffed
};

// "accounts", "team", "patterns", "unstaffed"; and back (case-insensitive; nullopt when unknown).
std::string_view PortfolioTableName(PortfolioTable table);
std::optional<PortfolioTable> PortfolioTableFromName(std::string_view name);

// One table as CSV (RFC 4180, a header row of snake_case column names, CRLF line ends, UTF-8),
// documented column by column in docs/portfolio.md. Lists inside a cell are joined with "; ".
// Never fails; thread-safe.
std::string PortfolioCsv(const v1::Portfolio& portfolio, PortfolioTable table);

// Serializes a portfolio: binary (deterministic), JSON (lowerCamel names, every field printed,
// indented), text format, or kCsvGrid for the accounts table (PortfolioCsv). Thread-safe.
absl::StatusOr<std::string> WritePortfolio(const v1::Portfolio& portfolio, PlanFormat format);

}  // namespace contactplan

#endif  // CONTACTPLAN_PORTFOLIO_H_
