// Validation of a plan: every problem at once, each with a field path.
//
// A plan is *invalid* when it breaks a reference, repeats an id, has a cycle in reports-to, holds an
// out-of-range value, or exceeds a limit; nothing is analysed or written from an invalid plan.
#ifndef CONTACTPLAN_VALIDATION_H_
#define CONTACTPLAN_VALIDATION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

// One thing wrong with a plan.
struct ValidationProblem {
  // Where: proto field names joined by '.', with [i] after a repeated field, e.g.
  // "relationships[3].person_id", "persons[2].nps_answers[0].score"; a whole element
  // ("relationships[7]") when the problem is the element itself, a repeated field ("persons") when
  // it is their number.
  std::string path;
  // What is wrong and, where it helps, what would fix it, on one line: values taken from the plan
  // are C-escaped (so a newline in an id cannot break the line) and cut after 64 bytes; they are
  // quoted except for the ids in a reporting cycle, and a long cycle names only its first 10.
  std::string message;
  // True when the plan only exceeds a limit: raising the limit named in `message` would remove the
  // problem.
  bool over_limit = false;

  bool operator==(const ValidationProblem&) const = default;
};

// Every problem in `plan`, in the plan's order (fields in field-number order, elements of a repeated
// field by position); `limits` fields left unset take their documented defaults. Empty means valid.
//
// What is checked:
//  - ids: team member, person and opportunity ids must be present and unique within their kind
//    ("persons[5].id: \"p-3\" is already used by persons[1]"); account.id is free;
//  - references: relationships[i].team_member_id / person_id and blueprint[i].person_id /
//    team_member_id must name an existing entity; persons[i].reports_to_id, persons[i].influences[j]
//    .person_id, opportunities[i].participants[j].person_id and blueprint[i].tactics[j].owner_id must
//    resolve when set; nobody reports to or influences themselves;
//  - one relationship per (team member, person) intersection, one participant per person and
//    opportunity;
//  - reports-to cycles, each reported once at its member that comes first in the plan, naming the
//    members in reporting order ("persons[4].reports_to_id: reporting cycle p-4 -> p-7 -> p-4");
//  - values: enum numbers the schema does not define (proto3 keeps them), NPS scores outside 0-10,
//    capacities that are negative or not finite, opportunity values that are not finite, blueprint
//    horizons other than 0/30/60/90, timestamps outside 0001-01-01..9999-12-31 or with nanos outside
//    [0, 1e9), a schema_version newer than CONTACTPLAN_SCHEMA_VERSION;
//  - limits (over_limit is set): entity counts, history entries per relationship and NPS answers per
//    person, the byte length of every string field, and the depth of the org chart (reported once, at
//    the deepest person). Counts are checked first: when one is exceeded, only the count problems are
//    returned, so an oversized plan is refused before any work proportional to its content.
// An out-of-range limit (e.g. max_string_bytes 0) gives a single problem naming it, e.g.
// "limits.max_string_bytes: must be between 1 and 4294967295, got 0".
//
// Runs in time linear in the size of the plan, without recursion. Thread-safe; `plan` is only read.
std::vector<ValidationProblem> ValidatePlan(const v1::Plan& plan, const v1::Limits& limits = {});

// At most this many problems are listed in a ValidationStatus message; a hostile plan cannot make a
// message larger than about this many lines of a few hundred bytes.
inline constexpr size_t kMaxListedProblems = 1000;

// OK when `problems` is empty. Otherwise an error whose message is, with lines separated by '\n' and
// no trailing newline:
//
//   invalid plan: 3 problems
//   relationships[3].person_id: no person "p-9"
//   persons[4].reports_to_id: reporting cycle p-4 -> p-7 -> p-4
//   persons[2].nps_answers[0].score: must be between 0 and 10, got 11
//
// i.e. a first line with the count ("1 problem", "N problems"), then one "path: message" line per
// problem in the given order. After kMaxListedProblems lines a last line "... and N more" stands for
// the rest. The code is ResourceExhausted (first line "plan exceeds limits: ...") when every problem
// is over_limit, since the plan is well formed and only too large; InvalidArgument otherwise.
// Callers (the CLI, the C ABI) print the message as it is.
absl::Status ValidationStatus(const std::vector<ValidationProblem>& problems);

}  // namespace contactplan

#endif  // CONTACTPLAN_VALIDATION_H_
