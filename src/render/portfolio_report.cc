// The portfolio's page for a sales leader (PortfolioReport of include/contactplan/render.h).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "contactplan/render.h"
#include "render/escaping.h"
#include "render/plan_labels.h"
#include "render/text_layout.h"

namespace contactplan {
namespace {

using render::Count;
using render::FormatTime;
using render::GradeLetter;
using render::Labeled;
using render::PadLeft;
using render::PadRight;
using render::Sv;
using render::Wrap;

constexpr size_t kWidth = 80;

std::string Fixed(double value) { return absl::StrFormat("%.1f", value); }

// The short name in the table: the account id (short by convention), else the name, else where
// the plan came from. The name, when there is one besides, heads the row's second line.
std::string AccountLabel(const v1::PortfolioAccount& a) {
  if (!a.account_id().empty()) return a.account_id();
  if (!a.account_name().empty()) return a.account_name();
  return a.source();
}

std::string ActionText(const v1::PortfolioAction& action) {
  const std::string person =
      action.person_name().empty() ? action.person_id() : action.person_name();
  const std::string owner = action.owner_name().empty() ? action.owner_id() : action.owner_name();
  const std::string from = action.current_grade() == v1::GRADE_UNSPECIFIED
                               ? "blank"
                               : std::string(1, GradeLetter(action.current_grade()));
  return absl::StrCat(person, " ", from, " -> ", std::string(1, GradeLetter(action.goal_grade())),
                      ", owner ", owner);
}

void Accounts(const v1::Portfolio& portfolio, std::string& out) {
  absl::StrAppend(&out, PadRight("Account", 30), PadLeft("health", 7), PadLeft("conf", 6), PadLeft("web", 6),
                  PadLeft("3x3", 5), PadLeft("crit", 6), PadLeft("warn", 6), "  next close\n");
  for (const v1::PortfolioAccount& a : portfolio.accounts()) {
    absl::StrAppend(&out, PadRight(AccountLabel(a), 30), PadLeft(Fixed(a.health()), 7),
                    PadLeft(a.has_confidence() ? Fixed(a.confidence()) : "-", 6),
                    PadLeft(a.web_figure(), 6), PadLeft(a.meets3x3() ? "yes" : "no", 5),
                    PadLeft(absl::StrCat(a.critical()), 6), PadLeft(absl::StrCat(a.warnings()), 6),
                    "  ", a.has_next_close_at() ? FormatTime(a.next_close_at()).substr(0, 10) : "-",
                    "\n");
    const std::string next =
        a.has_top_action() ? ActionText(a.top_action()) : "nothing to staff within the horizon";
    const bool named = !a.account_id().empty() && !a.account_name().empty();
    absl::StrAppend(
        &out, "  ",
        Labeled(named ? absl::StrCat(a.account_name(), ": next: ") : "next: ", next, kWidth - 2, 8),
        "\n");
  }
}

void Team(const v1::Portfolio& portfolio, std::string& out) {
  absl::StrAppend(&out, "\nTeam (effort units across the portfolio)\n", PadRight("Member", 34),
                  PadLeft("accounts", 9), PadLeft("committed", 10), PadLeft("planned", 8),
                  PadLeft("capacity", 9), "\n");
  for (const v1::PortfolioMember& m : portfolio.team()) {
    std::string label = m.name().empty() ? m.key() : m.name();
    if (!m.email().empty()) absl::StrAppend(&label, " <", m.email(), ">");
    absl::StrAppend(&out, PadRight(label, 34), PadLeft(absl::StrCat(m.accounts_size()), 9),
                    PadLeft(Fixed(m.committed()), 10), PadLeft(Fixed(m.planned()), 8),
                    PadLeft(m.has_capacity() ? Fixed(m.capacity()) : "none", 9),
                    m.over_capacity() ? " OVER" : "", "\n");
  }
}

void Bullets(std::string_view title, const std::vector<std::string>& lines, std::string& out) {
  if (lines.empty()) return;
  absl::StrAppend(&out, "\n", Sv(title), "\n");
  for (const std::string& line : lines)
    absl::StrAppend(&out, "- ", Wrap(line, kWidth - 2, 2), "\n");
}

}  // namespace

std::string PortfolioReport(const v1::Portfolio& given) {
  // Laid out from a copy whose text is visible-escaped, as every view is: widths are measured on
  // what is printed, and an account or person name cannot act on the terminal.
  v1::Portfolio portfolio = given;
  render::MakeStringsVisible(portfolio);
  std::string out = absl::StrCat(
      "Portfolio: ", Count(portfolio.accounts_size(), "account", "accounts"),
      portfolio.plans_given() != portfolio.accounts_size()
          ? absl::StrCat(" (", portfolio.plans_given() - portfolio.accounts_size(), " of ",
                         Count(portfolio.plans_given(), "plan", "plans"), " left out)")
          : "",
      "\n\n");
  Accounts(portfolio, out);
  Team(portfolio, out);
  std::vector<std::string> lines;
  for (const v1::PortfolioPattern& p : portfolio.patterns()) {
    // A long book of business would bury the message: name a few accounts, count the rest.
    constexpr int kNamed = 4;
    std::vector<std::string> named(p.accounts().begin(),
                                   p.accounts().begin() + std::min(p.accounts_size(), kNamed));
    if (p.accounts_size() > kNamed)
      named.push_back(absl::StrCat(p.accounts_size() - kNamed, " more"));
    lines.push_back(
        absl::StrCat(p.message(), " (", p.code(), ": ", absl::StrJoin(named, ", "), ")"));
  }
  Bullets("Patterns", lines, out);
  lines.clear();
  for (const v1::PortfolioUnstaffedCell& u : portfolio.unstaffed()) {
    lines.push_back(absl::StrCat(u.account_id(), ": ",
                                 u.person_name().empty() ? u.person_id() : u.person_name(), ": ",
                                 u.reason()));
  }
  Bullets("Could not be staffed", lines, out);
  lines.clear();
  for (const v1::MemberConflict& c : portfolio.conflicts()) lines.push_back(c.message());
  Bullets("Conflicts between plans", lines, out);
  return out;
}

}  // namespace contactplan
