// What one rule of the catalogue (SPEC §5) is, and how it reports findings.
//
// A rule is a constant: its catalogue entry (code, condition, severity, explanation) and a function
// over the plan index that emits findings through a FindingSink. Each family file (coverage_rules.cc,
// nps_rules.cc ...) defines its rules; registry.cc lists them once, in SPEC order.
#ifndef CONTACTPLAN_SRC_RULES_RULE_H_
#define CONTACTPLAN_SRC_RULES_RULE_H_

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contactplan/rule_catalogue.h"
#include "contactplan/v1/analysis.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/context.h"

namespace contactplan::rules {

// Everything a rule reads. The web is computed before the rules run (SINGLE_THREADED_ACCOUNT and
// BELOW_3X3 read it); everything else comes from the index, never from scanning the plan's lists.
struct RuleInput {
  const model::Context& context;
  const v1::Web& web;

  const model::PlanIndex& index() const { return context.index; }
  const Settings& settings() const { return context.settings; }
};

class FindingSink;

struct Rule {
  RuleInfo info;
  // Rules that compare against "now" are skipped when the analysis has no time at all.
  bool needs_now;
  void (*evaluate)(const RuleInput& input, FindingSink& sink);
};

// The whole catalogue in SPEC order (the table in registry.cc).
std::span<const Rule* const> AllRules();

// Fills one finding. Valid only until the sink's next Add: use it in one chained expression.
class FindingBuilder {
 public:
  FindingBuilder(const model::PlanIndex& index, v1::Finding& finding)
      : index_(index), finding_(finding) {}

  // The ids the finding concerns; kNone is ignored so callers need not test for it.
  FindingBuilder& Person(model::PersonIx p);
  FindingBuilder& Member(model::MemberIx m);
  FindingBuilder& Opportunity(model::OpportunityIx o);
  // A named number behind the finding (graded_intersections, trust_share, days_since_contact ...).
  FindingBuilder& Number(std::string_view name, double value);
  // The field path of the one plan element concerned, e.g. "relationships[3]".
  FindingBuilder& Path(std::string path);

 private:
  const model::PlanIndex& index_;
  v1::Finding& finding_;
};

// Appends the findings of one evaluation to a repeated field, allocating them where the field lives
// (the analysis's arena, when it has one, so a large account's findings cost no malloc each). The
// output order (severity first, then catalogue order, then plan order) falls out of the order the
// rules run in: Finish() groups the appended findings by severity, keeping their order otherwise,
// with no sort and no copy.
class FindingSink {
 public:
  FindingSink(const model::PlanIndex& index, google::protobuf::RepeatedPtrField<v1::Finding>* out)
      : index_(index), out_(out), first_(out->size()) {}

  // The rule whose findings follow.
  void set_code(std::string_view code) { code_ = code; }
  FindingBuilder Add(v1::Severity severity, std::string message);

  // Reorders what this sink appended: CRITICAL first; each severity in the order it was added.
  void Finish() &&;

 private:
  const model::PlanIndex& index_;
  google::protobuf::RepeatedPtrField<v1::Finding>* out_;
  int first_;  // where this sink's findings start in *out_
  std::string_view code_;
  std::array<std::vector<v1::Finding*>, 4> by_severity_;  // index = v1::Severity
};

// How findings name things: people read names, not ids. Each falls back to the id when the plan
// gives no name.
// "Dana Reyes (CFO)", or "Dana Reyes" without a title.
std::string PersonLabel(const model::PlanIndex& index, model::PersonIx p);
// "Sam Lee".
std::string MemberLabel(const model::PlanIndex& index, model::MemberIx m);
// "opportunity \"ERP renewal\"" (no article: callers write "the" or "The" as the sentence needs).
std::string OpportunityLabel(const model::PlanIndex& index, model::OpportunityIx o);
// "A", "A and B", "A, B and C": lists in messages read as English.
std::string ListOf(const std::vector<std::string>& items);

// Words for enum values in messages: "Trust", "Motivated to change", "Credible Source" ... (plain C
// strings: Debian's absl::StrCat does not take std::string_view).
const char* GradeWord(v1::Grade grade);
const char* LevelWord(v1::Level level);
const char* RelationshipLevelWord(v1::RelationshipLevel level);
const char* PreferenceWord(v1::Preference preference);
const char* BuyingRoleWord(v1::Participant::BuyingRole role);

// Field paths of plan elements.
std::string PersonPath(model::PersonIx p);
std::string RelationshipPath(model::RelationshipIx r);
std::string OpportunityPath(model::OpportunityIx o);
std::string ParticipantPath(model::OpportunityIx o, int32_t participant);
std::string BlueprintPath(int32_t entry);
std::string TacticPath(int32_t entry, int32_t tactic);

}  // namespace contactplan::rules

#endif  // CONTACTPLAN_SRC_RULES_RULE_H_
