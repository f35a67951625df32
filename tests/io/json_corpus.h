// Test helper: the plans the JSON tests compare against protobuf's own JSON on: every plan JSON of
// the repository (examples/, tests/data/) and generated plans of several sizes.
#ifndef CONTACTPLAN_TESTS_IO_JSON_CORPUS_H_
#define CONTACTPLAN_TESTS_IO_JSON_CORPUS_H_

#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "contactplan/plan_generator.h"
#include "contactplan/v1/plan.pb.h"
#include "support/text_plan.h"

namespace contactplan::testing {

// Paths of every .json file under examples/ and tests/data/ (the hostile ones included), sorted.
inline std::vector<std::string> CorpusJsonFiles() {
  const std::filesystem::path data = std::filesystem::path(TestDataPath("plans")).parent_path();
  std::vector<std::string> files;
  for (const std::filesystem::path& root : {data, data.parent_path().parent_path() / "examples"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") {
        files.push_back(entry.path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Generated plans from 10 x 5 to 300 x 50, several seeds: every field the generator fills.
inline std::vector<v1::Plan> GeneratedPlans() {
  std::vector<v1::Plan> plans;
  for (const auto& [persons, members, seed] :
       std::vector<std::tuple<int, int, int>>{{10, 5, 1}, {25, 8, 2}, {100, 20, 3}, {300, 50, 4}}) {
    generate::GeneratorOptions options;
    options.persons = persons;
    options.team_members = members;
    options.seed = static_cast<uint64_t>(seed);
    options.opportunities = 3;
    plans.push_back(generate::GeneratePlan(options));
  }
  return plans;
}

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_IO_JSON_CORPUS_H_
