// HubSpot's contacts and deals exports to a plan (docs/crm.md).
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "contactplan/crm_import.h"
#include "contactplan/validation.h"
#include "crm/crm_table.h"
#include "crm/crm_values.h"
#include "crm/crm_vocabulary.h"

namespace contactplan {
namespace {

using crm::CrmTable;
using crm::ImportErrors;

// The pieces of a ';'-separated multi-value cell, trimmed, empty pieces skipped.
std::vector<absl::string_view> Values(absl::string_view cell) {
  std::vector<absl::string_view> values;
  for (absl::string_view piece : absl::StrSplit(cell, ';')) {
    piece = absl::StripAsciiWhitespace(piece);
    if (!piece.empty()) values.push_back(piece);
  }
  return values;
}

class HubspotImport {
 public:
  explicit HubspotImport(const std::string& dir) : dir_(dir) {}

  absl::StatusOr<v1::Plan> Run() {
    CrmTable contacts(dir_, "contacts.csv", true, {"Record ID", "First Name", "Last Name"},
                      errors_);
    CrmTable deals(dir_, "deals.csv", false, {"Record ID", "Deal Name", "Deal Stage"}, errors_);
    if (!errors_.empty()) return errors_.status();
    ReadContacts(contacts);
    ReadDeals(deals);
    if (!errors_.empty()) return errors_.status();
    return crm::Validated(std::move(plan_));
  }

 private:
  void ReadContacts(const CrmTable& contacts) {
    for (size_t r = 0; r < contacts.rows(); ++r) {
      const std::string id(contacts.Text(r, "Record ID"));
      if (id.empty()) {
        errors_.Add(absl::StrCat(contacts.Where(r, "Record ID"),
                                 "a contact without a Record ID: export the column whole"));
        continue;
      }
      if (!person_of_.emplace(id, plan_.persons_size()).second) {
        errors_.Add(absl::StrCat(contacts.Where(r, "Record ID"), "the contact \"", id,
                                 "\" is listed again: keep one row per contact"));
        continue;
      }
      v1::Person& person = *plan_.add_persons();
      person.set_id(id);
      const absl::string_view first = contacts.Text(r, "First Name");
      person.set_name(absl::StrCat(first, first.empty() ? "" : " ", contacts.Text(r, "Last Name")));
      person.set_title(std::string(contacts.Text(r, "Job Title")));
      // The role applies to the person now and to every deal they are associated with later.
      v1::Participant& part = parts_[id];
      for (absl::string_view value : Values(contacts.Text(r, "Buying Role"))) {
        const crm::RoleMeaning* role = crm::FindRole(crm::HubspotBuyingRoles(), value);
        if (role == nullptr) {
          errors_.Add(absl::StrCat(contacts.Where(r, "Buying Role"), "unknown Buying Role \"",
                                   value, "\": use one of ",
                                   crm::ValueList(crm::HubspotBuyingRoles()),
                                   ", separated by \";\" (docs/crm.md maps each)"));
          continue;
        }
        crm::ApplyRole(*role, person, part);
      }
    }
  }

  void ReadDeals(const CrmTable& deals) {
    absl::flat_hash_map<std::string, bool> seen;
    for (size_t r = 0; r < deals.rows(); ++r) {
      const std::string id(deals.Text(r, "Record ID"));
      if (id.empty()) continue;
      if (!seen.emplace(id, true).second) {
        errors_.Add(absl::StrCat(deals.Where(r, "Record ID"), "the deal \"", id,
                                 "\" is listed again: keep one row per deal"));
        continue;
      }
      const absl::string_view stage_name = deals.Text(r, "Deal Stage");
      const crm::StageMeaning* stage = crm::FindStage(crm::HubspotDealStages(), stage_name);
      if (stage == nullptr) {
        errors_.Add(absl::StrCat(deals.Where(r, "Deal Stage"), "unknown Deal Stage \"", stage_name,
                                 "\": use one of ", crm::ValueList(crm::HubspotDealStages()),
                                 " (docs/crm.md maps each to a stage)"));
        continue;
      }
      v1::Opportunity& deal = *plan_.add_opportunities();
      deal.set_id(id);
      deal.set_name(std::string(deals.Text(r, "Deal Name")));
      deal.set_stage(stage->stage);
      deal.set_closed(stage->closed);
      crm::ReadDealValues(deals, r, "Amount", "Close Date", deal, errors_);
      for (absl::string_view contact : Values(deals.Text(r, "Associated Contact IDs"))) {
        const std::string contact_id(contact);
        if (!person_of_.contains(contact_id)) {
          errors_.Add(absl::StrCat(deals.Where(r, "Associated Contact IDs"), "contact \"",
                                   contact_id, "\" is not in contacts.csv: export it too"));
          continue;
        }
        v1::Participant& participant = *deal.add_participants();
        participant = parts_[contact_id];
        participant.set_person_id(contact_id);
      }
    }
  }

  const std::string& dir_;
  ImportErrors errors_;
  v1::Plan plan_;
  absl::flat_hash_map<std::string, int> person_of_;
  absl::flat_hash_map<std::string, v1::Participant> parts_;  // by contact: their buying role
};

}  // namespace

absl::StatusOr<v1::Plan> ImportHubspot(const std::string& dir) { return HubspotImport(dir).Run(); }

}  // namespace contactplan
