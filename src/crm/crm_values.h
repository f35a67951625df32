// Values both CRM imports read the same way: dates, amounts, booleans, and what a contact's role
// adds to a plan.
#ifndef CONTACTPLAN_SRC_CRM_CRM_VALUES_H_
#define CONTACTPLAN_SRC_CRM_CRM_VALUES_H_

#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "contactplan/v1/plan.pb.h"
#include "crm/crm_table.h"
#include "crm/crm_vocabulary.h"
#include "google/protobuf/timestamp.pb.h"

namespace contactplan::crm {

// "2024-09-30" (midnight UTC), or an RFC 3339 time ("2024-09-30T14:05:00.000Z"); nullopt otherwise.
std::optional<google::protobuf::Timestamp> ParseCrmTime(absl::string_view text);

// A plain decimal amount ("125000", "125000.50"); nullopt for anything else (no currency signs or
// thousands separators: exports write none).
std::optional<double> ParseAmount(absl::string_view text);

// Sets the opportunity's value and expected close from the `amount` and `close_date` columns of
// `row` (each may be empty); a value that does not parse is an error naming its cell.
void ReadDealValues(const CrmTable& table, size_t row, absl::string_view amount,
                    absl::string_view close_date, v1::Opportunity& opportunity,
                    ImportErrors& errors);

// `plan` when it is valid; else its validation problems, as ValidationStatus words them.
absl::StatusOr<v1::Plan> Validated(v1::Plan plan);

// Adds what `meaning` says to the person (its buyer role, once) and to their participation.
void ApplyRole(const RoleMeaning& meaning, v1::Person& person, v1::Participant& participant);

}  // namespace contactplan::crm

#endif  // CONTACTPLAN_SRC_CRM_CRM_VALUES_H_
