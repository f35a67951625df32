#include "rules/rule.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/quoted.h"

namespace contactplan::rules {
namespace {

// Names and titles are echoed in labels at most this long (docs/limits.md, memory): findings and
// recommendations repeat a person's label many times.
constexpr size_t kLabelBytes = 120;

// The display name, or the id when the plan gives no name, shortened for a label.
std::string NameOr(const std::string& name, const std::string& id) {
  return base::Shortened(name.empty() ? id : name, kLabelBytes);
}

}  // namespace

FindingBuilder& FindingBuilder::Person(model::PersonIx p) {
  if (p != model::kNone) finding_.persons.push_back(p);
  return *this;
}

FindingBuilder& FindingBuilder::Member(model::MemberIx m) {
  if (m != model::kNone) finding_.members.push_back(m);
  return *this;
}

FindingBuilder& FindingBuilder::Opportunity(model::OpportunityIx o) {
  if (o != model::kNone) finding_.opportunity = o;
  return *this;
}

FindingBuilder& FindingBuilder::Number(const char* name, double value) {
  finding_.numbers.push_back({name, value});
  return *this;
}

FindingBuilder& FindingBuilder::Path(std::string path) {
  if (finding_.text == nullptr) finding_.text = std::make_unique<EagerText>();
  finding_.text->path = std::move(path);
  return *this;
}

FindingBuilder& FindingBuilder::AtPerson(model::PersonIx p) {
  finding_.at = {FindingPath::Kind::kPerson, {p, 0}};
  return *this;
}

FindingBuilder& FindingBuilder::AtRelationship(model::RelationshipIx r) {
  finding_.at = {FindingPath::Kind::kRelationship, {r, 0}};
  return *this;
}

FindingBuilder& FindingBuilder::AtOpportunity(model::OpportunityIx o) {
  finding_.at = {FindingPath::Kind::kOpportunity, {o, 0}};
  return *this;
}

FindingBuilder& FindingBuilder::AtParticipant(model::OpportunityIx o, int32_t participant) {
  finding_.at = {FindingPath::Kind::kParticipant, {o, participant}};
  return *this;
}

FindingBuilder& FindingBuilder::AtBlueprint(int32_t entry) {
  finding_.at = {FindingPath::Kind::kBlueprint, {entry, 0}};
  return *this;
}

FindingBuilder& FindingBuilder::AtTactic(int32_t entry, int32_t tactic) {
  finding_.at = {FindingPath::Kind::kTactic, {entry, tactic}};
  return *this;
}

FindingBuilder FindingSink::Add(v1::Severity severity, MessageWriter writer) {
  severities_.push_back(static_cast<uint8_t>(severity));
  Finding& finding = out_->emplace_back();
  finding.rule = rule_;
  finding.severity = severity;
  finding.write_message = writer;
  return FindingBuilder(finding);
}

FindingBuilder FindingSink::Add(v1::Severity severity, std::string message) {
  severities_.push_back(static_cast<uint8_t>(severity));
  Finding& finding = out_->emplace_back();
  finding.rule = rule_;
  finding.severity = severity;
  if (!message.empty()) finding.text = std::make_unique<EagerText>(EagerText{std::move(message), {}});
  return FindingBuilder(finding);
}

std::vector<uint32_t> FindingSink::SeverityOrder() && {
  // Grouped by severity (four values), CRITICAL first, each severity in the order its findings
  // were added: worked out from the severity bytes, one pass per severity present. The findings
  // stay where they are and are read through the order (moving the 66,000 records of a large
  // account into it cost 2% of its analysis; a comparison sort of them had cost 7%).
  const size_t n = out_->size() - first_;
  std::array<bool, 4> present{};  // by v1::Severity
  for (uint8_t severity : severities_) present[severity] = true;
  std::vector<uint32_t> order;
  order.reserve(n);
  for (int s = v1::CRITICAL; s >= v1::SEVERITY_UNSPECIFIED; --s) {
    if (!present[s]) continue;
    for (uint32_t k = 0; k < n; ++k) {
      if (severities_[k] == s) order.push_back(k);
    }
  }
  std::vector<uint8_t>().swap(severities_);
  return order;
}

std::span<const model::MemberIx> NamedMembers(const model::Context& context, const Finding& finding,
                                              std::vector<model::MemberIx>* scratch) {
  if (finding.rule == nullptr || finding.rule->write_members == nullptr) {
    return {finding.members.data(), finding.members.size()};
  }
  scratch->clear();
  finding.rule->write_members(context, finding, scratch);
  return *scratch;
}

std::string PersonLabel(const model::PlanIndex& index, model::PersonIx p) {
  std::string label;
  AppendPersonLabel(index, p, &label);
  return label;
}

void AppendPersonLabel(const model::PlanIndex& index, model::PersonIx p, std::string* out) {
  const v1::Person& person = index.person(p);
  const std::string& name = person.name().empty() ? person.id() : person.name();
  const std::string& title = person.title();
  // Sized once: one heap block for a label longer than 15 bytes (names and titles copied through
  // temporaries took three).
  out->reserve(out->size() + std::min(name.size(), kLabelBytes) +
               std::min(title.size(), kLabelBytes) + 10);
  base::AppendShortened(out, name, kLabelBytes);
  if (!title.empty()) {
    out->append(" (");
    base::AppendShortened(out, title, kLabelBytes);
    out->push_back(')');
  }
}

std::string MemberLabel(const model::PlanIndex& index, model::MemberIx m) {
  const v1::TeamMember& member = index.member(m);
  return NameOr(member.name(), member.id());
}

std::string OpportunityLabel(const model::PlanIndex& index, model::OpportunityIx o) {
  const v1::Opportunity& opportunity = index.plan().opportunities(o);
  const std::string& name = opportunity.name().empty() ? opportunity.id() : opportunity.name();
  std::string label;
  label.reserve(std::min(name.size(), kLabelBytes) + 20);
  label.append("opportunity \"");
  base::AppendShortened(&label, name, kLabelBytes);
  label.push_back('"');
  return label;
}

std::string ListOf(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? std::string() : items[0];
  std::string list;
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    absl::StrAppend(&list, i == 0 ? "" : ", ", items[i]);
  }
  absl::StrAppend(&list, " and ", items.back());
  return list;
}

