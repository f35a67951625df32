// `contactplan merge`: partial plans (a blueprint draft, relationships, persons ...) merged into a
// plan by id. The merging is the library's (contactplan/plan_merge.h); this file reads and writes.
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/plan_io.h"
#include "contactplan/plan_merge.h"
#include "flags.h"

namespace contactplan::cli {
namespace {

int RunMerge(const Invocation& invocation) {
  FlagSet flags;
  const Flag& input_format = DeclareInputFormat(flags);
  const Flag& to = DeclarePlanFormat(flags, {"binary", "json", "text", "csv"});
  const Flag& output = DeclareOutput(flags);
  if (auto stop = flags.Parse(invocation, 2, std::numeric_limits<size_t>::max())) return *stop;
  Outcome<PlanFormat> format =
      OutputPlanFormat(to, output, {"binary", "json", "text", "csv"}, std::nullopt);
  if (!format.ok()) return Report(invocation, format.error());

  // Every file is read before anything is merged, so one run reports an unreadable part at once.
  std::vector<NamedPlan> plans;
  for (const std::string& path : flags.positional()) {
    Outcome<LoadedPlan> loaded = LoadPlan(invocation, path, input_format);
    if (!loaded.ok()) return Report(invocation, loaded.error());
    plans.push_back({loaded->origin, std::move(loaded->plan)});
  }
  const NamedPlan base = std::move(plans.front());
  plans.erase(plans.begin());
  absl::StatusOr<v1::Plan> merged = MergePlans(base, plans);
  if (!merged.ok()) {
    return Report(invocation, InvalidInput(absl::StrCat("cannot merge into ", base.name, ":\n",
                                                        std::string(merged.status().message()))));
  }
  return EmitPlanAndExit(invocation, output, *merged, *format, "the merged plan");
}

}  // namespace

extern const Command kMergeCommand = {
    .name = "merge",
    .synopsis = "PLAN PART... (-o FILE | --to FORMAT) [flags]",
    .summary = "Merge partial plans (a blueprint draft, relationships, persons) into a plan by id.",
    .details =
        "Elements are matched by id (relationships by team member and person, blueprint entries\n"
        "by person and team member); a part adds what the plan lacks and fills unset fields. A\n"
        "value that differs from the plan's is a conflict, named with its field path and file.\n"
        "Parts need not be valid alone; the merged plan is validated, and nothing is written when\n"
        "there is a conflict or a problem.\n\n"
        "examples:\n"
        "  contactplan blueprint plan.json --format json -o draft.json\n"
        "  contactplan merge plan.json draft.json -o plan.json\n",
    .run = &RunMerge,
};

}  // namespace contactplan::cli
