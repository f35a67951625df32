#include "rules/rules_test_support.h"

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "model/context.h"
#include "model/plan_index.h"
#include "model/time.h"
#include "options/settings.h"
#include "rules/rules.h"
#include "support/text_plan.h"

namespace contactplan::v1 {
void PrintTo(const Finding& finding, std::ostream* os) { *os << finding.ShortDebugString(); }
}  // namespace contactplan::v1

namespace contactplan::testing {

absl::Time Now() { return absl::FromUnixSeconds(1717200000); }  // 2024-06-01T00:00:00Z

absl::Time DaysAgo(double days) { return Now() - absl::Hours(24 * days); }

std::vector<v1::Finding> Evaluate(const v1::Plan& plan, const RuleRun& run) {
  absl::StatusOr<Settings> settings = ResolveSettings(OptionsFromText(run.options));
  if (!settings.ok()) {
    ADD_FAILURE() << "bad options: " << settings.status();
    return {};
  }
  // The run's "now" also decides who has left.
  const model::PlanIndex index(plan, run.now);
  const model::Context context{index, *settings, run.now};
  google::protobuf::RepeatedPtrField<v1::Finding> findings;
  rules::EvaluateRules(context, run.web, &findings);
  return {findings.begin(), findings.end()};
}

std::vector<v1::Finding> Evaluate(std::string_view plan_text, const RuleRun& run) {
  return Evaluate(PlanFromText(plan_text), run);
}

std::vector<v1::Finding> WithCode(const std::vector<v1::Finding>& findings, std::string_view code) {
  std::vector<v1::Finding> matching;
  for (const v1::Finding& finding : findings) {
    if (finding.code() == code) matching.push_back(finding);
  }
  return matching;
}

v1::Finding Only(const std::vector<v1::Finding>& findings, std::string_view code) {
  std::vector<v1::Finding> matching = WithCode(findings, code);
  if (matching.size() != 1) {
    ADD_FAILURE() << "expected exactly one " << code << " finding, got " << matching.size();
    return {};
  }
  return matching[0];
}

std::vector<std::string> Codes(const std::vector<v1::Finding>& findings) {
  std::vector<std::string> codes;
  codes.reserve(findings.size());
  for (const v1::Finding& finding : findings) codes.push_back(finding.code());
  return codes;
}

double NumberOf(const v1::Finding& finding, std::string_view name) {
  for (const v1::Measure& measure : finding.numbers()) {
    if (measure.name() == name) return measure.value();
  }
  ADD_FAILURE() << finding.code() << " finding has no number \"" << name << "\"";
  return -1e300;
}

void SetTime(google::protobuf::Timestamp* field, absl::Time t) { *field = model::ToTimestamp(t); }

}  // namespace contactplan::testing
