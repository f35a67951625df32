// Salesforce's standard objects, as Data Loader exports them, to a plan (docs/crm.md). Every file is
// read and checked before anything is built, so one run reports every problem of the export.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "contactplan/crm_import.h"
#include "contactplan/plan_io.h"
#include "contactplan/plan_merge.h"
#include "contactplan/validation.h"
#include "crm/crm_table.h"
#include "crm/crm_values.h"
#include "crm/crm_vocabulary.h"
#include "io/grid_vocabulary.h"
#include "model/time.h"

namespace contactplan {
namespace {

using crm::CrmTable;
using crm::ImportErrors;

// Leads (Id prefix 00Q) can own tasks and events too; they are not contacts of an account.
bool IsLeadId(absl::string_view id) { return absl::StartsWith(id, "00Q"); }

class SalesforceImport {
 public:
  SalesforceImport(const std::string& dir, const SalesforceImportOptions& options)
      : dir_(dir), options_(options) {}

  absl::StatusOr<v1::Plan> Run() {
    CrmTable contacts(dir_, "Contact.csv", true, {"Id", "AccountId"}, errors_);
    CrmTable opportunities(dir_, "Opportunity.csv", true, {"Id", "StageName", "AccountId"},
                           errors_);
    CrmTable roles(dir_, "OpportunityContactRole.csv", true,
                   {"OpportunityId", "ContactId", "Role"}, errors_);
    CrmTable users(dir_, "User.csv", false, {"Id"}, errors_);
    CrmTable accounts(dir_, "Account.csv", false, {"Id"}, errors_);
    CrmTable tasks(dir_, "Task.csv", false, {"WhoId", "OwnerId"}, errors_);
    CrmTable events(dir_, "Event.csv", false, {"WhoId", "OwnerId"}, errors_);
    if (!errors_.empty()) return errors_.status();

    if (!ChooseAccount(contacts, opportunities, accounts)) return errors_.status();
    ReadAccount(accounts);
    ReadUsers(users);
    ReadContacts(contacts);
    ReadOpportunities(opportunities);
    ReadRoles(roles);
    ReadActivities(tasks, "ActivityDate", /*events=*/false);
    ReadActivities(events, "ActivityDateTime", /*events=*/true);
    if (!errors_.empty()) return errors_.status();
    if (options_.grid_path.has_value()) {
      absl::StatusOr<v1::Plan> graded = MergeGrid(*options_.grid_path);
      if (!graded.ok()) return graded.status();
      plan_ = *std::move(graded);
    }
    return crm::Validated(std::move(plan_));
  }

 private:
  // The account whose records make the plan: --account, or the only one the export holds.
  bool ChooseAccount(const CrmTable& contacts, const CrmTable& opportunities,
                     const CrmTable& accounts) {
    std::vector<std::string> seen;  // in first-seen order, for the message
    absl::flat_hash_set<std::string> known;
    for (const CrmTable* table : {&contacts, &opportunities}) {
      for (size_t r = 0; r < table->rows(); ++r) {
        const std::string id(table->Text(r, "AccountId"));
        if (!id.empty() && known.insert(id).second) seen.push_back(id);
      }
    }
    const auto described = [&] {
      std::vector<std::string> listed;
      for (const std::string& id : seen) {
        std::string name;
        for (size_t r = 0; r < accounts.rows(); ++r) {
          if (accounts.Text(r, "Id") == id) name = std::string(accounts.Text(r, "Name"));
        }
        listed.push_back(name.empty() ? id : absl::StrCat(id, " (", name, ")"));
      }
      return absl::StrJoin(listed, ", ");
    };
    if (options_.account_id.has_value()) {
      if (!known.contains(*options_.account_id)) {
        errors_.Add(absl::StrCat("no contact or opportunity of account \"", *options_.account_id,
                                 "\" in ", dir_, ": the export holds ",
                                 seen.empty() ? "no account" : described()));
        return false;
      }
      account_ = *options_.account_id;
      return true;
    }
    if (seen.size() != 1) {
      errors_.Add(seen.empty()
                      ? absl::StrCat("Contact.csv: no contact has an AccountId: export contacts "
                                     "with their AccountId")
                      : absl::StrCat("the export holds ", seen.size(), " accounts: ", described(),
                                     ": choose one with --account ID"));
      return false;
    }
    account_ = seen.front();
    return true;
  }

  void ReadAccount(const CrmTable& accounts) {
    v1::Account& account = *plan_.mutable_account();
    account.set_id(account_);
    for (size_t r = 0; r < accounts.rows(); ++r) {
      if (accounts.Text(r, "Id") != account_) continue;
      account.set_name(std::string(accounts.Text(r, "Name")));
      account.set_industry(std::string(accounts.Text(r, "Industry")));
    }
  }

