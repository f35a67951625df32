// Synthetic plans of any size, for the tests, the benchmarks and `contactplan generate` (README):
// a product feature for trying the engine, a report or a host at any account size without a real
// customer's data. Its own static library, contactplan_generator, which the engine and
// libcontactplan.so do not ship; it needs only the schema.
//
// A generated plan looks like a real account: an org chart with one executive at the top branching
// down through senior and middle management to operational staff, a few economic buyers near the
// top, evangelists, advisors and users lower down, a sparse contact map that covers senior people
// more often and pairs people with team members of similar seniority, a grade mix with few TRUST and
// many SATISFIED and INDIFFERENT cells, informal influence, NPS answers, opportunities with their
// buying groups, and a contact blueprint. Every date is relative to a fixed as_of (kGeneratedAsOf),
// so the plan never depends on when it was generated.
//
// Deterministic: the same options give the same plan, byte for byte, on every platform (the
// generator uses std::mt19937_64 with its own distributions, see random.h). Always valid: ids are
// unique, every reference resolves, reports-to has no cycle, every value is in range, and the sizes
// stay within the engine's default limits when the options pass CheckGeneratorOptions.
#ifndef CONTACTPLAN_PLAN_GENERATOR_H_
#define CONTACTPLAN_PLAN_GENERATOR_H_

#include <cstdint>

#include "absl/status/status.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::generate {

// The as_of of every generated plan: 2025-01-01T00:00:00Z, in Unix seconds.
inline constexpr int64_t kGeneratedAsOf = 1735689600;

// Upper bounds of the options: the engine's default limits (Limits in options.proto).
inline constexpr int32_t kMaxPersons = 1000000;
inline constexpr int32_t kMaxTeamMembers = 100000;
inline constexpr int64_t kMaxRelationships = 5000000;
inline constexpr int32_t kMaxOpportunities = 100000;
inline constexpr int32_t kMaxBlueprintEntries = 1000000;

struct GeneratorOptions {
  int32_t persons = 25;       // client persons (N)
  int32_t team_members = 8;   // members of our team (M)
  uint64_t seed = 1;          // S: the same seed and sizes give the same plan
  int32_t opportunities = 1;  // K; the first one is always open
  // Intersections on the contact map (graded, plus a few blank planned cells). Negative: the default
  // for the size, DefaultRelationshipCount(persons, team_members).
  int64_t relationships = -1;
  // Blueprint entries. Negative: the default for the size, DefaultBlueprintCount(...).
  int32_t blueprint_entries = -1;
};

// The typical plan the performance targets are stated for: 25 persons, 8 team members, 60
// relationships, one open opportunity, 10 blueprint entries, seed 1.
GeneratorOptions TypicalPlanOptions();

// Intersections a map of this size usually has. Real maps are sparse and get sparser as accounts
// grow: about 2.4 per person with a team of 8 (60 for 25 x 8), about 10 per person with a team of
// 500 (100,000 for 10,000 x 500). Fitted as 1.17 * M^0.345 per person, capped at N * M.
int64_t DefaultRelationshipCount(int32_t persons, int32_t team_members);

// Blueprint entries a team usually plans: about 1.25 per team member, never more than the map
// has intersections.
int32_t DefaultBlueprintCount(int32_t team_members, int64_t relationships);

// OK, or InvalidArgument naming the option and its range, e.g. "persons: must be between 0 and
// 1000000, got -3". For the command line, before GeneratePlan.
absl::Status CheckGeneratorOptions(const GeneratorOptions& options);

// Generates a plan. Options outside their ranges are clamped into them (CheckGeneratorOptions says
// which); an explicit relationship or blueprint count larger than the map allows is reduced to what
// fits. Thread-safe (no shared state); linear in the size of the plan.
v1::Plan GeneratePlan(const GeneratorOptions& options);

}  // namespace contactplan::generate

#endif  // CONTACTPLAN_PLAN_GENERATOR_H_
