// Shared by the rule tests: run the catalogue over a tiny plan and pick out findings.
#ifndef CONTACTPLAN_TESTS_RULES_RULES_TEST_SUPPORT_H_
#define CONTACTPLAN_TESTS_RULES_RULES_TEST_SUPPORT_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "model/influence_web.h"

namespace contactplan::v1 {
// Findings print as one line of text format in failure messages (found by argument-dependent lookup).
void PrintTo(const Finding& finding, std::ostream* os);
}  // namespace contactplan::v1

namespace contactplan::testing {

// A fixed "now" for time-based rules: 2024-06-01T00:00:00Z.
absl::Time Now();
// `days` whole days before Now() (negative: after).
absl::Time DaysAgo(double days);

struct RuleRun {
  std::string options = "";             // EngineOptions in text format
  std::optional<absl::Time> now = {};   // unset: time-based rules are skipped
  model::InfluenceWeb web = {};         // computed by another stage; tests state it by hand
};

// EvaluateRules over a validated-looking plan: builds the PlanIndex, resolves the options (failing
// the test if they are invalid) and runs every enabled rule.
std::vector<v1::Finding> Evaluate(const v1::Plan& plan, const RuleRun& run = {});
std::vector<v1::Finding> Evaluate(std::string_view plan_text, const RuleRun& run = {});

// The findings with `code`, in output order.
std::vector<v1::Finding> WithCode(const std::vector<v1::Finding>& findings, std::string_view code);
// The one finding with `code`; fails the test (and returns an empty finding) unless there is
// exactly one.
v1::Finding Only(const std::vector<v1::Finding>& findings, std::string_view code);
// Codes in output order.
std::vector<std::string> Codes(const std::vector<v1::Finding>& findings);
// The value of a named number; fails the test when the finding does not carry it.
double NumberOf(const v1::Finding& finding, std::string_view name);

// Sets a timestamp field from absl::Time.
void SetTime(google::protobuf::Timestamp* field, absl::Time t);

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_RULES_RULES_TEST_SUPPORT_H_
