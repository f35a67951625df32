// BuildPortfolio (include/contactplan/portfolio.h): two passes over the public Engine. The first
// analyses every plan as it is, which gives each account's upkeep per team member (the
// recommendation stage's effort model) and its need; the second plans the accounts in order of
// need, handing the engine each member's capacity as what is left of the shared capacity, so that
// the stage's own owner model (src/recommend/owners.cc) never books anyone beyond it across
// accounts.
#include "contactplan/portfolio.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "io/text_position.h"
#include "portfolio/patterns.h"
#include "portfolio/team_roster.h"

namespace contactplan {
namespace {

using io::Quoted;
using portfolio::PatternTally;
using portfolio::TeamRoster;

// A plan that made it into the portfolio.
struct Account {
  int plan_index = 0;
  const PortfolioPlan* input = nullptr;
  std::string label;              // account id, else name, else the source
  std::vector<int> slots;         // roster slot per team member, plan order
  std::vector<double> committed;  // upkeep per team member, plan order
  int critical = 0;
  double health = 0;
  // From the second pass: the row, and the cells it could not staff. The analysis itself is not
  // kept, so a large book of business holds one analysis at a time.
  v1::PortfolioAccount row;
  std::vector<v1::UnstaffedCell> unstaffed;
};

// How a plan's account is recognised when it is given twice: its id, else its name.
std::string AccountKey(const v1::Plan& plan) {
  if (!plan.account().id().empty()) return absl::StrCat("id:", plan.account().id());
  if (!plan.account().name().empty()) return absl::StrCat("name:", plan.account().name());
  return "";
}

std::string AccountLabel(const v1::Plan& plan, const std::string& source) {
  if (!plan.account().id().empty()) return plan.account().id();
  if (!plan.account().name().empty()) return plan.account().name();
  return source;
}

void AddProblem(v1::Portfolio& portfolio, int index, const std::string& source,
                std::string message) {
  v1::PlanProblem& problem = *portfolio.add_problems();
  problem.set_plan_index(index);
  problem.set_source(source);
  problem.set_message(std::move(message));
}

// Findings at `severity`, every one the rules raised: finding_counts holds the totals even when
// max_findings kept fewer in the list.
int CountSeverity(const v1::Analysis& analysis, v1::Severity severity) {
  int count = 0;
  for (const v1::FindingCount& c : analysis.finding_counts()) {
    if (c.severity() == severity) count += c.total();
  }
  return count;
}

// Upkeep per team member in plan order, read from the analysis' team load.
std::vector<double> CommittedPerMember(const v1::Plan& plan, const v1::Analysis& analysis) {
  absl::flat_hash_map<std::string, double> by_id;
  for (const v1::TeamLoad& load : analysis.recommendations().team_load()) {
    by_id[load.team_member_id()] = load.committed();
  }
  std::vector<double> committed;
  committed.reserve(plan.team_members_size());
  for (const v1::TeamMember& m : plan.team_members()) committed.push_back(by_id[m.id()]);
  return committed;
}

// Names of persons and team members of one plan, for the rows.
struct PlanNames {
  explicit PlanNames(const v1::Plan& plan) {
    for (const v1::Person& p : plan.persons()) persons[p.id()] = p.name();
    for (int i = 0; i < plan.team_members_size(); ++i) member_index[plan.team_members(i).id()] = i;
  }
  absl::flat_hash_map<std::string, std::string> persons;
  absl::flat_hash_map<std::string, int> member_index;
};

void FillAccountRow(const Account& account, const v1::Plan& plan, const v1::Analysis& analysis,
                    const PlanNames& names, int planning_order, v1::PortfolioAccount& row) {
  row.set_plan_index(account.plan_index);
  row.set_source(account.input->source);
  row.set_account_id(plan.account().id());
  row.set_account_name(plan.account().name());
  row.set_health(analysis.scores().account_health().value());
  if (analysis.scores().has_confidence()) row.set_confidence(analysis.scores().confidence().value());
  row.set_web_figure(analysis.web().figure());
  row.set_meets3x3(analysis.web().meets3x3());
  row.set_critical(CountSeverity(analysis, v1::CRITICAL));
  row.set_warnings(CountSeverity(analysis, v1::WARNING));
  row.set_planning_order(planning_order);
  if (analysis.recommendations().key_intersections_size() > 0) {
    const v1::KeyIntersection& top = analysis.recommendations().key_intersections(0);
    v1::PortfolioAction& action = *row.mutable_top_action();
    action.set_person_id(top.person_id());
    if (auto it = names.persons.find(top.person_id()); it != names.persons.end()) {
      action.set_person_name(it->second);
    }
    action.set_owner_id(top.team_member_id());
    if (auto it = names.member_index.find(top.team_member_id()); it != names.member_index.end()) {
      action.set_owner_name(plan.team_members(it->second).name());
    }
    action.set_current_grade(top.current_grade());
    action.set_goal_grade(top.goal_grade());
    action.set_effort(top.effort());
    for (const std::string& code : top.reason_codes()) action.add_reason_codes(code);
  }
  const google::protobuf::Timestamp* next = nullptr;
  for (const v1::Opportunity& o : plan.opportunities()) {
    if (o.closed() || !o.has_expected_close_at()) continue;
    if (next == nullptr || o.expected_close_at() < *next) {
      next = &o.expected_close_at();
      row.set_next_close_opportunity_id(o.id());
    }
  }
  if (next != nullptr) *row.mutable_next_close_at() = *next;
}

// Why a cell stayed unstaffed, in portfolio terms: the engine's own reason counts only the capacity
// it was handed for this account, so the candidate's shared figures are given instead.
std::string UnstaffedReason(const v1::UnstaffedCell& cell, const v1::Plan& plan,
                            const PlanNames& names, const Account& account,
                            const TeamRoster& roster) {
  auto it = names.member_index.find(cell.team_member_id());
  if (cell.team_member_id().empty() || it == names.member_index.end()) return cell.reason();
  const portfolio::RosterMember& m = roster.member(account.slots[it->second]);
  if (!m.has_capacity) return cell.reason();
  const double free = std::max(0.0, m.capacity - m.committed - m.planned);
  return absl::StrCat(
      "the step needs ", cell.effort(), cell.effort() == 1 ? " effort unit" : " effort units",
      "; the best candidate, ", Quoted(plan.team_members(it->second).name()), ", has ", free,
      " of ", m.capacity, " effort units free across the portfolio (", m.committed,
      " committed to ", m.accounts.size(), m.accounts.size() == 1 ? " account" : " accounts", ", ",
      m.planned, " planned)");
}

}  // namespace

absl::StatusOr<v1::Portfolio> BuildPortfolio(const Engine& engine,
                                             std::span<const PortfolioPlan> plans,
                                             const v1::AnalysisOptions& options) {
  if (plans.empty()) {
    return absl::InvalidArgumentError("a portfolio needs at least one plan");
  }
  v1::Portfolio portfolio;
  portfolio.set_plans_given(static_cast<int32_t>(plans.size()));

  // Pass 1: read, validate, de-duplicate and analyse each plan as it is.
  std::vector<Account> accounts;
  absl::flat_hash_map<std::string, int> account_seen;  // AccountKey -> plan index
  TeamRoster roster;
  for (size_t i = 0; i < plans.size(); ++i) {
    const PortfolioPlan& input = plans[i];
    const int index = static_cast<int>(i);
    if (!input.plan.ok()) {
      AddProblem(portfolio, index, input.source, std::string(input.plan.status().message()));
      continue;
    }
    const v1::Plan& plan = *input.plan;
    if (absl::Status valid = engine.Validate(plan); !valid.ok()) {
      AddProblem(portfolio, index, input.source,
                 absl::StrCat(input.source, " is not a valid plan:\n", valid.message()));
      continue;
    }
    const std::string key = AccountKey(plan);
    if (!key.empty()) {
      auto [it, inserted] = account_seen.try_emplace(key, index);
      if (!inserted) {
        AddProblem(
            portfolio, index, input.source,
            absl::StrCat(input.source, ": account ", Quoted(AccountLabel(plan, input.source)),
                         " is already in the portfolio from ", plans[it->second].source,
                         "; this plan was left out (give each account once)"));
        continue;
      }
    }
    absl::StatusOr<v1::Analysis> first = engine.Analyze(plan, options);
    // The plan is valid, so what fails now is the options, shared by every plan.
    if (!first.ok()) return first.status();
    Account& account = accounts.emplace_back();
    account.plan_index = index;
    account.input = &input;
    account.label = AccountLabel(plan, input.source);
    account.committed = CommittedPerMember(plan, *first);
    account.critical = CountSeverity(*first, v1::CRITICAL);
    account.health = first->scores().account_health().value();
    account.slots = roster.AddPlan(plan, account.label);
    for (size_t m = 0; m < account.slots.size(); ++m) {
      roster.member(account.slots[m]).committed += account.committed[m];
    }
  }

  // Pass 2: the neediest account gets first call on the shared capacity.
  std::vector<Account*> order;
  order.reserve(accounts.size());
  for (Account& a : accounts) order.push_back(&a);
  std::stable_sort(order.begin(), order.end(), [](const Account* a, const Account* b) {
    return std::tie(b->critical, a->health, a->plan_index) <
           std::tie(a->critical, b->health, b->plan_index);
  });
  PatternTally tally;
  for (size_t n = 0; n < order.size(); ++n) {
    Account& account = *order[n];
    v1::Plan plan = *account.input->plan;
    for (int m = 0; m < plan.team_members_size(); ++m) {
      const portfolio::RosterMember& shared = roster.member(account.slots[m]);
      v1::TeamMember& member = *plan.mutable_team_members(m);
      if (shared.has_capacity) {
        member.set_capacity(roster.CapacityForAccount(account.slots[m], account.committed[m]));
      } else {
        member.clear_capacity();
      }
    }
    absl::StatusOr<v1::Analysis> planned = engine.Analyze(plan, options);
    if (!planned.ok()) return planned.status();
    const PlanNames names(plan);
    for (const v1::TeamLoad& load : planned->recommendations().team_load()) {
      if (auto it = names.member_index.find(load.team_member_id());
          it != names.member_index.end()) {
        roster.member(account.slots[it->second]).planned += load.planned();
      }
    }
    FillAccountRow(account, *account.input->plan, *planned, names, static_cast<int>(n) + 1,
                   account.row);
    tally.AddAccount(account.plan_index, account.label, *planned);
    const auto& unstaffed = planned->recommendations().unstaffed();
    account.unstaffed.assign(unstaffed.begin(), unstaffed.end());
  }

  // Rows: unstaffed cells in planning order (reasons read the roster once planning is done).
  for (const Account* account : order) {
    const v1::Plan& plan = *account->input->plan;
    const PlanNames names(plan);
    for (const v1::UnstaffedCell& cell : account->unstaffed) {
      v1::PortfolioUnstaffedCell& row = *portfolio.add_unstaffed();
      row.set_account_id(account->label);
      row.set_person_id(cell.person_id());
      if (auto it = names.persons.find(cell.person_id()); it != names.persons.end()) {
        row.set_person_name(it->second);
      }
      if (auto it = names.member_index.find(cell.team_member_id());
          !cell.team_member_id().empty() && it != names.member_index.end()) {
        row.set_team_member_key(roster.member(account->slots[it->second]).key);
      }
      row.set_current_grade(cell.current_grade());
      row.set_next_grade(cell.next_grade());
      row.set_effort(cell.effort());
      row.set_priority(cell.priority());
      row.set_reason(UnstaffedReason(cell, plan, names, *account, roster));
    }
  }
  for (Account& account : accounts) *portfolio.add_accounts() = std::move(account.row);
  for (v1::PortfolioMember& row : roster.Rows()) *portfolio.add_team() = std::move(row);
  for (v1::PortfolioPattern& p : tally.Patterns()) *portfolio.add_patterns() = std::move(p);
  for (v1::MemberConflict& c : roster.conflicts()) *portfolio.add_conflicts() = std::move(c);
  return portfolio;
}

}  // namespace contactplan
