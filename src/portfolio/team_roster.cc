#include "portfolio/team_roster.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "io/text_position.h"

namespace contactplan::portfolio {
namespace {

using io::Quoted;

// Effort arithmetic sums fractions (0.5-unit steps and the like): compare with a little slack so a
// member exactly at capacity is not reported over it.
constexpr double kEffortSlack = 1e-9;

}  // namespace

std::string MemberKey(const v1::TeamMember& member) {
  const std::string email(absl::StripAsciiWhitespace(member.email()));
  if (email.empty()) return absl::StrCat("id:", member.id());
  return absl::AsciiStrToLower(email);
}

int TeamRoster::SlotFor(const std::string& key, const v1::TeamMember& member) {
  auto [it, inserted] = by_key_.try_emplace(key, static_cast<int>(members_.size()));
  if (inserted) {
    RosterMember& added = members_.emplace_back();
    added.key = key;
    added.name = member.name();
    added.email = std::string(absl::StripAsciiWhitespace(member.email()));
  }
  return it->second;
}

void TeamRoster::AddConflict(const std::string& key, v1::MemberConflict::Kind kind,
                             std::string message) {
  v1::MemberConflict& conflict = conflicts_.emplace_back();
  conflict.set_key(key);
  conflict.set_kind(kind);
  conflict.set_message(std::move(message));
}

std::vector<int> TeamRoster::AddPlan(const v1::Plan& plan, const std::string& account) {
  std::vector<int> slots;
  slots.reserve(plan.team_members_size());
  absl::flat_hash_set<std::string> keys_in_plan;
  for (const v1::TeamMember& member : plan.team_members()) {
    std::string key = MemberKey(member);
    if (!keys_in_plan.insert(key).second) {
      // Two members of one plan cannot be one person's two capacities: keep them apart.
      std::string by_id = absl::StrCat("id:", member.id());
      AddConflict(key, v1::MemberConflict::DUPLICATE_IN_PLAN,
                  absl::StrCat("team members of account ", Quoted(account), " share the email ",
                               Quoted(key), "; ", Quoted(member.id()),
                               " is matched by its id instead: give each member their own email"));
      key = std::move(by_id);
      keys_in_plan.insert(key);
    }
    const int slot = SlotFor(key, member);
    slots.push_back(slot);
    RosterMember& roster = members_[slot];
    const bool first_sighting = roster.accounts.empty();
    if (roster.accounts.empty() || roster.accounts.back() != account) {
      roster.accounts.push_back(account);
    }
    if (first_sighting) {
      roster.name_account = account;
    } else if (member.name() != roster.name) {
      AddConflict(key, v1::MemberConflict::NAME,
                  absl::StrCat("team member ", Quoted(key), " is ", Quoted(roster.name),
                               " in account ", Quoted(roster.name_account), " but ",
                               Quoted(member.name()), " in account ", Quoted(account),
                               ": the first name is used; correct the other plan if they are one "
                               "person, or give them different emails if they are not"));
    }
    if (!member.has_capacity()) continue;
    if (!roster.has_capacity) {
      roster.has_capacity = true;
      roster.capacity = member.capacity();
      roster.capacity_account = account;
    } else if (member.capacity() != roster.capacity) {
      const double used = std::min(roster.capacity, member.capacity());
      AddConflict(key, v1::MemberConflict::CAPACITY,
                  absl::StrCat("team member ", Quoted(key), " has capacity ", roster.capacity,
                               " in account ", Quoted(roster.capacity_account), " but ",
                               member.capacity(), " in account ", Quoted(account), ": ", used,
                               " (the smaller) is their capacity across the portfolio"));
      if (member.capacity() < roster.capacity) {
        roster.capacity = member.capacity();
        roster.capacity_account = account;
      }
    }
  }
  return slots;
}

double TeamRoster::CapacityForAccount(int slot, double own_committed) const {
  const RosterMember& m = members_[slot];
  const double others_committed = m.committed - own_committed;
  return std::max(0.0, m.capacity - others_committed - m.planned);
}

std::vector<v1::PortfolioMember> TeamRoster::Rows() const {
  std::vector<v1::PortfolioMember> rows;
  rows.reserve(members_.size());
  for (const RosterMember& m : members_) {
    v1::PortfolioMember& row = rows.emplace_back();
    row.set_key(m.key);
    row.set_name(m.name);
    row.set_email(m.email);
    for (const std::string& account : m.accounts) row.add_accounts(account);
    row.set_committed(m.committed);
    row.set_planned(m.planned);
    row.set_has_capacity(m.has_capacity);
    row.set_capacity(m.has_capacity ? m.capacity : 0);
    row.set_over_capacity(m.has_capacity && m.committed + m.planned > m.capacity + kEffortSlack);
  }
  return rows;
}

}  // namespace contactplan::portfolio