  // Users are our team: every user the export lists.
  void ReadUsers(const CrmTable& users) {
    users_present_ = users.present();
    for (size_t r = 0; r < users.rows(); ++r) {
      const std::string id(users.Text(r, "Id"));
      if (id.empty()) continue;
      if (!member_ids_.insert(id).second) {
        errors_.Add(absl::StrCat(users.Where(r, "Id"), "the user \"", id,
                                 "\" is listed again: keep one row per user"));
        continue;
      }
      v1::TeamMember& member = *plan_.add_team_members();
      member.set_id(id);
      member.set_name(std::string(users.Text(r, "Name")));
      member.set_title(std::string(users.Text(r, "Title")));
      member.set_email(std::string(users.Text(r, "Email")));
    }
  }

  void ReadContacts(const CrmTable& contacts) {
    std::vector<std::pair<size_t, int>> managers;  // (row, person) with a ReportsToId
    for (size_t r = 0; r < contacts.rows(); ++r) {
      const std::string id(contacts.Text(r, "Id"));
      if (id.empty()) {
        errors_.Add(absl::StrCat(contacts.Where(r, "Id"), "a contact without an Id: export the Id "
                                                           "column whole"));
        continue;
      }
      all_contacts_.insert(id);
      if (contacts.Text(r, "AccountId") != account_) continue;
      if (person_of_.contains(id)) {
        errors_.Add(absl::StrCat(contacts.Where(r, "Id"), "the contact \"", id,
                                 "\" is listed again: keep one row per contact"));
        continue;
      }
      person_of_.emplace(id, plan_.persons_size());
      v1::Person& person = *plan_.add_persons();
      person.set_id(id);
      std::string name(contacts.Text(r, "Name"));
      if (name.empty()) {
        name = absl::StrCat(contacts.Text(r, "FirstName"),
                            contacts.Text(r, "FirstName").empty() ? "" : " ",
                            contacts.Text(r, "LastName"));
      }
      person.set_name(name);
      person.set_title(std::string(contacts.Text(r, "Title")));
      person.set_department(std::string(contacts.Text(r, "Department")));
      if (!contacts.Text(r, "ReportsToId").empty()) managers.emplace_back(r, person_of_[id]);
    }
    for (const auto& [r, p] : managers) {
      const std::string manager(contacts.Text(r, "ReportsToId"));
      if (!all_contacts_.contains(manager)) {
        errors_.Add(absl::StrCat(contacts.Where(r, "ReportsToId"), "ReportsToId \"", manager,
                                 "\" names no contact of Contact.csv: export the manager too, or "
                                 "clear the cell"));
      } else if (person_of_.contains(manager)) {
        plan_.mutable_persons(p)->set_reports_to_id(manager);
      }
      // A manager at another account is outside this plan's org chart: the line is not kept.
    }
  }

  void ReadOpportunities(const CrmTable& opportunities) {
    for (size_t r = 0; r < opportunities.rows(); ++r) {
      const std::string id(opportunities.Text(r, "Id"));
      if (id.empty()) continue;
      all_opportunities_.insert(id);
      if (opportunities.Text(r, "AccountId") != account_) continue;
      const absl::string_view stage_name = opportunities.Text(r, "StageName");
      const crm::StageMeaning* stage = crm::FindStage(crm::SalesforceStages(), stage_name);
      if (stage == nullptr) {
        errors_.Add(absl::StrCat(opportunities.Where(r, "StageName"), "unknown StageName \"",
                                 stage_name, "\": use one of ",
                                 crm::ValueList(crm::SalesforceStages()),
                                 " (docs/crm.md maps each to a stage)"));
        continue;
      }
      opportunity_of_.emplace(id, plan_.opportunities_size());
      v1::Opportunity& opportunity = *plan_.add_opportunities();
      opportunity.set_id(id);
      opportunity.set_name(std::string(opportunities.Text(r, "Name")));
      opportunity.set_stage(stage->stage);
      bool closed = stage->closed;
      if (const absl::string_view is_closed = opportunities.Text(r, "IsClosed"); !is_closed.empty()) {
        const std::optional<bool> flag =
            io::ParseYesNo(std::string_view(is_closed.data(), is_closed.size()));
        if (!flag.has_value()) {
          errors_.Add(absl::StrCat(opportunities.Where(r, "IsClosed"), "IsClosed \"", is_closed,
                                   "\" is neither true nor false"));
        }
        closed = closed || flag.value_or(false);
      }
      opportunity.set_closed(closed);
      crm::ReadDealValues(opportunities, r, "Amount", "CloseDate", opportunity, errors_);
    }
  }

