// Findings whose sentence and path are written later (rules/finding.h): composed only when the
// analysis lists the finding and asks for messages, and then exactly as an eager rule writes them.
#include "rules/finding.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "model/context.h"
#include "model/plan_index.h"
#include "options/settings.h"
#include "rules/rule.h"
#include "support/text_plan.h"

namespace contactplan::rules {
namespace {

using ::contactplan::testing::PlanFromText;

int sentences_written = 0;  // by CountingMessage, reset by each test

void CountingMessage(const model::Context& context, const Finding& finding, std::string* message) {
  ++sentences_written;
  absl::StrAppend(message, PersonLabel(context.index, finding.persons[0]), " scored ",
                  finding.number("score"), " at ", finding.at.Spelled());
}

const Rule kTestRule{.info = {.code = "TEST_RULE", .fires_when = "", .severity = "", .explanation = ""},
                     .needs_now = false,
                     .evaluate = nullptr};

class DeferredFindingTest : public ::testing::Test {
 protected:
  void SetUp() override { sentences_written = 0; }

  const v1::Plan plan_ = PlanFromText(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    persons { id: "p1" name: "Dana Reyes" title: "CFO" }
    persons { id: "p2" }
    relationships { team_member_id: "t1" person_id: "p2" grade: OPEN }
  )pb");
  const model::PlanIndex index_{plan_};
  const Settings settings_ = *ResolveSettings({});
  const model::Context context_{index_, settings_, std::nullopt};
};

TEST_F(DeferredFindingTest, SentenceAndPathAreWrittenFromTheFindingsParts) {
  std::vector<Finding> findings;
  FindingSink sink(&findings);
  sink.set_rule(&kTestRule);
  sink.Add(v1::WARNING, CountingMessage).Person(0).Number("score", 3).AtPerson(0);
  EXPECT_EQ(sentences_written, 0) << "raising a finding must not compose its sentence";

  v1::Finding out;
  WriteFinding(context_, findings[0], /*include_message=*/true, &out);
  EXPECT_EQ(sentences_written, 1);
  EXPECT_EQ(out.message(), "Dana Reyes (CFO) scored 3 at persons[0]");
  EXPECT_EQ(out.path(), "persons[0]");
  EXPECT_EQ(out.code(), "TEST_RULE");
  EXPECT_EQ(out.person_ids(0), "p1");
}

TEST_F(DeferredFindingTest, NoSentenceIsComposedWithoutMessages) {
  std::vector<Finding> findings;
  FindingSink sink(&findings);
  sink.set_rule(&kTestRule);
  sink.Add(v1::INFO, CountingMessage).Person(1).Number("score", 1).AtRelationship(0);
  v1::Finding out;
  WriteFinding(context_, findings[0], /*include_message=*/false, &out);
  EXPECT_EQ(sentences_written, 0);
  EXPECT_TRUE(out.message().empty());
  EXPECT_EQ(out.path(), "relationships[0]") << "the path is data, written with or without messages";
}

TEST_F(DeferredFindingTest, EagerMessagesAndTextPathsStillWork) {
  std::vector<Finding> findings;
  FindingSink sink(&findings);
  sink.set_rule(&kTestRule);
  sink.Add(v1::INFO, "Composed at once.").Person(1).Path("persons[1]");
  v1::Finding out;
  WriteFinding(context_, findings[0], /*include_message=*/true, &out);
  EXPECT_EQ(out.message(), "Composed at once.");
  EXPECT_EQ(out.path(), "persons[1]");
}

// Every kind as the analysis spells it, the eager path functions included (they spell through
// FindingPath), with the largest indices: the longest path fits the writer's buffer.
TEST(FindingPathTest, SpelledAsTheAnalysisSpellsPaths) {
  using Kind = FindingPath::Kind;
  EXPECT_EQ((FindingPath{Kind::kNone, {}}).Spelled(), "");
  EXPECT_EQ((FindingPath{Kind::kPerson, {12, 0}}).Spelled(), "persons[12]");
  EXPECT_EQ((FindingPath{Kind::kRelationship, {41129, 0}}).Spelled(), "relationships[41129]");
  EXPECT_EQ((FindingPath{Kind::kOpportunity, {2, 0}}).Spelled(), "opportunities[2]");
  EXPECT_EQ((FindingPath{Kind::kParticipant, {2, 5}}).Spelled(), "opportunities[2].participants[5]");
  EXPECT_EQ((FindingPath{Kind::kBlueprint, {7, 0}}).Spelled(), "blueprint[7]");
  EXPECT_EQ((FindingPath{Kind::kTactic, {7, 1}}).Spelled(), "blueprint[7].tactics[1]");
  constexpr int32_t kMost = 2147483647;
  EXPECT_EQ(ParticipantPath(kMost, kMost),
            "opportunities[2147483647].participants[2147483647]");
  EXPECT_EQ(TacticPath(kMost, kMost), "blueprint[2147483647].tactics[2147483647]");
  EXPECT_EQ(PersonPath(0), "persons[0]");
  EXPECT_EQ(RelationshipPath(3), "relationships[3]");
  EXPECT_EQ(OpportunityPath(1), "opportunities[1]");
  EXPECT_EQ(BlueprintPath(4), "blueprint[4]");
  std::string appended = "at ";
  (FindingPath{Kind::kPerson, {9, 0}}).AppendTo(&appended);
  EXPECT_EQ(appended, "at persons[9]");
}

TEST(FindingNumberTest, ReadsANamedNumberAndZeroForAMissingOne) {
  Finding finding;
  finding.numbers.push_back({"grade", 2});
  finding.numbers.push_back({"days_since_contact", 120});
  EXPECT_EQ(finding.number("days_since_contact"), 120);
  EXPECT_EQ(finding.number("grade"), 2);
  EXPECT_EQ(finding.number("missing"), 0);
}

// A large account holds tens of thousands of findings until the analysis is written (80,000 on
// the 10,000 x 500 benchmark account): the record's size is its memory, so it must not creep up.
TEST(FindingRecordTest, StaysSmallOnA64BitTarget) {
  if constexpr (sizeof(void*) == 8) {
    EXPECT_LE(sizeof(Finding), 168u);
  }
}

TEST_F(DeferredFindingTest, ASinkGivesTheSeverityOrderAndMovesNothing) {
  std::vector<Finding> findings;
  FindingSink sink(&findings);
  sink.set_rule(&kTestRule);
  for (int i = 0; i < 5; ++i) {
    sink.Add(i % 2 == 0 ? v1::INFO : v1::CRITICAL, CountingMessage).Person(0).Number("score", i);
  }
  // The records stay where the rules put them (on a large account they are 11 MB): read in
  // order through the positions.
  const Finding* const list = findings.data();
  const std::vector<uint32_t> order = std::move(sink).SeverityOrder();
  ASSERT_EQ(findings.size(), 5u);
  EXPECT_EQ(findings.data(), list);
  for (size_t i = 0; i < findings.size(); ++i) EXPECT_EQ(findings[i].number("score"), i) << i;
  const std::vector<uint32_t> expected = {1, 3, 0, 2, 4};  // CRITICAL first, each in the order added
  EXPECT_EQ(order, expected);
}

// Every severity, interleaved, after findings of an earlier sink: the order covers only what the
// sink appended, counted from its first finding.
TEST_F(DeferredFindingTest, ASinkOrdersOnlyWhatItAppended) {
  std::vector<Finding> findings;
  {
    FindingSink earlier(&findings);
    earlier.set_rule(&kTestRule);
    earlier.Add(v1::INFO, CountingMessage).Number("score", -1);
    earlier.Add(v1::CRITICAL, CountingMessage).Number("score", -2);
    EXPECT_EQ(std::move(earlier).SeverityOrder(), (std::vector<uint32_t>{1, 0}));
  }
  FindingSink sink(&findings);
  sink.set_rule(&kTestRule);
  constexpr v1::Severity kCycle[] = {v1::INFO, v1::WARNING, v1::SEVERITY_UNSPECIFIED, v1::CRITICAL,
                                     v1::WARNING, v1::INFO, v1::CRITICAL};
  constexpr int kAdded = 61;
  for (int i = 0; i < kAdded; ++i) {
    sink.Add(kCycle[i % 7], CountingMessage).Number("score", i);
  }
  const std::vector<uint32_t> order = std::move(sink).SeverityOrder();
  ASSERT_EQ(findings.size(), 2u + kAdded);
  ASSERT_EQ(order.size(), static_cast<size_t>(kAdded));
  std::vector<double> expected;
  for (const v1::Severity severity :
       {v1::CRITICAL, v1::WARNING, v1::INFO, v1::SEVERITY_UNSPECIFIED}) {
    for (int i = 0; i < kAdded; ++i) {
      if (kCycle[i % 7] == severity) expected.push_back(i);
    }
  }
  for (size_t k = 0; k < expected.size(); ++k) {
    const Finding& finding = findings[2 + order[k]];
    EXPECT_EQ(finding.number("score"), expected[k]) << k;
    EXPECT_EQ(finding.severity, kCycle[static_cast<int>(expected[k]) % 7]) << k;
  }
}

TEST_F(DeferredFindingTest, AnEmptyEagerSentenceIsWrittenAsAnEmptyMessage) {
  std::vector<Finding> findings;
  FindingSink sink(&findings);
  sink.set_rule(&kTestRule);
  sink.Add(v1::INFO, std::string()).Person(1).AtPerson(1);
  v1::Finding out;
  WriteFinding(context_, findings[0], /*include_message=*/true, &out);
  EXPECT_TRUE(out.message().empty());
  EXPECT_EQ(out.path(), "persons[1]");
}

// Labels are composed in place (one buffer, no temporaries): the cut of a long name or title must
// still fall on a character boundary and be marked, and an id stands in for a missing name.
TEST(LabelTest, PersonAndOpportunityLabelsCutLongValuesAtACharacter) {
  const std::string long_name = std::string(119, 'a') + "\u00e9" + "tail";  // 'é' spans bytes 119-120
  v1::Plan plan;
  v1::Person* named = plan.add_persons();
  named->set_id("p1");
  named->set_name(long_name);
  named->set_title(long_name);
  plan.add_persons()->set_id("p2");
  v1::Opportunity* deal = plan.add_opportunities();
  deal->set_id("o1");
  deal->set_name(long_name);
  const model::PlanIndex index(plan);
  const std::string cut = std::string(119, 'a') + "\u2026";
  EXPECT_EQ(PersonLabel(index, 0), cut + " (" + cut + ")");
  EXPECT_EQ(PersonLabel(index, 1), "p2");
  EXPECT_EQ(OpportunityLabel(index, 0), "opportunity \"" + cut + "\"");
}

}  // namespace
}  // namespace contactplan::rules
