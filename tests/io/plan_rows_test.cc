// ParsePlanRows (io/plan_rows.h): the plan parsed for analysis, with its relationships as rows. The
// same status as ParsePlanInto for every input; from binary bytes the reader's rows (no relationship
// messages), and the ordinary parse wherever the reader declines.
#include "io/plan_rows.h"

#include <string>

#include "contactplan/plan_io.h"
#include "contactplan/v1/plan.pb.h"
#include "gtest/gtest.h"
#include "io/proto_binary.h"
#include "model/relationship_table.h"
#include "support/text_plan.h"
#include "support/wire_bytes.h"

namespace contactplan::io {
namespace {

using ::contactplan::testing::kVarint;
using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::VarintField;
using model::RelationshipTable;

v1::Plan SmallPlan() {
  return PlanFromText(R"pb(
    team_members { id: "t1" name: "Tess" }
    persons { id: "p1" name: "Pat" }
    persons { id: "p2" name: "Quinn" }
    relationships {
      team_member_id: "t1"
      person_id: "p1"
      grade: OPEN
      assessed_at { seconds: 1700000000 }
      history { grade: SATISFIED at { seconds: 1690000000 } note: "first met" }
      touches { at { seconds: 1699000000 } kind: MEETING direction: TWO_WAY }
    }
    relationships { team_member_id: "t1" person_id: "p2" notes: "not graded yet" }
  )pb");
}

TEST(PlanRowsTest, BinaryRelationshipsBecomeRowsWithoutMessages) {
  const v1::Plan plan = SmallPlan();
  const std::string bytes = WriteBinaryMessage(plan);
  v1::Plan parsed;
  RelationshipTable rows;
  ASSERT_TRUE(ParsePlanRows(bytes, PlanFormat::kBinary, &parsed, &rows).ok());
  EXPECT_EQ(parsed.relationships_size(), 0) << "the reader built relationship messages";
  EXPECT_EQ(parsed.persons_size(), 2);
  EXPECT_TRUE(rows == RelationshipTable::FromPlan(plan));
  ASSERT_EQ(rows.size(), 2);
  // The ids view the caller's bytes.
  EXPECT_GE(rows[0].person_id.data(), bytes.data());
  EXPECT_LT(rows[0].person_id.data(), bytes.data() + bytes.size());
}

TEST(PlanRowsTest, BytesTheReaderDeclinesAreParsedWhole) {
  // Plan.relationships (6) as a varint: protobuf keeps it as an unknown field; the reader declines.
  const std::string bytes = WriteBinaryMessage(SmallPlan()) + VarintField(6, 1);
  v1::Plan expected;
  ASSERT_TRUE(ParsePlanInto(bytes, PlanFormat::kBinary, &expected).ok());
  v1::Plan parsed;
  RelationshipTable rows;
  ASSERT_TRUE(ParsePlanRows(bytes, PlanFormat::kBinary, &parsed, &rows).ok());
  EXPECT_EQ(parsed.relationships_size(), 2) << "not the ordinary parse";
  EXPECT_EQ(WriteBinaryMessage(parsed), WriteBinaryMessage(expected));
  EXPECT_TRUE(rows == RelationshipTable::FromPlan(expected));
}

TEST(PlanRowsTest, RefusedBytesGiveTheOrdinaryParsesError) {
  std::string bytes = WriteBinaryMessage(SmallPlan());
  bytes.resize(bytes.size() - 3);  // cut inside the last relationship
  v1::Plan expected;
  const absl::Status ordinary = ParsePlanInto(bytes, PlanFormat::kBinary, &expected);
  ASSERT_FALSE(ordinary.ok());
  v1::Plan parsed;
  RelationshipTable rows;
  const absl::Status status = ParsePlanRows(bytes, PlanFormat::kBinary, &parsed, &rows);
  EXPECT_EQ(status, ordinary);
  EXPECT_EQ(rows.size(), 0);
}

TEST(PlanRowsTest, OtherFormatsGiveRowsOfTheParsedMessages) {
  const v1::Plan plan = SmallPlan();
  const absl::StatusOr<std::string> json = WritePlan(plan, PlanFormat::kJson);
  ASSERT_TRUE(json.ok());
  v1::Plan parsed;
  RelationshipTable rows;
  ASSERT_TRUE(ParsePlanRows(*json, PlanFormat::kJson, &parsed, &rows).ok());
  EXPECT_EQ(parsed.relationships_size(), 2);
  EXPECT_TRUE(rows == RelationshipTable::FromPlan(plan));
  EXPECT_EQ(rows[1].person_id.data(), parsed.relationships(1).person_id().data());
}

}  // namespace
}  // namespace contactplan::io