  void ReadRoles(const CrmTable& roles) {
    for (size_t r = 0; r < roles.rows(); ++r) {
      const std::string opportunity_id(roles.Text(r, "OpportunityId"));
      const std::string contact_id(roles.Text(r, "ContactId"));
      if (!all_opportunities_.contains(opportunity_id)) {
        errors_.Add(absl::StrCat(roles.Where(r, "OpportunityId"), "OpportunityId \"",
                                 opportunity_id, "\" names no opportunity of Opportunity.csv"));
        continue;
      }
      if (!all_contacts_.contains(contact_id)) {
        errors_.Add(absl::StrCat(roles.Where(r, "ContactId"), "ContactId \"", contact_id,
                                 "\" names no contact of Contact.csv"));
        continue;
      }
      const absl::string_view role_name = roles.Text(r, "Role");
      const crm::RoleMeaning* role =
          role_name.empty() ? nullptr : crm::FindRole(crm::SalesforceRoles(), role_name);
      if (!role_name.empty() && role == nullptr) {
        errors_.Add(absl::StrCat(roles.Where(r, "Role"), "unknown Role \"", role_name,
                                 "\": use one of ", crm::ValueList(crm::SalesforceRoles()),
                                 ", or leave it empty (docs/crm.md maps each)"));
        continue;
      }
      const auto opportunity = opportunity_of_.find(opportunity_id);
      const auto person = person_of_.find(contact_id);
      if (opportunity == opportunity_of_.end() || person == person_of_.end()) continue;
      v1::Opportunity& deal = *plan_.mutable_opportunities(opportunity->second);
      v1::Participant* participant = nullptr;
      for (v1::Participant& existing : *deal.mutable_participants()) {
        if (existing.person_id() == contact_id) participant = &existing;
      }
      if (participant == nullptr) {
        participant = deal.add_participants();
        participant->set_person_id(contact_id);
      }
      if (role != nullptr) {
        crm::ApplyRole(*role, *plan_.mutable_persons(person->second), *participant);
      }
    }
  }

  // Tasks and events show who on our team was last in touch with whom. The plan has no touch history
  // yet (issue "Plans over time" adds it), so the latest activity sets the relationship's
  // last_contact_at, creating an ungraded relationship when there is none.
  // Each task or event of an owner with a contact becomes a touch (docs/crm.md#tasks-and-events):
  // its kind from Type, else the subtype; its direction from CallType where the export says it,
  // else OUTBOUND for a task (we did it) and TWO_WAY for an event (both attended).
  void ReadActivities(const CrmTable& activities, absl::string_view date_column, bool events) {
    for (size_t r = 0; r < activities.rows(); ++r) {
      const std::string who(activities.Text(r, "WhoId"));
      const std::string owner(activities.Text(r, "OwnerId"));
      if (who.empty() || IsLeadId(who)) continue;
      if (!all_contacts_.contains(who)) {
        errors_.Add(absl::StrCat(activities.Where(r, "WhoId"), "WhoId \"", who,
                                 "\" names no contact of Contact.csv"));
        continue;
      }
      if (!person_of_.contains(who) || owner.empty()) continue;  // another account's activity
      if (!member_ids_.contains(owner)) {
        if (users_present_) {
          errors_.Add(absl::StrCat(activities.Where(r, "OwnerId"), "OwnerId \"", owner,
                                   "\" names no user of User.csv"));
          continue;
        }
        member_ids_.insert(owner);  // without User.csv, owners are the team, known by id only
        plan_.add_team_members()->set_id(owner);
      }
      absl::string_view date = activities.Text(r, date_column);
      if (date.empty()) date = activities.Text(r, "ActivityDate");
      if (date.empty()) continue;
      const std::optional<google::protobuf::Timestamp> at = crm::ParseCrmTime(date);
      if (!at.has_value()) {
        errors_.Add(absl::StrCat(activities.Where(r, date_column), date_column, " \"", date,
                                 "\" is not a date (YYYY-MM-DD or RFC 3339)"));
        continue;
      }
      v1::Touch& touch = *RelationshipOf(owner, who).add_touches();
      *touch.mutable_at() = *at;
      const crm::ActivityMeaning* kind =
          crm::FindActivity(crm::SalesforceActivityTypes(), activities.Text(r, "Type"));
      if (kind == nullptr) {
        kind = crm::FindActivity(crm::SalesforceActivityTypes(),
                            activities.Text(r, events ? "EventSubtype" : "TaskSubtype"));
      }
      touch.set_kind(kind != nullptr ? kind->kind
                                     : (events ? v1::Touch::MEETING : v1::Touch::KIND_UNSPECIFIED));
      const crm::CallTypeMeaning* call =
          crm::FindCallType(crm::SalesforceCallTypes(), activities.Text(r, "CallType"));
      touch.set_direction(call != nullptr ? call->direction
                                          : (events ? v1::Touch::TWO_WAY : v1::Touch::OUTBOUND));
      std::string note(activities.Text(r, "Subject"));
      if (!note.empty()) touch.set_note(std::move(note));
    }
  }

