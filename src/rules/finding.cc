#include "rules/finding.h"

#include <utility>

#include "rules/rule.h"

namespace contactplan::rules {

std::string FindingPath::Spelled() const {
  switch (kind) {
    case Kind::kNone: return std::string();
    case Kind::kPerson: return PersonPath(at[0]);
    case Kind::kRelationship: return RelationshipPath(at[0]);
    case Kind::kOpportunity: return OpportunityPath(at[0]);
    case Kind::kParticipant: return ParticipantPath(at[0], at[1]);
    case Kind::kBlueprint: return BlueprintPath(at[0]);
    case Kind::kTactic: return TacticPath(at[0], at[1]);
  }
  return std::string();
}

double Finding::number(std::string_view name) const {
  for (const FindingNumber& n : numbers) {
    if (std::string_view(n.name) == name) return n.value;
  }
  return 0;
}

bool Finding::has_number(std::string_view name) const {
  for (const FindingNumber& n : numbers) {
    if (std::string_view(n.name) == name) return true;
  }
  return false;
}

void WriteFinding(const model::Context& context, Finding& finding, bool include_message,
                  v1::Finding* out) {
  const model::PlanIndex& index = context.index;
  const std::string_view code = finding.rule->info.code;
  out->set_code(code.data(), code.size());
  out->set_severity(finding.severity);
  for (model::PersonIx p : finding.persons) out->add_person_ids(index.person(p).id());
  for (model::MemberIx m : finding.members) out->add_team_member_ids(index.member(m).id());
  if (finding.opportunity != model::kNone) {
    out->set_opportunity_id(index.plan().opportunities(finding.opportunity).id());
  }
  EagerText* text = finding.text.get();
  if (include_message) {
    if ((text == nullptr || text->message.empty()) && finding.write_message != nullptr) {
      // Composed straight into the message field (on the analysis' arena, if it has one).
      finding.write_message(context, finding, out->mutable_message());
    } else if (text != nullptr) {
      out->set_message(std::move(text->message));
    } else {
      out->set_message(std::string());
    }
  }
  for (const FindingNumber& number : finding.numbers) {
    v1::Measure* measure = out->add_numbers();
    measure->set_name(number.name);
    measure->set_value(number.value);
  }
  if (text != nullptr && !text->path.empty()) {
    out->set_path(std::move(text->path));
  } else if (finding.at.kind != FindingPath::Kind::kNone) {
    out->set_path(finding.at.Spelled());
  }
}

}  // namespace contactplan::rules
