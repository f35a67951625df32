#include "crm/crm_values.h"

#include <algorithm>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "contactplan/validation.h"
#include "model/time.h"

namespace contactplan::crm {

std::optional<google::protobuf::Timestamp> ParseCrmTime(absl::string_view text) {
  absl::Time time;
  std::string error;
  if (absl::ParseTime("%Y-%m-%d", std::string(text), absl::UTCTimeZone(), &time, &error) ||
      absl::ParseTime(absl::RFC3339_full, std::string(text), absl::UTCTimeZone(), &time, &error)) {
    return model::ToTimestamp(time);
  }
  return std::nullopt;
}

std::optional<double> ParseAmount(absl::string_view text) {
  double value = 0;
  if (text.empty() || !absl::SimpleAtod(text, &value) || !(value >= 0) || value > 1e15) {
    return std::nullopt;
  }
  return value;
}

void ReadDealValues(const CrmTable& table, size_t row, absl::string_view amount,
                    absl::string_view close_date, v1::Opportunity& opportunity,
                    ImportErrors& errors) {
  if (const absl::string_view text = table.Text(row, amount); !text.empty()) {
    if (const std::optional<double> value = ParseAmount(text)) {
      opportunity.set_value(*value);
    } else {
      errors.Add(absl::StrCat(table.Where(row, amount), amount, " \"", text,
                              "\" is not a plain number (such as 125000.50)"));
    }
  }
  if (const absl::string_view text = table.Text(row, close_date); !text.empty()) {
    if (const auto at = ParseCrmTime(text)) {
      *opportunity.mutable_expected_close_at() = *at;
    } else {
      errors.Add(absl::StrCat(table.Where(row, close_date), close_date, " \"", text,
                              "\" is not a date (YYYY-MM-DD or RFC 3339)"));
    }
  }
}

absl::StatusOr<v1::Plan> Validated(v1::Plan plan) {
  const std::vector<ValidationProblem> problems = ValidatePlan(plan);
  if (!problems.empty()) return ValidationStatus(problems);
  return plan;
}

void ApplyRole(const RoleMeaning& meaning, v1::Person& person, v1::Participant& participant) {
  if (meaning.buyer_role != v1::Person::BUYER_ROLE_UNSPECIFIED) {
    const auto& roles = person.buyer_roles();
    if (std::find(roles.begin(), roles.end(), meaning.buyer_role) == roles.end()) {
      person.add_buyer_roles(meaning.buyer_role);
    }
  }
  // A contact listed with several roles keeps the first buying role and preference given.
  if (meaning.buying_role != v1::Participant::BUYING_ROLE_UNSPECIFIED &&
      participant.buying_role() == v1::Participant::BUYING_ROLE_UNSPECIFIED) {
    participant.set_buying_role(meaning.buying_role);
  }
  if (meaning.preference != v1::PREFERENCE_UNSPECIFIED &&
      participant.preference() == v1::PREFERENCE_UNSPECIFIED) {
    participant.set_preference(meaning.preference);
  }
}

}  // namespace contactplan::crm
