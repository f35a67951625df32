// What one rule of the catalogue (docs/rules.md) is, and how it reports findings.
//
// A rule is a constant: its catalogue entry (code, condition, severity, explanation) and a function
// over the plan index that emits findings through a FindingSink. Each family file (coverage_rules.cc,
// nps_rules.cc ...) defines its rules; registry.cc lists them once, in catalogue order.
#ifndef CONTACTPLAN_SRC_RULES_RULE_H_
#define CONTACTPLAN_SRC_RULES_RULE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contactplan/rule_catalogue.h"
#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"
#include "model/influence_web.h"
#include "rules/finding.h"

namespace contactplan::rules {

// Everything a rule reads. The web is computed before the rules run (SINGLE_THREADED_ACCOUNT and
// BELOW_3X3 read it); everything else comes from the index, never from scanning the plan's lists.
struct RuleInput {
  const model::Context& context;
  const model::InfluenceWeb& web;

  const model::PlanIndex& index() const { return context.index; }
  const Settings& settings() const { return context.settings; }
};

class FindingSink;

// Which cells of the contact map a finding speaks for, when recommendations explain why a cell
// deserves work (a key intersection's reason codes, and its urgency).
enum class ReasonScope {
  kNone,       // the rule never explains a key intersection
  kBlankCell,  // about the person's coverage: only a new relationship answers it
  kThisCell,   // about one intersection: the finding names the person and the team member
  kPerson,     // about the person: any of their cells can answer it
  kStepToOpen  // account-wide shortage of OPEN: every step from SATISFIED to OPEN answers it
};

// Whom a finding that names no person speaks for. A finding naming an opportunity (NO_MENTOR)
// always speaks for its participants; this says who else.
enum class ReasonFallback {
  kNobody,
  kPowerBuyers  // every person holding the POWER buyer role
};

// What a rule tells the recommendations (docs/recommendations.md#urgency): the rule carries it, so
// that adding a rule is its own file, one registry line and its docs.
struct RuleReason {
  ReasonScope scope = ReasonScope::kNone;
  // How much a finding adds to the urgency of the cells it speaks for is tuning, not definition:
  // tuning.recommend.reason_urgency.<code in lower case> (docs/tuning.md).
  ReasonFallback without_persons = ReasonFallback::kNobody;
};

struct Rule {
  RuleInfo info;
  // Rules that compare against "now" are skipped when the analysis has no time at all.
  bool needs_now;
  void (*evaluate)(const RuleInput& input, FindingSink& sink);
  RuleReason reason = {};
  // For a rule whose findings would each name many team members that the plan index can name
  // again (OVER_COVERED_PERSON: every holder of the person), the members are named only when a
  // finding is written, appended to *members, instead of held in every record (a large account
  // raises thousands of such findings, most never listed). Null: the finding's own `members`.
  void (*write_members)(const model::Context& context, const Finding& finding,
                        std::vector<model::MemberIx>* members) = nullptr;
};

// The team members `finding` names: its own, or those its rule names when it is written
// (Rule::write_members), then in *scratch.
std::span<const model::MemberIx> NamedMembers(const model::Context& context, const Finding& finding,
                                              std::vector<model::MemberIx>* scratch);

// The whole catalogue in catalogue order (the table in registry.cc).
std::span<const Rule* const> AllRules();

// Fills one finding. Valid only until the sink's next Add: use it in one chained expression.
class FindingBuilder {
 public:
  explicit FindingBuilder(Finding& finding) : finding_(finding) {}

  // The persons, team members and opportunity the finding concerns; kNone is ignored so callers
  // need not test for it.
  FindingBuilder& Person(model::PersonIx p);
  FindingBuilder& Member(model::MemberIx m);
  FindingBuilder& Opportunity(model::OpportunityIx o);
  // A named number behind the finding (graded_intersections, trust_share, days_since_contact ...):
  // `name` must be a string literal (docs/rules.md lists each code's numbers).
  FindingBuilder& Number(const char* name, double value);
  // The field path of the one plan element concerned, e.g. "relationships[3]".
  FindingBuilder& Path(std::string path);
  // The same path kept as indices and spelled only if the finding is listed (and readable by the
  // rule's MessageWriter through Finding::at): persons[p], relationships[r], opportunities[o],
  // opportunities[o].participants[i], blueprint[e], blueprint[e].tactics[t].
  FindingBuilder& AtPerson(model::PersonIx p);
  FindingBuilder& AtRelationship(model::RelationshipIx r);
  FindingBuilder& AtOpportunity(model::OpportunityIx o);
  FindingBuilder& AtParticipant(model::OpportunityIx o, int32_t participant);
  FindingBuilder& AtBlueprint(int32_t entry);
  FindingBuilder& AtTactic(int32_t entry, int32_t tactic);

 private:
  Finding& finding_;
};

// Appends the findings of one evaluation to a list of typed findings. The output order (severity
// first, then catalogue order, then plan order) falls out of the order the rules run in:
// SeverityOrder() groups the appended findings by severity, keeping their order otherwise.
class FindingSink {
 public:
  explicit FindingSink(std::vector<Finding>* out) : out_(out), first_(out->size()) {}

  // The rule whose findings follow.
  void set_rule(const Rule* rule) { rule_ = rule; }
  // A finding whose sentence is composed now.
  FindingBuilder Add(v1::Severity severity, std::string message);
  // A finding whose sentence `writer` composes later from the finding's parts, only if the
  // analysis lists it and the host asked for messages (finding.h). Everything the sentence needs
  // must then be in the finding: give it with the builder.
  FindingBuilder Add(v1::Severity severity, MessageWriter writer);

  // The positions of what this sink appended (from 0) in the analysis' order: CRITICAL first,
  // each severity in the order it was added.
  std::vector<uint32_t> SeverityOrder() &&;

 private:
  std::vector<Finding>* out_;
  size_t first_;  // where this sink's findings start in *out_
  const Rule* rule_ = nullptr;
  // The severity of each appended finding, in order: SeverityOrder groups by severity reading
  // these bytes instead of the 168-byte findings.
  std::vector<uint8_t> severities_;
};

// How findings name things: people read names, not ids. Each falls back to the id when the plan
// gives no name.
// "Dana Reyes (CFO)", or "Dana Reyes" without a title.
std::string PersonLabel(const model::PlanIndex& index, model::PersonIx p);
// Appends PersonLabel(index, p) to `*out`: a sentence that starts with the label writes it in place
// instead of copying it from a temporary (one heap block fewer per sentence).
void AppendPersonLabel(const model::PlanIndex& index, model::PersonIx p, std::string* out);
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
