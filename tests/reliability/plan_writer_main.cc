// Writes the large plans of the heavy reliability tests, in binary, and prints their size as
// "persons P elements E bytes B" (E counts every other element the memory bound counts: team
// members, relationships, history entries, NPS answers, influences, opportunities, participants,
// blueprint entries, tactics). A process of its own: it links the generator, and so the schema,
// statically, while the processes it feeds load libcontactplan.so; one process must not register
// the schema twice.
//
//   reliability_plan_writer generated PERSONS TEAM OUT  (the generator's plan of that size)
//   reliability_plan_writer notes PERSONS BYTES OUT     (a generated plan with BYTES of notes per
//   person) reliability_plan_writer tree PERSONS OUT            (an org chart, 8 reports per
//   manager) reliability_plan_writer chain PERSONS OUT           (an org chart that is one
//   reporting line)
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "contactplan/v1/plan.pb.h"
#include "generate/plan_generator.h"

namespace {

using contactplan::v1::Plan;

int Usage() {
  std::cerr << "usage: reliability_plan_writer generated PERSONS TEAM OUT\n"
               "       reliability_plan_writer notes PERSONS BYTES OUT\n"
               "       reliability_plan_writer tree PERSONS OUT\n"
               "       reliability_plan_writer chain PERSONS OUT\n";
  return 64;
}

Plan Generated(int32_t persons, int32_t team_members) {
  contactplan::generate::GeneratorOptions options;
  options.persons = persons;
  options.team_members = team_members;
  return contactplan::generate::GeneratePlan(options);
}

// A generated plan whose persons carry `note_bytes` of notes each: big in bytes, small in elements.
Plan WithLongNotes(int32_t persons, int32_t note_bytes) {
  Plan plan = Generated(persons, 8);
  std::string notes;
  while (notes.size() < static_cast<size_t>(note_bytes)) {
    absl::StrAppend(&notes, "Met at the quarterly review; wants a roadmap briefing. ");
  }
  notes.resize(static_cast<size_t>(note_bytes));
  for (contactplan::v1::Person& person : *plan.mutable_persons()) person.set_notes(notes);
  return plan;
}

// Persons p-1 .. p-N and nothing else, p-k reporting to p-manager_of(k) (0: to nobody), so the
// plan's cost is its org chart's alone.
Plan OrgChart(int32_t persons, int32_t (*manager_of)(int32_t)) {
  Plan plan;
  plan.set_schema_version(1);
  plan.mutable_persons()->Reserve(persons);
  for (int32_t k = 1; k <= persons; ++k) {
    contactplan::v1::Person& person = *plan.add_persons();
    person.set_id(absl::StrCat("p-", k));
    if (const int32_t manager = manager_of(k); manager > 0) {
      person.set_reports_to_id(absl::StrCat("p-", manager));
    }
  }
  return plan;
}

// One head, 8 reports per manager: about log8(N) levels, as wide as real org charts.
int32_t TreeManager(int32_t k) { return k == 1 ? 0 : (k + 6) / 8; }
// A single reporting line: the deepest org chart N persons can form.
int32_t ChainManager(int32_t k) { return k - 1; }

int64_t OtherElements(const Plan& plan) {
  int64_t count = plan.team_members_size() + plan.relationships_size() + plan.opportunities_size() +
                  plan.blueprint_size();
  for (const auto& person : plan.persons()) {
    count += person.nps_answers_size() + person.influences_size();
  }
  for (const auto& relationship : plan.relationships()) count += relationship.history_size();
  for (const auto& opportunity : plan.opportunities()) count += opportunity.participants_size();
  for (const auto& entry : plan.blueprint()) count += entry.tactics_size();
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view kind = argc > 1 ? argv[1] : "";
  Plan plan;
  if (kind == "generated" && argc == 5) {
    plan = Generated(std::atoi(argv[2]), std::atoi(argv[3]));
  } else if (kind == "notes" && argc == 5) {
    plan = WithLongNotes(std::atoi(argv[2]), std::atoi(argv[3]));
  } else if (kind == "tree" && argc == 4) {
    plan = OrgChart(std::atoi(argv[2]), &TreeManager);
  } else if (kind == "chain" && argc == 4) {
    plan = OrgChart(std::atoi(argv[2]), &ChainManager);
  } else {
    return Usage();
  }
  const std::string out = argv[argc - 1];
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  if (!plan.SerializeToOstream(&file) || !file.flush()) {
    std::cerr << "reliability_plan_writer: cannot write " << out << "\n";
    return 1;
  }
  std::cout << "persons " << plan.persons_size() << " elements " << OtherElements(plan) << " bytes "
            << plan.ByteSizeLong() << "\n";
  return 0;
}
