// Reason codes: which findings explain which cells.
#include "recommend/reasons.h"

#include "options/tuning.h"

#include <fstream>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/priority.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::TypedFindings;
using ::contactplan::testing::MakeFinding;
using ::contactplan::testing::RecommendFixture;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kPlan[] = R"pb(
  team_members { id: "t1" }
  team_members { id: "t2" }
  persons { id: "p1" }
  persons { id: "p2" }
  relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT }
  relationships { team_member_id: "t2" person_id: "p1" grade: SATISFIED }
  opportunities { id: "o1" participants { person_id: "p2" } }
)pb";

TEST(CellReasons, EachCodeSpeaksForTheCellsItConcerns) {
  const RecommendFixture fixture(kPlan);
  std::vector<v1::Finding> findings = {
      MakeFinding("WEAK_RELATIONSHIP", {"p1"}, {"t1"}),
      MakeFinding("STALE_ASSESSMENT", {"p1"}, {"t2"}),
      MakeFinding("SENIORITY_MISMATCH", {"p1"}, {"t1", "t2"}),
      MakeFinding("NPS_DETRACTOR", {"p1"}),
      MakeFinding("TOO_FEW_OPEN", {}),
      MakeFinding("NO_MENTOR", {}),
      MakeFinding("OVER_COVERED_PERSON", {"p1"}),  // no reason to work a cell
  };
  findings[5].set_opportunity_id("o1");
  const CellReasons reasons(fixture.index(), TypedFindings(fixture.index(), findings));
  const auto codes = [&](const char* person, const char* member, v1::Grade current,
                         v1::Grade next) {
    return CellReasons::Codes(
        reasons.For(fixture.Person(person), fixture.Member(member), current, next));
  };
  EXPECT_THAT(codes("p1", "t1", v1::INDIFFERENT, v1::SATISFIED),
              ElementsAre("WEAK_RELATIONSHIP", "NPS_DETRACTOR"));
  EXPECT_THAT(codes("p1", "t2", v1::SATISFIED, v1::OPEN),
              ElementsAre("TOO_FEW_OPEN", "STALE_ASSESSMENT", "NPS_DETRACTOR"));
  // A new relationship answers the seniority mismatch; the existing cells' codes are not its own.
  EXPECT_THAT(codes("p1", "t1", v1::GRADE_UNSPECIFIED, v1::INDIFFERENT),
              ElementsAre("SENIORITY_MISMATCH", "NPS_DETRACTOR"));
  EXPECT_THAT(codes("p2", "t1", v1::GRADE_UNSPECIFIED, v1::INDIFFERENT), ElementsAre("NO_MENTOR"));
}

TEST(CellReasons, UnknownIdsAndCodesAreIgnored) {
  const RecommendFixture fixture(kPlan);
  const std::vector<v1::Finding> findings = {MakeFinding("WEAK_RELATIONSHIP", {"p-9"}, {"t1"}),
                                             MakeFinding("NOT_A_CODE", {"p1"})};
  const CellReasons reasons(fixture.index(), TypedFindings(fixture.index(), findings));
  EXPECT_THAT(CellReasons::Codes(reasons.For(0, 0, v1::INDIFFERENT, v1::SATISFIED)), IsEmpty());
}

// docs/recommendations.md lists every reason code with its boost, in catalogue order; the boosts
// are tuning (tuning.recommend.reason_urgency, one field per code), so the table is checked against
// the defaults, and every reason code has its field.
TEST(ReasonCodes, TheDocumentedTableIsWhatTheRulesCarry) {
  std::ifstream doc("docs/recommendations.md");
  ASSERT_TRUE(doc) << "run from the repository root";
  std::vector<std::pair<std::string, double>> rows;
  bool in_table = false;
  for (std::string line; std::getline(doc, line);) {
    if (line.starts_with("| code | scope | urgency boost |")) in_table = true;
    if (!in_table) continue;
    if (line.empty()) break;
    if (!line.starts_with("| `")) continue;
    const std::string code = line.substr(3, line.find('`', 3) - 3);
    rows.emplace_back(code, std::stod(line.substr(line.rfind("| ") + 2)));
  }
  const std::span<const ReasonCode> codes = ReasonCodes();
  ASSERT_EQ(rows.size(), codes.size());
  ASSERT_LE(codes.size(), 32u) << "ReasonSet is a 32-bit mask";
  for (size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(rows[i].first, codes[i].code) << i;
    EXPECT_NE(v1::ReasonUrgency::descriptor()->FindFieldByName(absl::AsciiStrToLower(std::string(codes[i].code))),
              nullptr)
        << codes[i].code << " has no field in tuning.recommend.reason_urgency";
    EXPECT_DOUBLE_EQ(rows[i].second, ReasonBoost(DefaultTuning().recommend(), i)) << codes[i].code;
  }
}

// Urgency with the reason factors read from the same tuning, as the key intersections do.
double UrgencyOf(const v1::RecommendTuning& tuning, v1::Grade current, ReasonSet reasons,
                 double deal_boost) {
  return Urgency(tuning, ReasonFactors(tuning), current, reasons, deal_boost);
}

TEST(Urgency, ReasonsRaiseTheUrgencyOfTheGrade) {
  EXPECT_DOUBLE_EQ(UrgencyOf(DefaultTuning().recommend(), v1::INDIFFERENT, 0, 0), 0.7);
  // UNCOVERED_PERSON (bit 0) boosts by 0.3: 1 - 0.4 * 0.7.
  EXPECT_DOUBLE_EQ(
      UrgencyOf(DefaultTuning().recommend(), v1::GRADE_UNSPECIFIED, ReasonSet{1}, 0), 0.72);
  EXPECT_DOUBLE_EQ(UrgencyOf(DefaultTuning().recommend(), v1::MOTIVATED_TO_CHANGE, 0, 0), 1.0);
  EXPECT_LT(UrgencyOf(DefaultTuning().recommend(), v1::OPEN, 0, 0),
            UrgencyOf(DefaultTuning().recommend(), v1::SATISFIED, 0, 0));
}

}  // namespace
}  // namespace contactplan::recommend

namespace contactplan::recommend {
namespace {

// A reason's boost comes from the options: with UNCOVERED_PERSON's (bit 0) set to 0 it adds nothing.
TEST(Urgency, AReasonsBoostIsTuning) {
  v1::RecommendTuning tuning = DefaultTuning().recommend();
  ASSERT_EQ(ReasonCodes()[0].code, "UNCOVERED_PERSON");
  EXPECT_GT(UrgencyOf(tuning, v1::GRADE_UNSPECIFIED, ReasonSet{1}, 0),
            UrgencyOf(tuning, v1::GRADE_UNSPECIFIED, 0, 0));
  tuning.mutable_reason_urgency()->set_uncovered_person(0);
  EXPECT_DOUBLE_EQ(UrgencyOf(tuning, v1::GRADE_UNSPECIFIED, ReasonSet{1}, 0),
                   UrgencyOf(tuning, v1::GRADE_UNSPECIFIED, 0, 0));
}

}  // namespace
}  // namespace contactplan::recommend
