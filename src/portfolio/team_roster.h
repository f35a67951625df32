// The team across a portfolio: one entry per person on our side, however many plans name them.
// Members are matched by email (case-insensitive) when the plan gives one, else by id; the roster
// keeps the shared capacity (the smallest any plan states), the upkeep of every account and the
// effort planned so far, and the conflicts between plans (docs/portfolio.md).
#ifndef CONTACTPLAN_SRC_PORTFOLIO_TEAM_ROSTER_H_
#define CONTACTPLAN_SRC_PORTFOLIO_TEAM_ROSTER_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "contactplan/v1/plan.pb.h"
#include "contactplan/v1/portfolio.pb.h"

namespace contactplan::portfolio {

// One member of the shared team.
struct RosterMember {
  std::string key;    // PortfolioMember.key
  std::string name;   // as first given
  std::string email;  // as first given
  std::vector<std::string> accounts;
  bool has_capacity = false;
  double capacity = 0;   // the smallest stated, when has_capacity
  double committed = 0;  // upkeep summed over the accounts
  double planned = 0;    // planned so far, over the accounts planned so far
  // The first capacity stated and where, for the conflict message.
  std::string capacity_account;
  std::string name_account;
};

class TeamRoster {
 public:
  // Adds the team members of `plan` (the account labelled `account`) and returns the roster slot of
  // each, in plan order. Records a conflict for a name or capacity that differs from an earlier
  // plan's, and for a second member of one plan with an email already used in that plan (matched by
  // id instead).
  std::vector<int> AddPlan(const v1::Plan& plan, const std::string& account);

  RosterMember& member(int slot) { return members_[slot]; }
  const RosterMember& member(int slot) const { return members_[slot]; }
  const std::vector<RosterMember>& members() const { return members_; }
  std::vector<v1::MemberConflict>& conflicts() { return conflicts_; }

  // Effort `slot` may still take on in one account, given that account's own upkeep for the member
  // (which the engine counts against the capacity it is given): shared capacity minus the upkeep of
  // every other account minus what earlier accounts planned, never negative.
  double CapacityForAccount(int slot, double own_committed) const;

  // The PortfolioMember rows, in order of first appearance.
  std::vector<v1::PortfolioMember> Rows() const;

 private:
  int SlotFor(const std::string& key, const v1::TeamMember& member);
  void AddConflict(const std::string& key, v1::MemberConflict::Kind kind, std::string message);

  std::vector<RosterMember> members_;
  absl::flat_hash_map<std::string, int> by_key_;
  std::vector<v1::MemberConflict> conflicts_;
};

// The key a member is matched by: "id:<id>" without an email, else the email in lower case.
std::string MemberKey(const v1::TeamMember& member);

}  // namespace contactplan::portfolio

#endif  // CONTACTPLAN_SRC_PORTFOLIO_TEAM_ROSTER_H_
