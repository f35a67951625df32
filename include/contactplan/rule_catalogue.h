// The rule catalogue (docs/rules.md): what `contactplan rules` prints.
#ifndef CONTACTPLAN_RULE_CATALOGUE_H_
#define CONTACTPLAN_RULE_CATALOGUE_H_

#include <span>
#include <string_view>

namespace contactplan {

// One rule of the catalogue. Every view points into static storage and stays valid for the life of
// the program.
struct RuleInfo {
  // e.g. "UNCOVERED_PERSON": part of the public interface (Finding.code, disabled_rules); never
  // renamed.
  std::string_view code;
  // The condition, one sentence, with the default thresholds (each is an engine option).
  std::string_view fires_when;
  // e.g. "WARNING; CRITICAL if key".
  std::string_view severity;
  // One paragraph, no line breaks: why it matters and what to do.
  std::string_view explanation;
};

// The catalogue: the rules of docs/rules.md, in catalogue order, which is also the order findings of equal
// severity appear in an analysis. The same span every call; static storage, never allocates;
// thread-safe.
std::span<const RuleInfo> RuleCatalogue();

}  // namespace contactplan

#endif  // CONTACTPLAN_RULE_CATALOGUE_H_
