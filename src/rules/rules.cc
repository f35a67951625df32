#include "rules/rules.h"

#include <span>
#include <string_view>
#include <utility>

#include "base/permute.h"
#include "rules/rule.h"

namespace contactplan::rules {

std::vector<Finding> EvaluateRules(const model::Context& context, const model::InfluenceWeb& web) {
  std::vector<uint32_t> order;
  std::vector<Finding> findings = EvaluateRules(context, web, &order);
  PermuteInPlace(std::span<Finding>(findings), order);
  return findings;
}

std::vector<Finding> EvaluateRules(const model::Context& context, const model::InfluenceWeb& web,
                                   std::vector<uint32_t>* order) {
  const RuleInput input{context, web};
  std::vector<Finding> findings;
  // Most findings are about one cell or one person: room for one per relationship up front spares
  // a large account the moves of growing through a dozen doublings (168 bytes a finding).
  findings.reserve(static_cast<size_t>(context.index.relationship_count()));
  FindingSink sink(&findings);
  // Rules run in catalogue order and each emits in plan order; the sink's order groups them by
  // severity, which gives the documented output order.
  for (const Rule* rule : AllRules()) {
    const std::string_view code = rule->info.code;
    // Debian's Abseil has its own string_view, which does not convert from std::string_view.
    if (context.settings.disabled_rules.contains(absl::string_view(code.data(), code.size()))) {
      continue;
    }
    if (rule->needs_now && !context.now) continue;
    sink.set_rule(rule);
    rule->evaluate(input, sink);
  }
  *order = std::move(sink).SeverityOrder();
  return findings;
}

void EvaluateRules(const model::Context& context, const model::InfluenceWeb& web,
                   google::protobuf::RepeatedPtrField<v1::Finding>* findings) {
  for (Finding& finding : EvaluateRules(context, web)) {
    WriteFinding(context, finding, /*include_message=*/true, findings->Add());
  }
}

}  // namespace contactplan::rules
