// The rule catalogue (SPEC §5): what `contactplan rules` prints.
#ifndef CONTACTPLAN_RULE_CATALOGUE_H_
#define CONTACTPLAN_RULE_CATALOGUE_H_

#include <span>
#include <string_view>

namespace contactplan {

struct RuleInfo {
  std::string_view code;         // e.g. "UNCOVERED_PERSON"
  std::string_view fires_when;   // the condition, one sentence
  std::string_view severity;     // e.g. "WARNING; CRITICAL if key"
  std::string_view explanation;  // one paragraph: why it matters and what to do
};

// The catalogue, in SPEC order. Static storage; thread-safe.
std::span<const RuleInfo> RuleCatalogue();

}  // namespace contactplan

#endif  // CONTACTPLAN_RULE_CATALOGUE_H_
