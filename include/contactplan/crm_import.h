// Plans from a CRM's CSV exports: the people, org chart, buying roles and deals that already live in
// Salesforce or HubSpot. The layouts and the mapping tables are documented in docs/crm.md.
#ifndef CONTACTPLAN_CRM_IMPORT_H_
#define CONTACTPLAN_CRM_IMPORT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

struct SalesforceImportOptions {
  // The Account Id to import; required when the export holds several accounts.
  std::optional<std::string> account_id;
  // A contact map grid whose grades (and what else it holds for the persons) are merged in,
  // matching persons and team members by name.
  std::optional<std::string> grid_path;
};

// Reads the Data Loader exports in `dir` (Contact.csv, Opportunity.csv, OpportunityContactRole.csv;
// optional User.csv, Account.csv, Task.csv, Event.csv, columns named by field API names) into a plan
// whose ids are the Salesforce ids. Errors: InvalidArgument listing every problem, one per line,
// each naming the file, line and column ("Contact.csv: line 4, column 9: ..."): a missing file or
// column, an unknown picklist value, an id that names no record, several accounts without
// `account_id`; or the resulting plan's validation problems. Nothing is returned on error.
// Thread-safe.
absl::StatusOr<v1::Plan> ImportSalesforce(const std::string& dir,
                                          const SalesforceImportOptions& options = {});

// Reads HubSpot's exports in `dir`: contacts.csv (Record ID, First Name, Last Name; optional Email,
// Job Title, Buying Role with several values separated by ';') and, optionally, deals.csv (Record
// ID, Deal Name, Deal Stage; optional Close Date, Amount, Associated Contact IDs separated by ';').
// Plan ids are the HubSpot Record IDs. Errors as for ImportSalesforce. Thread-safe.
absl::StatusOr<v1::Plan> ImportHubspot(const std::string& dir);

}  // namespace contactplan

#endif  // CONTACTPLAN_CRM_IMPORT_H_
