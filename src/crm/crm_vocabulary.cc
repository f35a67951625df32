#include "crm/crm_vocabulary.h"

#include <array>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"

namespace contactplan::crm {
namespace {

using v1::Participant;
using v1::Person;

constexpr auto kNoBuyerRole = Person::BUYER_ROLE_UNSPECIFIED;
constexpr auto kNoBuyingRole = Participant::BUYING_ROLE_UNSPECIFIED;
constexpr auto kNoPreference = v1::PREFERENCE_UNSPECIFIED;

// Salesforce's standard OpportunityContactRole.Role picklist. Economic buyers hold the budget
// (POWER, approvers); technical buyers and evaluators judge the solution (ADVISOR, evaluators);
// executive sponsors carry the change (EVANGELIST) and sign off; influencers advise.
constexpr std::array kSalesforceRoles = {
    RoleMeaning{"Business User", Person::USER, Participant::USER, kNoPreference},
    RoleMeaning{"Decision Maker", kNoBuyerRole, Participant::DECISION_MAKER, kNoPreference},
    RoleMeaning{"Economic Buyer", Person::POWER, Participant::APPROVER, kNoPreference},
    RoleMeaning{"Economic Decision Maker", Person::POWER, Participant::DECISION_MAKER,
                kNoPreference},
    RoleMeaning{"Evaluator", Person::ADVISOR, Participant::EVALUATOR, kNoPreference},
    RoleMeaning{"Executive Sponsor", Person::EVANGELIST, Participant::APPROVER, kNoPreference},
    RoleMeaning{"Influencer", Person::ADVISOR, kNoBuyingRole, kNoPreference},
    RoleMeaning{"Technical Buyer", Person::ADVISOR, Participant::EVALUATOR, kNoPreference},
    RoleMeaning{"Other", kNoBuyerRole, kNoBuyingRole, kNoPreference},
};

// Salesforce's default sales process (Opportunity.StageName).
constexpr std::array kSalesforceStages = {
    StageMeaning{"Prospecting", v1::PLANNING, false},
    StageMeaning{"Qualification", v1::PLANNING, false},
    StageMeaning{"Needs Analysis", v1::DETERMINE_NEEDS, false},
    StageMeaning{"Value Proposition", v1::DETERMINE_NEEDS, false},
    StageMeaning{"Id. Decision Makers", v1::EVALUATE_ALTERNATIVES, false},
    StageMeaning{"Perception Analysis", v1::EVALUATE_ALTERNATIVES, false},
    StageMeaning{"Proposal/Price Quote", v1::EVALUATE_RISK, false},
    StageMeaning{"Negotiation/Review", v1::NEGOTIATE_CLOSE, false},
    StageMeaning{"Closed Won", v1::OPPORTUNITY_STAGE_UNSPECIFIED, true},
    StageMeaning{"Closed Lost", v1::OPPORTUNITY_STAGE_UNSPECIFIED, true},
};

// Salesforce's activity types and subtypes (Task.Type, Task.TaskSubtype, Event.Type,
// Event.EventSubtype).
constexpr std::array kSalesforceActivityTypes = {
    ActivityMeaning{"Call", v1::Touch::CALL},
    ActivityMeaning{"Email", v1::Touch::EMAIL},
    ActivityMeaning{"ListEmail", v1::Touch::EMAIL},
    ActivityMeaning{"Send Letter", v1::Touch::MESSAGE},
    ActivityMeaning{"LinkedIn", v1::Touch::MESSAGE},
    ActivityMeaning{"Meeting", v1::Touch::MEETING},
    ActivityMeaning{"Event", v1::Touch::MEETING},
    ActivityMeaning{"Other", v1::Touch::KIND_UNSPECIFIED},
};

// Salesforce's Task.CallType.
constexpr std::array kSalesforceCallTypes = {
    CallTypeMeaning{"Inbound", v1::Touch::INBOUND},
    CallTypeMeaning{"Outbound", v1::Touch::OUTBOUND},
};

// HubSpot's standard contact property Buying Role. A champion sells for us when we are absent: the
// plan's MENTOR preference; a blocker works against the deal.
constexpr std::array kHubspotBuyingRoles = {
    RoleMeaning{"Blocker", kNoBuyerRole, kNoBuyingRole, v1::NON_SUPPORTER},
    RoleMeaning{"Budget Holder", Person::POWER, Participant::APPROVER, kNoPreference},
    RoleMeaning{"Champion", Person::EVANGELIST, kNoBuyingRole, v1::MENTOR},
    RoleMeaning{"Decision Maker", kNoBuyerRole, Participant::DECISION_MAKER, kNoPreference},
    RoleMeaning{"End User", Person::USER, Participant::USER, kNoPreference},
    RoleMeaning{"Executive Sponsor", Person::EVANGELIST, Participant::APPROVER, kNoPreference},
    RoleMeaning{"Influencer", Person::ADVISOR, kNoBuyingRole, kNoPreference},
    RoleMeaning{"Legal and compliance", Person::ADVISOR, Participant::EVALUATOR, kNoPreference},
    RoleMeaning{"Other", kNoBuyerRole, kNoBuyingRole, kNoPreference},
};

// HubSpot's default sales pipeline (Deal Stage).
constexpr std::array kHubspotDealStages = {
    StageMeaning{"Appointment Scheduled", v1::PLANNING, false},
    StageMeaning{"Qualified To Buy", v1::DETERMINE_NEEDS, false},
    StageMeaning{"Presentation Scheduled", v1::EVALUATE_ALTERNATIVES, false},
    StageMeaning{"Decision Maker Bought-In", v1::EVALUATE_RISK, false},
    StageMeaning{"Contract Sent", v1::NEGOTIATE_CLOSE, false},
    StageMeaning{"Closed Won", v1::OPPORTUNITY_STAGE_UNSPECIFIED, true},
    StageMeaning{"Closed Lost", v1::OPPORTUNITY_STAGE_UNSPECIFIED, true},
};

// Lower case letters and digits only: "Budget Holder", "BUDGET_HOLDER" and "budgetholder" (HubSpot's
// internal names drop or underscore the spaces) are one value.
std::string Folded(absl::string_view text) {
  std::string folded;
  for (char c : text) {
    if (absl::ascii_isalnum(c)) folded.push_back(absl::ascii_tolower(c));
  }
  return folded;
}

template <typename Entry>
const Entry* Find(std::span<const Entry> table, absl::string_view text) {
  const std::string wanted = Folded(text);
  if (wanted.empty()) return nullptr;
  for (const Entry& entry : table) {
    if (Folded(entry.value) == wanted) return &entry;
  }
  return nullptr;
}

template <typename Entry>
std::string List(std::span<const Entry> table) {
  std::vector<absl::string_view> values;
  for (const Entry& entry : table) values.push_back(entry.value);
  return absl::StrJoin(values, ", ");
}

}  // namespace

std::span<const RoleMeaning> SalesforceRoles() { return kSalesforceRoles; }
std::span<const ActivityMeaning> SalesforceActivityTypes() { return kSalesforceActivityTypes; }
std::span<const CallTypeMeaning> SalesforceCallTypes() { return kSalesforceCallTypes; }
const ActivityMeaning* FindActivity(std::span<const ActivityMeaning> table, absl::string_view text) {
  return Find(table, text);
}
const CallTypeMeaning* FindCallType(std::span<const CallTypeMeaning> table, absl::string_view text) {
  return Find(table, text);
}
std::span<const StageMeaning> SalesforceStages() { return kSalesforceStages; }
std::span<const RoleMeaning> HubspotBuyingRoles() { return kHubspotBuyingRoles; }
std::span<const StageMeaning> HubspotDealStages() { return kHubspotDealStages; }

const RoleMeaning* FindRole(std::span<const RoleMeaning> table, absl::string_view text) {
  return Find(table, text);
}
const StageMeaning* FindStage(std::span<const StageMeaning> table, absl::string_view text) {
  return Find(table, text);
}
std::string ValueList(std::span<const RoleMeaning> table) { return List(table); }
std::string ValueList(std::span<const StageMeaning> table) { return List(table); }

}  // namespace contactplan::crm
