// Patterns across a portfolio: which rules fire in how many accounts, said the way an account
// director would ("7 of 20 accounts are single-threaded").
#ifndef CONTACTPLAN_SRC_PORTFOLIO_PATTERNS_H_
#define CONTACTPLAN_SRC_PORTFOLIO_PATTERNS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/portfolio.pb.h"

namespace contactplan::portfolio {

class PatternTally {
 public:
  // Counts each rule code once for the account `account` (however many findings it has there).
  // Accounts may come in any order: each pattern lists them by `plan_index`.
  void AddAccount(int plan_index, const std::string& account, const v1::Analysis& analysis);

  // One pattern per code that fired: most accounts first, then rule catalogue order (codes the
  // catalogue does not know last, alphabetically).
  std::vector<v1::PortfolioPattern> Patterns() const;

 private:
  int accounts_ = 0;
  absl::flat_hash_map<std::string, std::vector<std::pair<int, std::string>>> accounts_by_code_;
};

// "7 of 20 accounts are single-threaded": `count` accounts out of `total` where `code` fires.
std::string PatternMessage(std::string_view code, int count, int total);

}  // namespace contactplan::portfolio

#endif  // CONTACTPLAN_SRC_PORTFOLIO_PATTERNS_H_
