// The brief of both examples at 100 and 60 columns, compared byte for byte with the golden files in
// tests/data/golden/. Findings and recommendations change as the engine grows; when a change is
// intended, regenerate the files and review the diff:
//
//   CONTACTPLAN_UPDATE_GOLDENS=1 build/tests/render_brief_golden_test
//
// (run from the source directory, as ctest does).
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "contactplan/render.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "render/text_layout.h"

namespace contactplan {
namespace {

struct Golden {
  const char* plan;  // relative to the source directory, as the brief prints it
  const char* name;
  int width;
};

std::string GoldenPath(const Golden& golden) {
  return std::string("tests/data/golden/brief-") + golden.name + "-" +
         std::to_string(golden.width) + ".txt";
}

class BriefGoldenTest : public testing::TestWithParam<Golden> {};

TEST_P(BriefGoldenTest, MatchesTheGoldenFile) {
  const Golden& golden = GetParam();
  absl::StatusOr<v1::Plan> plan = ReadPlanFile(golden.plan);
  ASSERT_TRUE(plan.ok()) << plan.status();
  absl::StatusOr<Engine> engine = Engine::Create();
  ASSERT_TRUE(engine.ok()) << engine.status();
  absl::StatusOr<v1::Analysis> analysis = engine->Analyze(*plan);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  RenderOptions options;
  options.width = golden.width;
  options.origin = golden.plan;
  absl::StatusOr<std::string> brief = Render(*plan, *analysis, View::kBrief, options);
  ASSERT_TRUE(brief.ok()) << brief.status();

  // The promises hold whatever the golden file says: one screen, no line wider than asked.
  std::istringstream lines(*brief);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    EXPECT_LE(render::DisplayWidth(line), static_cast<size_t>(golden.width)) << line;
  }
  EXPECT_LE(count, 50);

  const std::string path = GoldenPath(golden);
  if (const char* update = std::getenv("CONTACTPLAN_UPDATE_GOLDENS"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << *brief;
    GTEST_SKIP() << "rewrote " << path << ": review the diff before committing it";
  }
  std::ifstream file(path, std::ios::binary);
  ASSERT_TRUE(file) << path << " is missing; create it with CONTACTPLAN_UPDATE_GOLDENS=1";
  const std::string expected((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_EQ(*brief, expected) << "the brief changed; if on purpose, regenerate " << path
                              << " with CONTACTPLAN_UPDATE_GOLDENS=1 and review the diff";
}

INSTANTIATE_TEST_SUITE_P(
    Examples, BriefGoldenTest,
    testing::Values(Golden{"examples/kestrel-health.json", "kestrel", 100},
                    Golden{"examples/kestrel-health.json", "kestrel", 60},
                    Golden{"examples/northwind-grid.csv", "northwind", 100},
                    Golden{"examples/northwind-grid.csv", "northwind", 60}),
    [](const testing::TestParamInfo<Golden>& test) {
      return std::string(test.param.name) + "_" + std::to_string(test.param.width);
    });

}  // namespace
}  // namespace contactplan
