#include "io/grid_vocabulary.h"

#include "contactplan/v1/plan.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace contactplan::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(GridVocabularyTest, GradesByLetterOrNameInAnyCase) {
  EXPECT_EQ(GradeWords().Parse("T"), v1::TRUST);
  EXPECT_EQ(GradeWords().Parse("o"), v1::OPEN);
  EXPECT_EQ(GradeWords().Parse("Satisfied"), v1::SATISFIED);
  EXPECT_EQ(GradeWords().Parse("i"), v1::INDIFFERENT);
  EXPECT_EQ(GradeWords().Parse("DISSATISFIED"), v1::DISSATISFIED);
  EXPECT_EQ(GradeWords().Parse("Motivated to-change"), v1::MOTIVATED_TO_CHANGE);
  EXPECT_EQ(GradeWords().Parse("m"), v1::MOTIVATED_TO_CHANGE);
  EXPECT_EQ(GradeWords().Parse("x"), std::nullopt);
  EXPECT_EQ(GradeWords().Parse("grade_unspecified"), std::nullopt);
  EXPECT_EQ(GradeWords().Parse(""), std::nullopt);
}

TEST(GridVocabularyTest, GradesAreWrittenAsLetters) {
  EXPECT_EQ(GradeWords().Write(v1::TRUST), "T");
  EXPECT_EQ(GradeWords().Write(v1::MOTIVATED_TO_CHANGE), "M");
  EXPECT_EQ(GradeWords().Write(v1::GRADE_UNSPECIFIED), std::nullopt);
  EXPECT_EQ(GradeWords().Write(42), std::nullopt);
}

TEST(GridVocabularyTest, EveryWordWrittenIsReadBack) {
  for (const GridVocabulary* words :
       {&GradeWords(), &LevelWords(), &BuyerRoleWords(), &RelationshipLevelWords(),
        &RelationshipTypeWords(), &PreferenceWords(), &BuyingRoleWords()}) {
    for (int value = 1; value < 10; ++value) {
      const std::optional<std::string> word = words->Write(value);
      if (word.has_value()) {
        EXPECT_EQ(words->Parse(*word), value) << *word;
      }
    }
  }
}

TEST(GridVocabularyTest, SpecWordsOfEachKind) {
  EXPECT_EQ(LevelWords().Parse("senior management"), v1::SENIOR_MANAGEMENT);
  EXPECT_EQ(LevelWords().Parse("Middle-Management"), v1::MIDDLE_MANAGEMENT);
  EXPECT_EQ(LevelWords().Write(v1::EXECUTIVE), "executive");
  EXPECT_EQ(BuyerRoleWords().Parse("Evangelist"), v1::Person::EVANGELIST);
  EXPECT_EQ(RelationshipLevelWords().Parse("credible source"), v1::CREDIBLE_SOURCE);
  EXPECT_EQ(RelationshipLevelWords().Write(v1::TRUSTED_ADVISOR), "trusted_advisor");
  EXPECT_EQ(RelationshipTypeWords().Parse("collaborative"), v1::COLLABORATIVE);
  EXPECT_EQ(PreferenceWords().Parse("non-supporter"), v1::NON_SUPPORTER);
  EXPECT_EQ(BuyingRoleWords().Parse("decision maker"), v1::Participant::DECISION_MAKER);
  EXPECT_EQ(BuyingRoleWords().Parse("user"), v1::Participant::USER);
}

TEST(GridVocabularyTest, UnknownWordMessageSuggestsAndLists) {
  EXPECT_EQ(LevelWords().UnknownWordMessage("seniour management"),
            "unknown level \"seniour management\" (did you mean \"senior_management\"?): use "
            "executive, senior_management, middle_management or operational, or leave the cell "
            "empty");
  EXPECT_THAT(GradeWords().UnknownWordMessage("X"),
              HasSubstr("use T, O, S, I, D or M (or trust, open, satisfied, indifferent, "
                        "dissatisfied or motivated_to_change)"));
}

TEST(GridVocabularyTest, RoleListsSplitAtSpacesAndSemicolons) {
  EXPECT_THAT(SplitRoleList("power;user  advisor ;\nevangelist"),
              ElementsAre(Pair("power", 0u), Pair("user", 6u), Pair("advisor", 12u),
                          Pair("evangelist", 22u)));
}