const char* GradeWord(v1::Grade grade) {
  switch (grade) {
    case v1::MOTIVATED_TO_CHANGE: return "Motivated to change";
    case v1::DISSATISFIED: return "Dissatisfied";
    case v1::INDIFFERENT: return "Indifferent";
    case v1::SATISFIED: return "Satisfied";
    case v1::OPEN: return "Open";
    case v1::TRUST: return "Trust";
    default: return "blank";
  }
}

const char* LevelWord(v1::Level level) {
  switch (level) {
    case v1::OPERATIONAL: return "Operational";
    case v1::MIDDLE_MANAGEMENT: return "Middle management";
    case v1::SENIOR_MANAGEMENT: return "Senior management";
    case v1::EXECUTIVE: return "Executive";
    default: return "unknown level";
  }
}

const char* RelationshipLevelWord(v1::RelationshipLevel level) {
  switch (level) {
    case v1::VENDOR: return "Vendor";
    case v1::CREDIBLE_SOURCE: return "Credible Source";
    case v1::PROBLEM_SOLVER: return "Problem Solver";
    case v1::TRUSTED_ADVISOR: return "Trusted Advisor";
    default: return "unset";
  }
}

const char* PreferenceWord(v1::Preference preference) {
  switch (preference) {
    case v1::ENEMY: return "Enemy";
    case v1::NON_SUPPORTER: return "Non-Supporter";
    case v1::NEUTRAL: return "Neutral";
    case v1::SUPPORTER: return "Supporter";
    case v1::MENTOR: return "Mentor";
    default: return "unknown";
  }
}

const char* BuyingRoleWord(v1::Participant::BuyingRole role) {
  switch (role) {
    case v1::Participant::DECISION_MAKER: return "Decision Maker";
    case v1::Participant::APPROVER: return "Approver";
    case v1::Participant::EVALUATOR: return "Evaluator";
    case v1::Participant::USER: return "User";
    default: return "participant";
  }
}

// The eager paths, spelled by FindingPath as the deferred ones are.
std::string PersonPath(model::PersonIx p) {
  return FindingPath{FindingPath::Kind::kPerson, {p, 0}}.Spelled();
}
std::string RelationshipPath(model::RelationshipIx r) {
  return FindingPath{FindingPath::Kind::kRelationship, {r, 0}}.Spelled();
}
std::string OpportunityPath(model::OpportunityIx o) {
  return FindingPath{FindingPath::Kind::kOpportunity, {o, 0}}.Spelled();
}
std::string ParticipantPath(model::OpportunityIx o, int32_t participant) {
  return FindingPath{FindingPath::Kind::kParticipant, {o, participant}}.Spelled();
}
std::string BlueprintPath(int32_t entry) {
  return FindingPath{FindingPath::Kind::kBlueprint, {entry, 0}}.Spelled();
}
std::string TacticPath(int32_t entry, int32_t tactic) {
  return FindingPath{FindingPath::Kind::kTactic, {entry, tactic}}.Spelled();
}

}  // namespace contactplan::rules
