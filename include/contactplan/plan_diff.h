// What changed in an account between two plans of it: an older snapshot (OLD) and a newer one
// (NEW). docs/diff.md documents every field of the PlanDiff message, when two plans are of one
// account, and how each blueprint entry's status is decided.
#ifndef CONTACTPLAN_PLAN_DIFF_H_
#define CONTACTPLAN_PLAN_DIFF_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/diff.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

struct DiffOptions {
  // Compare plans that name different accounts anyway (PlanDiff.accounts_differ is then set).
  bool force = false;
  // How both plans are analysed for health and the web figure. Its as_of is NEW's "now" (it decides
  // who has left in NEW and which blueprint entries are overdue); OLD is always analysed at its own
  // now (its as_of, else its latest timestamp).
  v1::AnalysisOptions analysis;
};

// Compares `old_plan` with `new_plan`, both analysed with `engine`. Ids decide identity: a person,
// team member or opportunity with the same id is the same one, whatever its name.
// Errors, in this order:
//  - InvalidArgument naming the option when `options.analysis` is out of range;
//  - the error Engine::Validate returns for an invalid plan, its message prefixed "OLD plan: " or
//    "NEW plan: " (OLD is checked first; InvalidArgument, or ResourceExhausted over a limit);
//  - FailedPrecondition when the plans name different accounts and `options.force` is false (the
//    message names both accounts; each caller adds how to force it in its own terms). Two
//    plans are of different accounts when both set account.id and the ids differ, or when either
//    leaves account.id empty, both set account.name and the names differ; a plan naming no account
//    at all matches any plan.
// Deterministic; thread-safe (the engine is shared read-only; the plans are only read).
absl::StatusOr<v1::PlanDiff> DiffPlans(const Engine& engine, const v1::Plan& old_plan,
                                       const v1::Plan& new_plan, const DiffOptions& options = {});

// The text report a seller reads ("since OLD") is contactplan::PlanDiffReport in render.h.

// Serializes a diff: binary (deterministic), JSON (lowerCamel names, every field printed,
// indented) or text format. kCsvGrid is InvalidArgument. Thread-safe.
absl::StatusOr<std::string> WritePlanDiff(const v1::PlanDiff& diff, PlanFormat format);

}  // namespace contactplan

#endif  // CONTACTPLAN_PLAN_DIFF_H_
