// `contactplan import salesforce|hubspot DIR`: a plan from a CRM's CSV exports. The reading and
// mapping are the library's (contactplan/crm_import.h); this file picks the source and writes.
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/crm_import.h"
#include "contactplan/plan_io.h"
#include "flags.h"

namespace contactplan::cli {
namespace {

int RunImport(const Invocation& invocation) {
  FlagSet flags;
  const Flag& account = flags.Value(
      {"--account"}, "ID",
      "salesforce: the Account Id to import (required when the export holds several accounts)");
  const Flag& grid = flags.Value(
      {"--grid"}, "GRID.csv",
      "salesforce: a contact map grid whose grades are merged in, by person and team member name");
  const Flag& to = DeclarePlanFormat(flags, {"binary", "json", "text"});
  const Flag& output = DeclareOutput(flags);
  if (auto stop = flags.Parse(invocation, 2, 2)) return *stop;
  const std::string& source = flags.positional()[0];
  const std::string& dir = flags.positional()[1];
  if (source != "salesforce" && source != "hubspot") {
    return Report(invocation, UsageError(absl::StrCat("unknown CRM \"", source,
                                                      "\": use salesforce or hubspot")));
  }
  if (source == "hubspot" && (account.given() || grid.given())) {
    return Report(invocation, UsageError("--account and --grid are for salesforce exports only"));
  }
  Outcome<PlanFormat> format = OutputPlanFormat(to, output, {"binary", "json", "text"}, std::nullopt);
  if (!format.ok()) return Report(invocation, format.error());
  if (*format == PlanFormat::kCsvGrid) {
    return Report(invocation, UsageError("an imported plan holds deals and an org chart the CSV "
                                         "grid cannot: write binary, json or text"));
  }

  absl::StatusOr<v1::Plan> plan;
  if (source == "salesforce") {
    SalesforceImportOptions options;
    if (account.given()) options.account_id = account.value();
    if (grid.given()) options.grid_path = grid.value();
    plan = ImportSalesforce(dir, options);
  } else {
    plan = ImportHubspot(dir);
  }
  if (!plan.ok()) {
    return Report(invocation, InvalidInput(absl::StrCat("cannot import ", dir, ":\n",
                                                        std::string(plan.status().message()))));
  }
  return EmitPlanAndExit(invocation, output, *plan, *format, "the imported plan");
}

}  // namespace

extern const Command kImportCommand = {
    .name = "import",
    .synopsis = "(salesforce | hubspot) DIR (-o FILE | --to FORMAT) [flags]",
    .summary = "Build a plan from a CRM's CSV exports (Salesforce Data Loader, HubSpot).",
    .details =
        "salesforce: DIR holds Contact.csv, Opportunity.csv, OpportunityContactRole.csv and,\n"
        "optionally, User.csv, Account.csv, Task.csv, Event.csv, with the fields' API names as\n"
        "columns. hubspot: DIR holds contacts.csv and, optionally, deals.csv. Plan ids are the\n"
        "CRM's ids; roles and stages map as docs/crm.md shows. Every error names the file, line\n"
        "and column; nothing is written from an export with an error.\n\n"
        "examples:\n"
        "  contactplan import salesforce export/ --account 001A000001 -o acme.json\n"
        "  contactplan import hubspot hubspot-export/ -o acme.binpb\n",
    .run = &RunImport,
};

}  // namespace contactplan::cli
