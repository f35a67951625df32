#include "rules/rules.h"

#include <string_view>
#include <utility>

#include "rules/rule.h"

namespace contactplan::rules {

void EvaluateRules(const model::Context& context, const v1::Web& web,
                   google::protobuf::RepeatedPtrField<v1::Finding>* findings) {
  const RuleInput input{context, web};
  FindingSink sink(context.index, findings);
  // Rules run in catalogue order and each emits in plan order; the sink buckets by severity, which
  // gives the documented output order without sorting.
  for (const Rule* rule : AllRules()) {
    const std::string_view code = rule->info.code;
    // Debian's Abseil has its own string_view, which does not convert from std::string_view.
    if (context.settings.disabled_rules.contains(absl::string_view(code.data(), code.size()))) {
      continue;
    }
    if (rule->needs_now && !context.now) continue;
    sink.set_code(rule->info.code);
    rule->evaluate(input, sink);
  }
  std::move(sink).Finish();
}

}  // namespace contactplan::rules
