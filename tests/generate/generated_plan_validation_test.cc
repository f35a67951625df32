// Generated plans pass the engine's validation at every size the benchmarks use, and with the
// engine's default limits: a benchmark on an invalid plan would time the error path.
#include <string>
#include <vector>

#include "contactplan/plan_generator.h"
#include "contactplan/validation.h"
#include "gtest/gtest.h"

namespace contactplan::generate {
namespace {

std::string Listed(const std::vector<ValidationProblem>& problems) {
  std::string text;
  for (const ValidationProblem& problem : problems) {
    text += problem.path + ": " + problem.message + "\n";
  }
  return text;
}

struct Case {
  int32_t persons;
  int32_t team_members;
  int32_t opportunities;
  uint64_t seed;
};

class GeneratedPlanValidationTest : public ::testing::TestWithParam<Case> {};

TEST_P(GeneratedPlanValidationTest, PassesValidation) {
  GeneratorOptions options;
  options.persons = GetParam().persons;
  options.team_members = GetParam().team_members;
  options.opportunities = GetParam().opportunities;
  options.seed = GetParam().seed;
  const std::vector<ValidationProblem> problems = ValidatePlan(GeneratePlan(options));
  EXPECT_TRUE(problems.empty()) << Listed(problems);
}

INSTANTIATE_TEST_SUITE_P(Sizes, GeneratedPlanValidationTest,
                         ::testing::Values(Case{0, 0, 0, 1}, Case{1, 1, 1, 1}, Case{10, 5, 1, 1},
                                           Case{25, 8, 1, 1}, Case{25, 8, 5, 2},
                                           Case{300, 50, 3, 3}, Case{3000, 200, 10, 4},
                                           Case{10000, 500, 1, 1}));

TEST(GeneratedPlanValidationTest, TypicalPlanPassesValidation) {
  const std::vector<ValidationProblem> problems = ValidatePlan(GeneratePlan(TypicalPlanOptions()));
  EXPECT_TRUE(problems.empty()) << Listed(problems);
}

}  // namespace
}  // namespace contactplan::generate