TEST(GridVocabularyTest, YesNoAndNps) {
  EXPECT_EQ(ParseYesNo("Yes"), true);
  EXPECT_EQ(ParseYesNo("NO"), false);
  // v2: what spreadsheets and people write for booleans (Excel: TRUE / FALSE; a ticked cell: x).
  for (const char* yes : {"y", "TRUE", "True", "x", "X", "1"}) EXPECT_EQ(ParseYesNo(yes), true) << yes;
  for (const char* no : {"n", "FALSE", "false", "0"}) EXPECT_EQ(ParseYesNo(no), false) << no;
  EXPECT_EQ(ParseYesNo("maybe"), std::nullopt);
  EXPECT_EQ(ParseYesNo("2"), std::nullopt);
  EXPECT_EQ(ParseNpsScore("0"), 0);
  EXPECT_EQ(ParseNpsScore("10"), 10);
  EXPECT_EQ(ParseNpsScore("11"), std::nullopt);
  EXPECT_EQ(ParseNpsScore("-1"), std::nullopt);
  EXPECT_EQ(ParseNpsScore("7.5"), std::nullopt);
  EXPECT_EQ(ParseNpsScore("010"), std::nullopt);
}

TEST(GridVocabularyTest, AttributesInAnyCaseWithSpacesOrHyphens) {
  EXPECT_EQ(ParseGridAttribute("@reports_to"), GridAttribute::kReportsTo);
  EXPECT_EQ(ParseGridAttribute("@Reports-To"), GridAttribute::kReportsTo);
  EXPECT_EQ(ParseGridAttribute("@desired relationship"), GridAttribute::kDesiredRelationship);
  EXPECT_EQ(ParseGridAttribute("@colour"), std::nullopt);
  EXPECT_EQ(ParseGridAttribute("title"), std::nullopt);
  EXPECT_EQ(GridAttributeNames().size(), kGridAttributes.size());
  EXPECT_EQ(GridAttributeNames().front(), "@title");
  EXPECT_EQ(GridAttributeNames().back(), "@desired_preference");
}

TEST(IdFromNameTest, LowersAndJoinsRunsOfOtherCharactersWithOneDash) {
  EXPECT_EQ(IdFromName("Ann Lee"), "ann-lee");
  EXPECT_EQ(IdFromName("Dr. Ann O'Neil (CFO)"), "dr-ann-o-neil-cfo");
  EXPECT_EQ(IdFromName("  --Ann__Lee--  "), "ann-lee");
  EXPECT_EQ(IdFromName("R2-D2"), "r2-d2");
  EXPECT_EQ(IdFromName("?!"), "");
  EXPECT_EQ(IdFromName("★"), "");
}

// v2: names in any script give ASCII ids by transliteration (ICU), not by dropping letters.
TEST(IdFromNameTest, TransliteratesNamesToAscii) {
  EXPECT_EQ(IdFromName("Inès Ortega"), "ines-ortega");
  EXPECT_EQ(IdFromName("Jürgen Müller"), "jurgen-muller");
  EXPECT_EQ(IdFromName("Иван Петров"), "ivan-petrov");
  EXPECT_EQ(IdFromName("Ελένη"), "elene");
  EXPECT_EQ(IdFromName("李明"), "li-ming");
  EXPECT_EQ(IdFromName("Søren Ærø"), "soren-aero");
}

TEST(GridVocabularyTest, LevelsAsTheReportLabelsThem) {
  EXPECT_EQ(LevelWords().Parse("senior mgmt"), v1::SENIOR_MANAGEMENT);
  EXPECT_EQ(LevelWords().Parse("Middle Mgmt"), v1::MIDDLE_MANAGEMENT);
  // Every label the report prints reads back as its level: one vocabulary.
  for (int level = 1; level <= 4; ++level) {
    EXPECT_EQ(LevelWords().Parse(LevelLabel(level)), level) << LevelLabel(level);
  }
  EXPECT_EQ(LevelWords().Write(v1::SENIOR_MANAGEMENT), "senior_management");  // export unchanged
}

}  // namespace
}  // namespace contactplan::io
