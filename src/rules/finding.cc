#include "rules/finding.h"

#include <utility>

#include "rules/rule.h"

namespace contactplan::rules {

void WriteFinding(const model::PlanIndex& index, Finding& finding, bool include_message,
                  v1::Finding* out) {
  const std::string_view code = finding.rule->info.code;
  out->set_code(code.data(), code.size());
  out->set_severity(finding.severity);
  for (model::PersonIx p : finding.persons) out->add_person_ids(index.person(p).id());
  for (model::MemberIx m : finding.members) out->add_team_member_ids(index.member(m).id());
  if (finding.opportunity != model::kNone) {
    out->set_opportunity_id(index.plan().opportunities(finding.opportunity).id());
  }
  if (include_message) out->set_message(std::move(finding.message));
  for (const FindingNumber& number : finding.numbers) {
    v1::Measure* measure = out->add_numbers();
    measure->set_name(number.name.data(), number.name.size());
    measure->set_value(number.value);
  }
  if (!finding.path.empty()) out->set_path(std::move(finding.path));
}

}  // namespace contactplan::rules
