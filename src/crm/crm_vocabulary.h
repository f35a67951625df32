// The CRM picklists a plan is built from, and what each value means in a plan: the tables of
// docs/crm.md, as data. Salesforce's OpportunityContactRole.Role and Opportunity.StageName, HubSpot's
// contact property Buying Role and deal stages. A test checks docs/crm.md against these tables, so
// the documentation cannot drift from what the import does.
#ifndef CONTACTPLAN_SRC_CRM_CRM_VOCABULARY_H_
#define CONTACTPLAN_SRC_CRM_CRM_VOCABULARY_H_

#include <optional>
#include <span>
#include <string>
#include "absl/strings/string_view.h"

#include "contactplan/v1/plan.pb.h"

namespace contactplan::crm {

// What a contact's role (Salesforce Role, HubSpot Buying Role) says about the person and about their
// part in the opportunity. Unspecified values mean "says nothing about it".
struct RoleMeaning {
  absl::string_view value;  // the picklist value as the CRM exports it ("Economic Buyer")
  v1::Person::BuyerRole buyer_role;
  v1::Participant::BuyingRole buying_role;
  v1::Preference preference;
};

// What an opportunity stage says: the plan's stage, or closed (won or lost).
struct StageMeaning {
  absl::string_view value;  // "Needs Analysis"
  v1::OpportunityStage stage;
  bool closed;
};

// What an activity's type says about the touch it becomes (Salesforce Task/Event Type, TaskSubtype
// or EventSubtype): its kind.
struct ActivityMeaning {
  absl::string_view value;  // "Call"
  v1::Touch::Kind kind;
};

// What a call's direction says (Salesforce Task.CallType).
struct CallTypeMeaning {
  absl::string_view value;  // "Inbound"
  v1::Touch::Direction direction;
};

std::span<const ActivityMeaning> SalesforceActivityTypes();
std::span<const CallTypeMeaning> SalesforceCallTypes();
const ActivityMeaning* FindActivity(std::span<const ActivityMeaning> table, absl::string_view text);
const CallTypeMeaning* FindCallType(std::span<const CallTypeMeaning> table, absl::string_view text);

std::span<const RoleMeaning> SalesforceRoles();
std::span<const StageMeaning> SalesforceStages();
std::span<const RoleMeaning> HubspotBuyingRoles();
std::span<const StageMeaning> HubspotDealStages();

// The entry whose value matches `text` (ASCII case and surrounding spaces ignored; HubSpot's internal
// names such as "BUDGET_HOLDER" or "appointmentscheduled" match too); nullptr when none does.
const RoleMeaning* FindRole(std::span<const RoleMeaning> table, absl::string_view text);
const StageMeaning* FindStage(std::span<const StageMeaning> table, absl::string_view text);

// "Business User, Decision Maker, ..." for an error message listing the accepted values.
std::string ValueList(std::span<const RoleMeaning> table);
std::string ValueList(std::span<const StageMeaning> table);

}  // namespace contactplan::crm

#endif  // CONTACTPLAN_SRC_CRM_CRM_VOCABULARY_H_
