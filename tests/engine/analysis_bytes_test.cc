// The binary analysis the C ABI writes with the drift forecast spliced in from its rows
// (src/engine/analysis_bytes.h) is, byte for byte, protobuf's own serialization of the analysis
// with the forecast built as messages: on every golden plan, on generated plans of many sizes (so
// that the lengths of the recommendations and of the forecast cross varint boundaries), with and
// without "now", with long ids, and with no graded intersection at all.
#include "engine/analysis_bytes.h"

#include <optional>
#include <string>
#include <vector>

#include "contactplan/plan_generator.h"
#include "engine/analyze.h"
#include "google/protobuf/arena.h"
#include "gtest/gtest.h"
#include "io/proto_binary.h"
#include "options/settings.h"
#include "support/text_plan.h"

namespace contactplan::engine {
namespace {

// The analysis as the C ABI writes it (forecast from rows, on an arena) and as protobuf writes the
// analysis the public Engine builds (forecast as messages).
void ExpectSameBytes(const v1::Plan& plan, const v1::AnalysisOptions& options,
                     const std::string& what) {
  const absl::StatusOr<Settings> settings = ResolveSettings({});
  ASSERT_TRUE(settings.ok()) << settings.status();

  const model::RelationshipTable relationships = model::RelationshipTable::FromPlan(plan);
  v1::Analysis whole;
  ASSERT_TRUE(AnalyzePlan(*settings, plan, relationships, options, &whole, nullptr).ok()) << what;
  ASSERT_TRUE(whole.recommendations().has_drift()) << what;
  const std::string expected = io::WriteBinaryMessage(whole);

  google::protobuf::Arena arena;
  auto* analysis = google::protobuf::Arena::CreateMessage<v1::Analysis>(&arena);
  std::optional<recommend::DriftForecastRows> drift;
  ASSERT_TRUE(AnalyzePlan(*settings, plan, relationships, options, analysis, &drift).ok()) << what;
  ASSERT_TRUE(drift.has_value()) << what;
  EXPECT_FALSE(analysis->recommendations().has_drift()) << what << ": the forecast was built too";

  const AnalysisWithDrift bytes(*analysis, *drift);
  ASSERT_EQ(bytes.size(), expected.size()) << what;
  std::string written(bytes.size(), '\x55');
  bytes.WriteInto(written.data());
  EXPECT_TRUE(written == expected) << what << ": the spliced analysis differs from protobuf's";

  // The rows written as messages are the messages the engine builds.
  v1::DriftForecast forecast;
  drift->WriteTo(&forecast);
  EXPECT_EQ(io::WriteBinaryMessage(forecast), io::WriteBinaryMessage(whole.recommendations().drift()))
      << what;
}

TEST(AnalysisWithDriftTest, GoldenPlansGiveProtobufsBytes) {
  for (const char* name : {"full", "kestrel-health", "kestrel-health-horizon90", "northwind-grid",
                           "typical", "generated-10x5-seed2", "generated-60x12-seed7-opps4",
                           "generated-100x20-seed3-opps2"}) {
    const v1::Plan plan = testing::PlanFromText(testing::ReadFileOrFail(
        testing::TestDataPath(std::string("golden/") + name + ".plan.txtpb")));
    for (const int32_t cap : {0, 250, 3}) {
      v1::AnalysisOptions options;
      options.set_max_findings(cap);
      options.set_horizon_days(cap == 3 ? 90 : 30);
      ExpectSameBytes(plan, options, std::string(name) + ", max_findings " + std::to_string(cap));
    }
  }
}

TEST(AnalysisWithDriftTest, GeneratedPlansOfManySizesGiveProtobufsBytes) {
  for (int persons = 1; persons <= 120; persons += 7) {
    for (int team : {1, 3, 9}) {
      const v1::Plan plan = generate::GeneratePlan(
          {.persons = persons, .team_members = team, .seed = static_cast<uint64_t>(persons * team)});
      ExpectSameBytes(plan, {}, std::to_string(persons) + " x " + std::to_string(team));
    }
  }
}

TEST(AnalysisWithDriftTest, LongIdsNoNowAndNoGradesGiveProtobufsBytes) {
  const std::string long_id(300, 'x');  // a length of two varint bytes
  v1::Plan plan = testing::PlanFromText(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    persons { id: "p2" }
    relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
    relationships { team_member_id: "t1" person_id: "p2" grade: DISSATISFIED }
  )pb");
  plan.mutable_team_members(0)->set_id(long_id);
  for (v1::Relationship& r : *plan.mutable_relationships()) r.set_team_member_id(long_id);
  ExpectSameBytes(plan, {}, "long ids, no now");

  const v1::Plan ungraded = testing::PlanFromText(R"pb(
    as_of { seconds: 1717200000 }
    team_members { id: "t1" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" }
  )pb");
  ExpectSameBytes(ungraded, {}, "no graded intersection");
  ExpectSameBytes(v1::Plan(), {}, "the empty plan");
}

}  // namespace
}  // namespace contactplan::engine