  v1::Relationship& RelationshipOf(const std::string& member, const std::string& person) {
    const auto [it, inserted] =
        relationship_of_.emplace(std::make_pair(member, person), plan_.relationships_size());
    if (inserted) {
      v1::Relationship& relationship = *plan_.add_relationships();
      relationship.set_team_member_id(member);
      relationship.set_person_id(person);
    }
    return *plan_.mutable_relationships(it->second);
  }

  // The grid's persons and team members are matched to contacts and users by name (as the grid
  // derives ids from names); its values are merged in by the CRM's ids.
  absl::StatusOr<v1::Plan> MergeGrid(const std::string& path) {
    absl::StatusOr<v1::Plan> grid = ReadPlanFile(path, PlanFormat::kCsvGrid);
    if (!grid.ok()) return grid.status();
    absl::flat_hash_map<std::string, std::string> person_by_name, member_by_name;
    for (const v1::Person& person : plan_.persons()) {
      person_by_name.emplace(io::IdFromName(person.name()), person.id());
    }
    for (const v1::TeamMember& member : plan_.team_members()) {
      member_by_name.emplace(io::IdFromName(member.name()), member.id());
    }
    std::vector<std::string> unmatched;
    absl::flat_hash_map<std::string, std::string> person_id, member_id;  // grid id -> CRM id
    for (v1::Person& person : *grid->mutable_persons()) {
      const auto found = person_by_name.find(io::IdFromName(person.name()));
      if (found == person_by_name.end()) {
        unmatched.push_back(absl::StrCat(path, ": person column \"", person.name(),
                                         "\" matches no contact of account ", account_,
                                         " by name: rename the column as the contact is named"));
        continue;
      }
      person_id.emplace(person.id(), found->second);
      person.set_id(found->second);
      person.clear_name();  // matched by name: the CRM's spelling stays
    }
    for (v1::TeamMember& member : *grid->mutable_team_members()) {
      const auto found = member_by_name.find(io::IdFromName(member.name()));
      if (found == member_by_name.end()) {
        unmatched.push_back(absl::StrCat(path, ": team member row \"", member.name(),
                                         "\" matches no user of User.csv by name: rename the row "
                                         "as the user is named"));
        continue;
      }
      member_id.emplace(member.id(), found->second);
      member.set_id(found->second);
      member.clear_name();
    }
    if (!unmatched.empty()) return absl::InvalidArgumentError(absl::StrJoin(unmatched, "\n"));
    for (v1::Person& person : *grid->mutable_persons()) {
      if (!person.reports_to_id().empty()) person.set_reports_to_id(person_id[person.reports_to_id()]);
    }
    for (v1::Relationship& relationship : *grid->mutable_relationships()) {
      relationship.set_team_member_id(member_id[relationship.team_member_id()]);
      relationship.set_person_id(person_id[relationship.person_id()]);
    }
    // The grid's own opportunity stands for the CRM's deals, which hold the buying roles already.
    grid->clear_opportunities();
    return MergePlans({"the Salesforce export", std::move(plan_)}, {{path, *std::move(grid)}});
  }

  const std::string& dir_;
  const SalesforceImportOptions& options_;
  ImportErrors errors_;
  std::string account_;
  v1::Plan plan_;
  bool users_present_ = false;
  absl::flat_hash_set<std::string> all_contacts_;       // every Contact Id of the export
  absl::flat_hash_set<std::string> all_opportunities_;  // every Opportunity Id of the export
  absl::flat_hash_set<std::string> member_ids_;
  absl::flat_hash_map<std::string, int> person_of_;       // of the chosen account
  absl::flat_hash_map<std::string, int> opportunity_of_;  // of the chosen account
  absl::flat_hash_map<std::pair<std::string, std::string>, int> relationship_of_;
};

}  // namespace

absl::StatusOr<v1::Plan> ImportSalesforce(const std::string& dir,
                                          const SalesforceImportOptions& options) {
  return SalesforceImport(dir, options).Run();
}

}  // namespace contactplan
