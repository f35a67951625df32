// The header-only C++ wrapper (bindings/cpp/contactplan.hpp), compiled as C++17 and linked only
// against libcontactplan.so, as a host with its own toolchain would use it.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "contactplan.hpp"  // bindings/cpp; installed as <contactplan/contactplan.hpp>
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;

std::string TestFile(const std::string& name) {
  const char* dir = std::getenv("CONTACTPLAN_TEST_DATA");
  std::ifstream in(std::string(dir != nullptr ? dir : CPLAN_TEST_DATA_DIR) + "/" + name,
                   std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

constexpr std::string_view kDanglingPlan =
    R"({"teamMembers": [{"id": "t1"}], "persons": [{"id": "p1"}],
        "relationships": [{"teamMemberId": "t1", "personId": "p-9", "grade": "TRUST"}]})";

TEST(CppWrapperTest, AnalyzesAGridIntoJson) {
  const cplan::Engine engine;
  const cplan::Buffer analysis =
      engine.Analyze(TestFile("capi/grid.csv"), cplan::Format::kCsv, cplan::Format::kJson);
  EXPECT_THAT(analysis.view(), HasSubstr(R"("figure": "1x2")"));
  EXPECT_EQ(analysis.data()[analysis.size()], '\0');
}

TEST(CppWrapperTest, PassesAnalysisOptions) {
  const cplan::Engine engine;
  const cplan::Buffer analysis =
      engine.Analyze(TestFile("capi/plan.json"), cplan::Format::kJson, cplan::Format::kJson,
                     R"({"asOf": "2024-07-01T00:00:00Z"})");
  EXPECT_THAT(analysis.view(), HasSubstr("2024-07-01T00:00:00Z"));
}

TEST(CppWrapperTest, ThrowsTheLibrarysStatusAndMessage) {
  const cplan::Engine engine;
  try {
    engine.Validate(kDanglingPlan, cplan::Format::kJson);
    FAIL() << "an invalid plan validated";
  } catch (const cplan::Error& error) {
    EXPECT_EQ(error.status(), CPLAN_INVALID_PLAN);
    EXPECT_STREQ(error.status_name(), "CPLAN_INVALID_PLAN");
    EXPECT_THAT(error.what(), HasSubstr("relationships[0].person_id"));
  }
}

TEST(CppWrapperTest, RejectsBadOptions) {
  try {
    cplan::Engine engine(R"({"thresholds": {"staleAfterDays": 0}})");
    FAIL() << "out-of-range options were accepted";
  } catch (const cplan::Error& error) {
    EXPECT_EQ(error.status(), CPLAN_INVALID_OPTIONS);
    EXPECT_THAT(error.what(), HasSubstr("thresholds.stale_after_days"));
  }
}

TEST(CppWrapperTest, ConvertsBetweenFormats) {
  const cplan::Engine engine(R"({"thresholds": {"staleAfterDays": 60}})");
  const cplan::Buffer binary =
      engine.Convert(TestFile("capi/plan.json"), cplan::Format::kJson, cplan::Format::kBinary);
  // plan.json holds more than the grid can (an account, a blueprint ...): no silent loss.
  try {
    engine.Convert(binary.view(), cplan::Format::kBinary, cplan::Format::kCsv);
    FAIL() << "a lossy conversion to CSV succeeded";
  } catch (const cplan::Error& error) {
    EXPECT_EQ(error.status(), CPLAN_UNREPRESENTABLE);
    EXPECT_THAT(error.what(), HasSubstr("account (1)"));
  }
  std::vector<std::string> losses;
  const cplan::Buffer lossy = engine.ConvertAllowingLosses(binary.view(), cplan::Format::kBinary,
                                                           cplan::Format::kCsv, &losses);
  EXPECT_THAT(lossy.view(), HasSubstr("Cara Lind"));
  EXPECT_THAT(losses, ::testing::Contains("account (1)"));
  const cplan::Buffer grid =
      engine.Convert(TestFile("capi/grid.csv"), cplan::Format::kCsv, cplan::Format::kBinary);
  const cplan::Buffer csv = engine.Convert(grid.view(), cplan::Format::kBinary, cplan::Format::kCsv);
  EXPECT_THAT(csv.view(), HasSubstr("Cara Lind"));
  EXPECT_THROW(engine.Convert("{", cplan::Format::kJson, cplan::Format::kBinary), cplan::Error);
}

TEST(CppWrapperTest, BuffersAndEnginesMove) {
  cplan::Engine engine;
  cplan::Buffer first =
      engine.Convert(TestFile("capi/plan.json"), cplan::Format::kJson, cplan::Format::kBinary);
  const std::string bytes = first.str();
  cplan::Buffer second = std::move(first);
  EXPECT_TRUE(first.empty());  // NOLINT(bugprone-use-after-move): moved-from state is specified
  EXPECT_EQ(second.view(), bytes);

  cplan::Engine moved = std::move(engine);
  EXPECT_EQ(engine.get(), nullptr);  // NOLINT(bugprone-use-after-move)
  EXPECT_NE(moved.get(), nullptr);
  EXPECT_EQ(moved.Convert(bytes, cplan::Format::kBinary, cplan::Format::kBinary).view(), bytes);
}

TEST(CppWrapperTest, PicksFormatsByExtensionAndChecksTheVersion) {
  EXPECT_EQ(cplan::FormatFromPath("north.csv"), cplan::Format::kCsv);
  EXPECT_EQ(cplan::FormatFromPath("north.txtpb"), cplan::Format::kText);
  EXPECT_THROW(cplan::FormatFromPath("north.xlsx"), cplan::Error);
  EXPECT_TRUE(cplan::LibraryIsCompatible());
  EXPECT_STREQ(cplan::LibraryVersion(), CPLAN_VERSION_STRING);
}

TEST(CppWrapperTest, DiffsTwoPlansAndRefusesDifferentAccountsUnlessForced) {
  const cplan::Engine engine;
  const std::string old_plan =
      R"({"account": {"id": "acme"}, "teamMembers": [{"id": "t1"}], "persons": [{"id": "p1"}],
          "relationships": [{"teamMemberId": "t1", "personId": "p1", "grade": "TRUST"}]})";
  std::string new_plan = old_plan;
  new_plan.replace(new_plan.find("TRUST"), 5, "OPEN");
  const cplan::Buffer diff = engine.Diff(old_plan, cplan::Format::kJson, new_plan,
                                         cplan::Format::kJson, false, cplan::Format::kJson);
  EXPECT_THAT(diff.view(), HasSubstr(R"("after": "OPEN")"));
  std::string other = old_plan;
  other.replace(other.find("acme"), 4, "globex");
  try {
    engine.Diff(old_plan, cplan::Format::kJson, other, cplan::Format::kJson);
    FAIL() << "plans of different accounts were compared";
  } catch (const cplan::Error& error) {
    EXPECT_EQ(error.status(), CPLAN_DIFFERENT_ACCOUNTS);
  }
  EXPECT_GT(engine.Diff(old_plan, cplan::Format::kJson, other, cplan::Format::kJson, true).size(),
            0u);
}

}  // namespace
