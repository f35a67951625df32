// Writes the large plans of the heavy reliability tests, in binary, and prints their size as
// "persons P elements E bytes B" (E counts every other element the memory bound counts: team
// members, relationships, history entries, NPS answers, influences, opportunities, participants,
// blueprint entries, tactics). A process of its own: it links the generator, and so the schema,
// statically, while the processes it feeds load libcontactplan.so; one process must not register
// the schema twice.
//
//   reliability_plan_writer generated PERSONS TEAM OUT  (the generator's plan of that size)
//   reliability_plan_writer names PERSONS BYTES OUT     (a generated plan whose persons' and team
//                                                        members' names and titles are BYTES long)
//   reliability_plan_writer roles COUNT OUT             (JSON: one person with COUNT buyer roles)
//   reliability_plan_writer blank BYTES OUT             (JSON: an object padded to BYTES spaces)
//   reliability_plan_writer grid ROWS COLUMNS OUT       (CSV: a grid of blank cells, bare commas)
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
#include "contactplan/plan_generator.h"
#include "contactplan/v1/plan.pb.h"

namespace {

using contactplan::v1::Plan;

int Usage() {
  std::cerr << "usage: reliability_plan_writer generated PERSONS TEAM OUT\n"
               "       reliability_plan_writer notes PERSONS BYTES OUT\n"
               "       reliability_plan_writer tree PERSONS OUT\n"
               "       reliability_plan_writer chain PERSONS OUT\n"
               "       reliability_plan_writer weak PERSONS TEAM OUT\n"
               "       reliability_plan_writer names PERSONS BYTES OUT\n"
               "       reliability_plan_writer roles COUNT OUT\n"
               "       reliability_plan_writer blank BYTES OUT\n"
               "       reliability_plan_writer grid ROWS COLUMNS OUT\n";
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

// A generated plan whose names and titles are `bytes` long each, all different: the longest a
// finding, a gap or a recommendation could echo.
Plan WithLongNames(int32_t persons, int32_t bytes) {
  Plan plan = Generated(persons, 8);
  const auto long_text = [bytes](absl::string_view kind, int32_t k) {
    std::string text = absl::StrCat(kind, " ", k, " ");
    text.resize(static_cast<size_t>(bytes), 'x');
    return text;
  };
  int32_t k = 0;
  for (contactplan::v1::Person& person : *plan.mutable_persons()) {
    person.set_name(long_text("Person", ++k));
    person.set_title(long_text("Title", k));
  }
  for (contactplan::v1::TeamMember& member : *plan.mutable_team_members()) {
    member.set_name(long_text("Member", ++k));
    member.set_title(long_text("Title", k));
  }
  return plan;
}

// Writes `text` (a plan that is not binary) and prints its summary: its entities and details as a
// reader would count them, and its size.
int WriteText(const std::string& out, const std::string& text, int64_t entities, int64_t details) {
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  if (!(file << text) || !file.flush()) {
    std::cerr << "reliability_plan_writer: cannot write " << out << "\n";
    return 1;
  }
  std::cout << "entities " << entities << " details " << details << " bytes " << text.size()
            << "\n";
  return 0;
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

// The contact map at its most costly: every cell graded DISSATISFIED and stale, every person a key
// executive power buyer, a detractor, competitive, at VENDOR wishing for TRUSTED_ADVISOR, so each
// element draws as many findings, gaps and forecasts as the catalogue gives.
Plan WeakAndStaleMap(int32_t persons, int32_t team_members) {
  Plan plan;
  plan.set_schema_version(1);
  plan.mutable_as_of()->set_seconds(1735689600);  // 2025-01-01
  constexpr int64_t kLongBefore = 1600000000;     // 2020-09-13: stale by then
  for (int32_t m = 1; m <= team_members; ++m) {
    contactplan::v1::TeamMember& member = *plan.add_team_members();
    member.set_id(absl::StrCat("t-", m));
    member.set_name(absl::StrCat("Team member ", m));
    member.set_level(contactplan::v1::OPERATIONAL);
  }
  for (int32_t p = 1; p <= persons; ++p) {
    contactplan::v1::Person& person = *plan.add_persons();
    person.set_id(absl::StrCat("p-", p));
    person.set_name(absl::StrCat("Person ", p));
    person.set_level(contactplan::v1::EXECUTIVE);
    person.add_buyer_roles(contactplan::v1::Person::POWER);
    person.set_key(true);
    person.set_relationship_level(contactplan::v1::VENDOR);
    person.set_desired_relationship_level(contactplan::v1::TRUSTED_ADVISOR);
    person.set_relationship_type(contactplan::v1::COMPETITIVE);
    contactplan::v1::NpsAnswer& answer = *person.add_nps_answers();
    answer.set_score(2);
    answer.mutable_answered_at()->set_seconds(kLongBefore);
  }
  plan.mutable_relationships()->Reserve(persons * team_members);
  for (int32_t m = 1; m <= team_members; ++m) {
    for (int32_t p = 1; p <= persons; ++p) {
      contactplan::v1::Relationship& cell = *plan.add_relationships();
      cell.set_team_member_id(absl::StrCat("t-", m));
      cell.set_person_id(absl::StrCat("p-", p));
      cell.set_grade(contactplan::v1::DISSATISFIED);
      cell.mutable_assessed_at()->set_seconds(kLongBefore);
      cell.mutable_last_contact_at()->set_seconds(kLongBefore);
    }
  }
  return plan;
}

int64_t Entities(const Plan& plan) {
  int64_t count = plan.persons_size() + plan.team_members_size() + plan.relationships_size() +
                  plan.opportunities_size() + plan.blueprint_size();
  for (const auto& opportunity : plan.opportunities()) count += opportunity.participants_size();
  for (const auto& entry : plan.blueprint()) count += entry.tactics_size();
  return count;
}

int64_t Details(const Plan& plan) {
  int64_t count = 0;
  for (const auto& person : plan.persons()) {
    count += person.nps_answers_size() + person.influences_size();
  }
  for (const auto& relationship : plan.relationships()) count += relationship.history_size();
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
  } else if (kind == "weak" && argc == 5) {
    plan = WeakAndStaleMap(std::atoi(argv[2]), std::atoi(argv[3]));
  } else if (kind == "names" && argc == 5) {
    plan = WithLongNames(std::atoi(argv[2]), std::atoi(argv[3]));
  } else if (kind == "roles" && argc == 4) {
    // {"persons": [{"id": "p", "buyerRoles": [1,1,1,...]}]}: two bytes per role.
    const int64_t count = std::atoll(argv[2]);
    std::string json = R"({"persons": [{"id": "p", "buyerRoles": [)";
    json.reserve(json.size() + 2 * count + 8);
    for (int64_t i = 0; i < count; ++i) json.append(i == 0 ? "1" : ",1");
    json.append("]}]}");
    return WriteText(argv[3], json, 1, 0);
  } else if (kind == "blank" && argc == 4) {
    std::string json = "{";
    json.resize(static_cast<size_t>(std::atoll(argv[2])) - 1, ' ');
    json.push_back('}');
    return WriteText(argv[3], json, 0, 0);
  } else if (kind == "grid" && argc == 5) {
    const int64_t rows = std::atoll(argv[2]);
    const std::string row = std::string(static_cast<size_t>(std::atoll(argv[3])) - 1, ',') + "\n";
    std::string csv;
    csv.reserve(row.size() * rows);
    for (int64_t r = 0; r < rows; ++r) csv.append(row);
    return WriteText(argv[4], csv, 0, 0);
  } else {
    return Usage();
  }
  const std::string out = argv[argc - 1];
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  if (!plan.SerializeToOstream(&file) || !file.flush()) {
    std::cerr << "reliability_plan_writer: cannot write " << out << "\n";
    return 1;
  }
  std::cout << "entities " << Entities(plan) << " details " << Details(plan) << " bytes "
            << plan.ByteSizeLong() << "\n";
  return 0;
}
