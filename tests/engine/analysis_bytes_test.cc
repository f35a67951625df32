// The binary analysis the C ABI writes with the persons' coverage, the findings, the desired
// grades, the drift forecast and the releases spliced in from their rows (src/engine/analysis_bytes.h) is, byte for byte, protobuf's own serialization of the
// analysis with both built as messages: on every golden plan, on generated plans of many sizes (so
// that the lengths of the recommendations and of the forecast cross varint boundaries), with and
// without "now", with long ids, with no graded intersection at all, with releases of both kinds,
// and with every finding of the golden plans listed, with and without their sentences. The JSON
// written from those bytes (the C ABI's JSON output) is the JSON of the whole message.
#include "engine/analysis_bytes.h"

#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "engine/analyze.h"
#include "google/protobuf/arena.h"
#include "gtest/gtest.h"
#include "io/proto_binary.h"
#include "options/settings.h"
#include "support/text_plan.h"

namespace contactplan::engine {
namespace {

// The analysis as the C ABI writes it (forecast and releases from rows, on an arena) and as protobuf
// writes the analysis the public Engine builds (both as messages). Returns how many releases the
// analysis holds.
int ExpectSameBytes(const v1::Plan& plan, const v1::AnalysisOptions& options,
                     const std::string& what) {
  const absl::StatusOr<Settings> settings = ResolveSettings({});
  EXPECT_TRUE(settings.ok()) << settings.status();
  if (!settings.ok()) return 0;

  const model::RelationshipTable relationships = model::RelationshipTable::FromPlan(plan);
  v1::Analysis whole;
  EXPECT_TRUE(AnalyzePlan(*settings, plan, relationships, options, &whole, nullptr).ok()) << what;
  EXPECT_TRUE(whole.recommendations().has_drift()) << what;
  const std::string expected = io::WriteBinaryMessage(whole);

  google::protobuf::Arena arena;
  auto* analysis = google::protobuf::Arena::CreateMessage<v1::Analysis>(&arena);
  AnalysisRows rows;
  EXPECT_TRUE(AnalyzePlan(*settings, plan, relationships, options, analysis, &rows).ok()) << what;
  if (!rows.person_coverage.has_value() || !rows.recommendations.desired_grades.has_value() ||
      !rows.recommendations.drift.has_value() || !rows.recommendations.releases.has_value()) {
    ADD_FAILURE() << what << ": the rows were not worked out";
    return 0;
  }
  EXPECT_TRUE(analysis->findings().empty()) << what << ": the findings were built too";
  EXPECT_TRUE(analysis->scores().person_coverage().empty())
      << what << ": the persons' coverage was built too";
  EXPECT_FALSE(analysis->recommendations().has_drift()) << what << ": the forecast was built too";
  EXPECT_TRUE(analysis->recommendations().releases().empty()) << what << ": releases built too";
  EXPECT_TRUE(analysis->recommendations().desired_grades().empty())
      << what << ": desired grades built too";

  const AnalysisWithRows bytes(*analysis, rows);
  EXPECT_EQ(bytes.size(), expected.size()) << what;
  std::string written(bytes.size(), '\x55');
  bytes.WriteInto(written.data());
  EXPECT_TRUE(written == expected) << what << ": the spliced analysis differs from protobuf's";
  // Its JSON, written from those bytes, is the JSON of the whole message.
  const absl::StatusOr<std::string> json = bytes.WriteJson();
  const absl::StatusOr<std::string> expected_json = WriteAnalysis(whole, PlanFormat::kJson);
  EXPECT_TRUE(json.ok()) << what << ": " << json.status();
  EXPECT_TRUE(expected_json.ok()) << what << ": " << expected_json.status();
  EXPECT_TRUE(json.ok() && expected_json.ok() && *json == *expected_json)
      << what << ": the JSON of the rows differs from the message's";

  // The rows written as messages are the messages the engine builds.
  v1::Scores coverage;
  rows.person_coverage->WriteTo(coverage.mutable_person_coverage());
  v1::Scores expected_coverage;
  *expected_coverage.mutable_person_coverage() = whole.scores().person_coverage();
  EXPECT_EQ(io::WriteBinaryMessage(coverage), io::WriteBinaryMessage(expected_coverage)) << what;
  EXPECT_EQ(rows.person_coverage->size(),
            static_cast<size_t>(whole.scores().person_coverage_size()))
      << what;
  v1::DriftForecast forecast;
  rows.recommendations.drift->WriteTo(&forecast);
  EXPECT_EQ(io::WriteBinaryMessage(forecast), io::WriteBinaryMessage(whole.recommendations().drift()))
      << what;
  v1::Recommendations releases;
  rows.recommendations.releases->WriteTo(releases.mutable_releases());
  rows.recommendations.desired_grades->WriteTo(releases.mutable_desired_grades());
  v1::Recommendations expected_releases;
  *expected_releases.mutable_releases() = whole.recommendations().releases();
  *expected_releases.mutable_desired_grades() = whole.recommendations().desired_grades();
  EXPECT_EQ(io::WriteBinaryMessage(releases), io::WriteBinaryMessage(expected_releases)) << what;
  EXPECT_EQ(rows.recommendations.releases->size(),
            static_cast<size_t>(whole.recommendations().releases_size()))
      << what;
  return whole.recommendations().releases_size();
}

TEST(AnalysisWithRowsTest, GoldenPlansGiveProtobufsBytes) {
  int releases = 0;
  for (const char* name : {"full", "kestrel-health", "kestrel-health-horizon90", "northwind-grid",
                           "typical", "generated-10x5-seed2", "generated-60x12-seed7-opps4",
                           "generated-100x20-seed3-opps2"}) {
    const v1::Plan plan = testing::PlanFromText(testing::ReadFileOrFail(
        testing::TestDataPath(std::string("golden/") + name + ".plan.txtpb")));
    for (const int32_t cap : {0, 250, 3}) {
      v1::AnalysisOptions options;
      options.set_max_findings(cap);
      options.set_horizon_days(cap == 3 ? 90 : 30);
      releases +=
          ExpectSameBytes(plan, options, std::string(name) + ", max_findings " + std::to_string(cap));
    }
    v1::AnalysisOptions without_messages;
    without_messages.set_max_findings(0);
    without_messages.set_include_messages(false);
    ExpectSameBytes(plan, without_messages, std::string(name) + ", without messages");
  }
  EXPECT_GT(releases, 0) << "no golden plan has releases: the test would not see them written";
}

TEST(AnalysisWithRowsTest, GeneratedPlansOfManySizesGiveProtobufsBytes) {
  int releases = 0;
  for (int persons = 1; persons <= 120; persons += 7) {
    for (int team : {1, 3, 9}) {
      const v1::Plan plan = generate::GeneratePlan(
          {.persons = persons, .team_members = team, .seed = static_cast<uint64_t>(persons * team)});
      releases += ExpectSameBytes(plan, {}, std::to_string(persons) + " x " + std::to_string(team));
    }
  }
  EXPECT_GT(releases, 0);
}

TEST(AnalysisWithRowsTest, LongIdsNoNowAndNoGradesGiveProtobufsBytes) {
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

// Releases of both kinds, with ids whose length takes one and two varint bytes, and reasons longer
// than 127 bytes.
TEST(AnalysisWithRowsTest, ReleasesOfBothKindsGiveProtobufsBytes) {
  v1::Plan plan = testing::PlanFromText(R"pb(
    as_of { seconds: 1717200000 }
    team_members { id: "t1" name: "Tess One" level: EXECUTIVE }
    team_members { id: "t2" name: "Tom Two" level: MIDDLE_MANAGEMENT }
    team_members { id: "t3" name: "Tia Three" }
    team_members { id: "t4" name: "Ted Four" level: EXECUTIVE }
    team_members { id: "t5" name: "Tara Five" }
    persons { id: "p1" name: "Over Covered" title: "Chief Financial Officer" level: EXECUTIVE }
    persons {
      id: "p2"
      name: "Past Desired"
      relationship_level: TRUSTED_ADVISOR
      desired_relationship_level: CREDIBLE_SOURCE
    }
    relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
    relationships { team_member_id: "t2" person_id: "p1" grade: OPEN }
    relationships { team_member_id: "t3" person_id: "p1" grade: OPEN }
    relationships { team_member_id: "t4" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "t5" person_id: "p1" grade: TRUST }
    relationships { team_member_id: "t1" person_id: "p2" grade: TRUST }
    relationships { team_member_id: "t2" person_id: "p2" grade: OPEN }
    relationships { team_member_id: "t3" person_id: "p2" grade: SATISFIED }
  )pb");
  const auto count_kinds = [](const v1::Analysis& analysis, std::string_view said) {
    int count = 0;
    for (const v1::Release& release : analysis.recommendations().releases()) {
      count += release.reason().find(said) != std::string::npos ? 1 : 0;
    }
    return count;
  };
  v1::Analysis analysis;
  const absl::StatusOr<Settings> settings = ResolveSettings({});
  ASSERT_TRUE(settings.ok());
  ASSERT_TRUE(AnalyzePlan(*settings, plan, model::RelationshipTable::FromPlan(plan), {}, &analysis,
                          nullptr)
                  .ok());
  EXPECT_GT(count_kinds(analysis, "can step back"), 0) << analysis.DebugString();
  EXPECT_GT(count_kinds(analysis, "ease to"), 0) << analysis.DebugString();
  EXPECT_GT(ExpectSameBytes(plan, {}, "both kinds"), 1);

  const std::string long_id(200, 'p');
  plan.mutable_persons(1)->set_id(long_id);
  for (v1::Relationship& r : *plan.mutable_relationships()) {
    if (r.person_id() == "p2") r.set_person_id(long_id);
  }
  plan.mutable_persons(0)->set_name(std::string(150, 'n'));
  EXPECT_GT(ExpectSameBytes(plan, {}, "long ids and names"), 1);
}

}  // namespace
}  // namespace contactplan::engine
