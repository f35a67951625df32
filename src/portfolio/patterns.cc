#include "portfolio/patterns.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "contactplan/rule_catalogue.h"

namespace contactplan::portfolio {
namespace {

// What a rule says about an account, as a predicate for "N of M accounts ...": plural and singular.
struct Phrase {
  std::string_view code;
  std::string_view plural;
  std::string_view singular;
};

constexpr Phrase kPhrases[] = {
    {"UNCOVERED_PERSON", "have a person nobody covers", "has a person nobody covers"},
    {"WEAK_RELATIONSHIP", "have relationships below Satisfied",
     "has relationships below Satisfied"},
    {"SINGLE_THREADED_PERSON", "have people who matter held by one thread",
     "has people who matter held by one thread"},
    {"NO_THREAD_PERSON", "have people who matter without a thread",
     "has people who matter without a thread"},
    {"OVER_COVERED_PERSON", "have people covered by more than three of us",
     "has people covered by more than three of us"},
    {"SENIORITY_MISMATCH", "have senior people covered only from well below",
     "has senior people covered only from well below"},
    {"TRUST_INFLATION", "grade too many relationships Trust",
     "grades too many relationships Trust"},
    {"TOO_FEW_OPEN", "have too few Open relationships", "has too few Open relationships"},
    {"STALE_ASSESSMENT", "have stale assessments", "has stale assessments"},
    {"SINGLE_THREADED_ACCOUNT", "are single-threaded", "is single-threaded"},
    {"BELOW_3X3", "do not meet 3x3", "does not meet 3x3"},
    {"NPS_DETRACTOR", "have NPS detractors", "has NPS detractors"},
    {"NPS_DECLINING", "have a declining NPS", "has a declining NPS"},
    {"COMPETITIVE_RELATIONSHIP", "have competitive relationships", "has competitive relationships"},
    {"NO_POWER_BUYER_IDENTIFIED", "have no power buyer identified",
     "has no power buyer identified"},
    {"NO_POWER_ACCESS", "have no access to power", "has no access to power"},
    {"NO_EVANGELIST", "have no evangelist", "has no evangelist"},
    {"RELATIONSHIP_GAP", "have relationship-level gaps", "has relationship-level gaps"},
    {"LARGE_RELATIONSHIP_GAP", "have large relationship-level gaps",
     "has large relationship-level gaps"},
    {"BELOW_CREDIBLE_SOURCE", "have people who see us as a vendor",
     "has people who see us as a vendor"},
    {"OVER_INVESTED", "invest above what relationships need",
     "invests above what relationships need"},
    {"NEUTRAL_AS_NON_SUPPORTER", "have neutral buyers", "has neutral buyers"},
    {"PREFERENCE_GAP", "have preference gaps in a deal", "has preference gaps in a deal"},
    {"DECISION_MAKER_NOT_SUPPORTIVE", "have decision makers who are not supportive",
     "has decision makers who are not supportive"},
    {"NO_MENTOR", "have an open deal without a mentor", "has an open deal without a mentor"},
    {"ENEMY_IN_BUYING_GROUP", "have an enemy in a buying group", "has an enemy in a buying group"},
    {"LATE_PREFERRED_STRATEGY", "claim a preferred strategy too late",
     "claims a preferred strategy too late"},
    {"QUALIFICATION_INCOMPLETE", "have deals not fully qualified", "has deals not fully qualified"},
    {"NO_BLUEPRINT", "have no contact blueprint", "has no contact blueprint"},
    {"MISSING_BLUEPRINT", "leave key people out of the blueprint",
     "leaves key people out of the blueprint"},
    {"GOAL_SKIPS_LEVELS", "have goals that skip grades", "has goals that skip grades"},
    {"NO_INFLUENCE_STRATEGY", "have blueprint entries without a strategy",
     "has blueprint entries without a strategy"},
    {"SALES_TACTIC", "have sales tactics in the blueprint", "has sales tactics in the blueprint"},
    {"SALES_PLAN", "have a sales plan, not a relationship plan",
     "has a sales plan, not a relationship plan"},
    {"CHAMPION_LEFT", "have lost a champion", "has lost a champion"},
    {"OWNER_LEFT", "have relationships held by someone who left",
     "has relationships held by someone who left"},
    {"GRADE_FALLING", "have falling grades", "has falling grades"},
    {"GRADE_NOT_BORNE_OUT", "have Open or Trust grades not borne out by contact",
     "has Open or Trust grades not borne out by contact"},
    {"ONE_WAY_CONTACT", "have one-way contact", "has one-way contact"},
};

}  // namespace

std::string PatternMessage(std::string_view code, int count, int total) {
  const std::string head =
      absl::StrCat(count, " of ", total, total == 1 ? " account " : " accounts ");
  for (const Phrase& phrase : kPhrases) {
    if (phrase.code == code)
      return absl::StrCat(head, std::string(count == 1 ? phrase.singular : phrase.plural));
  }
  // A rule added after this table: name it rather than guess a sentence.
  return absl::StrCat(head, count == 1 ? "has " : "have ", std::string(code), " findings");
}

void PatternTally::AddAccount(int plan_index, const std::string& account,
                              const v1::Analysis& analysis) {
  ++accounts_;
  absl::flat_hash_set<std::string_view> seen;
  // finding_counts, not the findings list: a code fires in the account even when max_findings
  // left all its findings out of the list.
  for (const v1::FindingCount& count : analysis.finding_counts()) {
    if (count.total() > 0 && seen.insert(count.code()).second) {
      accounts_by_code_[count.code()].emplace_back(plan_index, account);
    }
  }
}

std::vector<v1::PortfolioPattern> PatternTally::Patterns() const {
  struct Entry {
    size_t count, order;
    const std::string* code;
    const std::vector<std::pair<int, std::string>>* accounts;
  };
  // Position in the rule catalogue, indexed once; codes it does not know sort after all of them.
  const auto catalogue = RuleCatalogue();
  absl::flat_hash_map<std::string_view, size_t> catalogue_order;
  for (size_t i = 0; i < catalogue.size(); ++i) catalogue_order.emplace(catalogue[i].code, i);
  std::vector<Entry> entries;
  entries.reserve(accounts_by_code_.size());
  for (const auto& [code, accounts] : accounts_by_code_) {
    auto order = catalogue_order.find(code);
    entries.push_back({accounts.size(),
                       order == catalogue_order.end() ? catalogue.size() : order->second, &code,
                       &accounts});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(b.count, a.order, *a.code) < std::tie(a.count, b.order, *b.code);
  });
  std::vector<v1::PortfolioPattern> patterns;
  patterns.reserve(entries.size());
  for (const Entry& e : entries) {
    v1::PortfolioPattern& pattern = patterns.emplace_back();
    pattern.set_code(*e.code);
    std::vector<std::pair<int, std::string>> in_plan_order = *e.accounts;
    std::sort(in_plan_order.begin(), in_plan_order.end());
    for (const auto& [index, account] : in_plan_order) pattern.add_accounts(account);
    pattern.set_message(PatternMessage(*e.code, static_cast<int>(e.count), accounts_));
  }
  return patterns;
}

}  // namespace contactplan::portfolio
