// The portfolio as bytes: the protobuf forms through the io stage's writers, and the CSV tables a
// spreadsheet opens (columns documented in docs/portfolio.md).
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "contactplan/portfolio.h"
#include "google/protobuf/util/time_util.h"
#include "io/csv_writer.h"
#include "io/proto_binary.h"
#include "io/proto_json.h"
#include "io/proto_text.h"

namespace contactplan {
namespace {

// Effort and scores as a spreadsheet reads them: at most two decimals, no trailing zeros.
std::string Number(double value) {
  std::string text = absl::StrFormat("%.2f", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string GradeCell(v1::Grade grade) {
  return grade == v1::GRADE_UNSPECIFIED ? "" : v1::Grade_Name(grade);
}

std::string Joined(const google::protobuf::RepeatedPtrField<std::string>& items) {
  return absl::StrJoin(items, "; ");
}

void AccountsTable(const v1::Portfolio& portfolio, std::string* out) {
  io::AppendCsvRecord(
      {"account_id", "account_name", "source", "health", "confidence", "web_figure", "meets3x3", "critical",
       "warnings", "top_action_person", "top_action_owner", "top_action_from", "top_action_to",
       "top_action_effort", "next_close_at", "next_close_opportunity_id", "planning_order"},
      out);
  for (const v1::PortfolioAccount& a : portfolio.accounts()) {
    const v1::PortfolioAction& top = a.top_action();
    const bool has_top = a.has_top_action();
    io::AppendCsvRecord(
        {a.account_id(), a.account_name(), a.source(), Number(a.health()),
         a.has_confidence() ? Number(a.confidence()) : "", a.web_figure(),
         a.meets3x3() ? "yes" : "no", absl::StrCat(a.critical()), absl::StrCat(a.warnings()),
         has_top ? (top.person_name().empty() ? top.person_id() : top.person_name()) : "",
         has_top ? (top.owner_name().empty() ? top.owner_id() : top.owner_name()) : "",
         has_top ? GradeCell(top.current_grade()) : "", has_top ? GradeCell(top.goal_grade()) : "",
         has_top ? Number(top.effort()) : "",
         a.has_next_close_at() ? google::protobuf::util::TimeUtil::ToString(a.next_close_at()) : "",
         a.next_close_opportunity_id(), absl::StrCat(a.planning_order())},
        out);
  }
}

void TeamTable(const v1::Portfolio& portfolio, std::string* out) {
  io::AppendCsvRecord({"key", "name", "email", "account_count", "accounts", "committed", "planned",
                       "capacity", "over_capacity"},
                      out);
  for (const v1::PortfolioMember& m : portfolio.team()) {
    io::AppendCsvRecord(
        {m.key(), m.name(), m.email(), absl::StrCat(m.accounts_size()), Joined(m.accounts()),
         Number(m.committed()), Number(m.planned()), m.has_capacity() ? Number(m.capacity()) : "",
         m.over_capacity() ? "yes" : "no"},
        out);
  }
}

void PatternsTable(const v1::Portfolio& portfolio, std::string* out) {
  io::AppendCsvRecord({"code", "account_count", "accounts", "message"}, out);
  for (const v1::PortfolioPattern& p : portfolio.patterns()) {
    io::AppendCsvRecord(
        {p.code(), absl::StrCat(p.accounts_size()), Joined(p.accounts()), p.message()}, out);
  }
}

void UnstaffedTable(const v1::Portfolio& portfolio, std::string* out) {
  io::AppendCsvRecord({"account_id", "person_id", "person_name", "team_member_key", "current_grade",
                       "next_grade", "effort", "priority", "reason"},
                      out);
  for (const v1::PortfolioUnstaffedCell& u : portfolio.unstaffed()) {
    io::AppendCsvRecord({u.account_id(), u.person_id(), u.person_name(), u.team_member_key(),
                         GradeCell(u.current_grade()), GradeCell(u.next_grade()),
                         Number(u.effort()), Number(u.priority()), u.reason()},
                        out);
  }
}

constexpr std::string_view kTableNames[] = {"accounts", "team", "patterns", "unstaffed"};

}  // namespace

std::string_view PortfolioTableName(PortfolioTable table) {
  return kTableNames[static_cast<int>(table)];
}

std::optional<PortfolioTable> PortfolioTableFromName(std::string_view name) {
  const std::string lowered = absl::AsciiStrToLower(absl::string_view(name.data(), name.size()));
  for (size_t i = 0; i < std::size(kTableNames); ++i) {
    if (kTableNames[i] == lowered) return static_cast<PortfolioTable>(i);
  }
  return std::nullopt;
}

std::string PortfolioCsv(const v1::Portfolio& portfolio, PortfolioTable table) {
  std::string out;
  switch (table) {
    case PortfolioTable::kAccounts:
      AccountsTable(portfolio, &out);
      break;
    case PortfolioTable::kTeam:
      TeamTable(portfolio, &out);
      break;
    case PortfolioTable::kPatterns:
      PatternsTable(portfolio, &out);
      break;
    case PortfolioTable::kUnstaffed:
      UnstaffedTable(portfolio, &out);
      break;
  }
  return out;
}

absl::StatusOr<std::string> WritePortfolio(const v1::Portfolio& portfolio, PlanFormat format) {
  switch (format) {
    case PlanFormat::kBinary:
      return io::WriteBinaryMessage(portfolio);
    case PlanFormat::kJson:
      return io::WriteJsonMessage(portfolio, io::JsonStyle::kEveryField);
    case PlanFormat::kText:
      return io::WriteTextMessage(portfolio);
    case PlanFormat::kCsvGrid:
      return PortfolioCsv(portfolio, PortfolioTable::kAccounts);
  }
  return absl::InvalidArgumentError("unknown portfolio format");
}

}  // namespace contactplan
