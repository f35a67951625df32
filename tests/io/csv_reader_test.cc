#include "io/csv_reader.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace contactplan::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::vector<std::string>> Texts(const CsvText& csv) {
  std::vector<std::vector<std::string>> rows;
  for (const CsvRecord& record : csv.records) {
    std::vector<std::string>& row = rows.emplace_back();
    for (const CsvCell& cell : record.cells) row.push_back(cell.text);
  }
  return rows;
}

std::vector<std::string> Errors(const CsvText& csv) {
  std::vector<std::string> errors;
  for (const Diagnostic& d : csv.errors) errors.push_back(FormatDiagnostic(d));
  return errors;
}

TEST(CsvReaderTest, ReadsPlainRecordsWithAnyLineBreak) {
  const CsvText csv = ReadCsv("a,b\r\nc,d\ne,f\rg");
  EXPECT_THAT(csv.errors, IsEmpty());
  EXPECT_THAT(Texts(csv), ElementsAre(ElementsAre("a", "b"), ElementsAre("c", "d"),
                                      ElementsAre("e", "f"), ElementsAre("g")));
}

TEST(CsvReaderTest, FinalLineBreakStartsNoRecordButBlankLinesAreRecords) {
  EXPECT_THAT(Texts(ReadCsv("a\r\n")), ElementsAre(ElementsAre("a")));
  const CsvText csv = ReadCsv("a\n\n,\n");
  EXPECT_THAT(Texts(csv), ElementsAre(ElementsAre("a"), ElementsAre(""), ElementsAre("", "")));
  EXPECT_FALSE(csv.records[0].IsBlank());
  EXPECT_TRUE(csv.records[1].IsBlank());
  EXPECT_TRUE(csv.records[2].IsBlank());
  EXPECT_THAT(Texts(ReadCsv("")), IsEmpty());
}

TEST(CsvReaderTest, QuotedCellsKeepCommasDoubledQuotesLineBreaksAndSpaces) {
  const CsvText csv = ReadCsv("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\" padded \",\"\"\n");
  EXPECT_THAT(csv.errors, IsEmpty());
  EXPECT_THAT(Texts(csv),
              ElementsAre(ElementsAre("a,b", "say \"hi\"", "two\r\nlines", " padded ", "")));
  EXPECT_TRUE(csv.records[0].cells[0].quoted);
}

TEST(CsvReaderTest, TrimsSpacesAroundUnquotedCellsAndAroundQuotes) {
  const CsvText csv = ReadCsv("  a b ,\tc,  \"d\"  ,");
  EXPECT_THAT(csv.errors, IsEmpty());
  EXPECT_THAT(Texts(csv), ElementsAre(ElementsAre("a b", "c", "d", "")));
}

TEST(CsvReaderTest, CellPositionsCountLinesInsideQuotes) {
  const CsvText csv = ReadCsv("x,\"one\ntwo\",  y\nz,,w");
  ASSERT_THAT(csv.errors, IsEmpty());
  ASSERT_EQ(csv.records.size(), 2u);
  EXPECT_EQ(csv.records[0].cells[0].position, (TextPosition{1, 1}));
  EXPECT_EQ(csv.records[0].cells[1].position, (TextPosition{1, 3}));  // the opening quote
  EXPECT_EQ(csv.records[0].cells[2].position, (TextPosition{2, 8}));  // first non-blank
  EXPECT_EQ(csv.records[1].cells[0].position, (TextPosition{3, 1}));
  EXPECT_EQ(csv.records[1].cells[1].position, (TextPosition{3, 3}));  // empty: after the comma
  EXPECT_EQ(csv.records[1].cells[2].position, (TextPosition{3, 4}));
}

TEST(CsvReaderTest, ByteOrderMarkAtStartIsSkipped) {
  const CsvText csv = ReadCsv("\xEF\xBB\xBFName,b\nc");
  EXPECT_THAT(csv.errors, IsEmpty());
  EXPECT_THAT(Texts(csv), ElementsAre(ElementsAre("Name", "b"), ElementsAre("c")));
  EXPECT_EQ(csv.records[0].cells[0].position, (TextPosition{1, 1}));
}

TEST(CsvReaderTest, ByteOrderMarkElsewhereIsAnError) {
  const CsvText csv = ReadCsv("a,b\nc,\xEF\xBB\xBF" "d\n\"\xEF\xBB\xBF\"");
  EXPECT_THAT(Errors(csv), ElementsAre(HasSubstr("line 2, column 3: a byte order mark (U+FEFF)"),
                                       HasSubstr("line 3, column 2: a byte order mark")));
}

TEST(CsvReaderTest, TextThatIsNotUtf8IsOneError) {
  const CsvText csv = ReadCsv("ok\nZo\xEB,\xFF\xFF");
  EXPECT_THAT(Errors(csv),
              ElementsAre("line 2, column 3: the file is not UTF-8 text: save it as \"CSV UTF-8\""));
}

TEST(CsvReaderTest, UnterminatedQuoteIsReportedWhereItOpened) {
  const CsvText csv = ReadCsv("a,b\nc,\"never\nclosed,x\n");
  EXPECT_THAT(Errors(csv), ElementsAre(HasSubstr(
                               "line 2, column 3: this quote opens a cell that is never closed")));
}

TEST(CsvReaderTest, QuoteInsideUnquotedCellIsAnErrorOncePerCell) {
  const CsvText csv = ReadCsv("ab\"c\"d,e\"");
  EXPECT_THAT(Errors(csv),
              ElementsAre(HasSubstr("line 1, column 3: a quote inside a cell that does not start "
                                    "with one"),
                          HasSubstr("line 1, column 9: a quote inside")));
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  const CsvText csv = ReadCsv("\"ab\"cd,e\nf");
  EXPECT_THAT(Errors(csv),
              ElementsAre(HasSubstr("line 1, column 5: text after the closing quote of a cell")));
  // Reading resumes at the next comma: the rest of the record is intact.
  EXPECT_THAT(Texts(csv), ElementsAre(ElementsAre("ab", "e"), ElementsAre("f")));
}

// A hostile file cannot make the error list grow with it: the first kMaxDiagnostics are listed,
// the rest counted.
TEST(CsvReaderTest, ErrorsAreCappedAndTheRestCounted) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text.append("a\",");
  const CsvText csv = ReadCsv(text);
  ASSERT_EQ(csv.errors.size(), kMaxDiagnostics);
  EXPECT_EQ(csv.omitted_errors, 100000 - kMaxDiagnostics);
  EXPECT_THAT(FormatDiagnostic(csv.errors.back()), ::testing::StartsWith("cell ALL1, line 1, column 2999:"));
}

// Errors late in a long line are positioned in one forward pass (counting the 8 MB line from its
// start for each of a thousand errors cost billions of steps); the columns are the same either way.
TEST(CsvReaderTest, ErrorsLateInALongLineGetTheirColumns) {
  std::string text(8 << 20, 'x');
  for (int i = 0; i < 1500; ++i) text.append(",a\"");
  const CsvText csv = ReadCsv(text);
  ASSERT_EQ(csv.errors.size(), kMaxDiagnostics);
  EXPECT_EQ(csv.omitted_errors, 500u);
  EXPECT_EQ(csv.errors.front().position, (TextPosition{1, (8 << 20) + 3}));
  EXPECT_EQ(csv.errors.back().position, (TextPosition{1, (8 << 20) + 3 * 1000}));
}

TEST(CsvReaderTest, DetectsTheDelimiterFromTheFirstRecord) {
  EXPECT_EQ(DetectDelimiter("Team,Level,Ann\n"), ',');
  EXPECT_EQ(DetectDelimiter("Team;Level;Ann Lee;Bob Ray\nAlex;executive;T;S\n"), ';');
  EXPECT_EQ(DetectDelimiter("Team\tLevel\tAnn\n"), '\t');
  EXPECT_EQ(DetectDelimiter("\xEF\xBB\xBFTeam;Level;Ann\n"), ';');
  // Delimiters inside quotes, or after row 1, do not count.
  EXPECT_EQ(DetectDelimiter("\"a;b;c\",x,y\n"), ',');
  EXPECT_EQ(DetectDelimiter("a;b\nc,d,e,f,g\n"), ';');
  EXPECT_EQ(DetectDelimiter("\"two\nlines;;;\";x\n"), ';');
  EXPECT_EQ(DetectDelimiter("one"), ',');
  EXPECT_EQ(DetectDelimiter("a,b;c"), ',');  // a tie keeps the comma
}

TEST(CsvReaderTest, ReadsOtherDelimiters) {
  EXPECT_THAT(Texts(ReadCsv("a;\"b;c\";d\ne,f\n", ';')),
              ElementsAre(ElementsAre("a", "b;c", "d"), ElementsAre("e,f")));
  // With a tab as delimiter, tabs are no padding: an empty cell between two tabs stays.
  EXPECT_THAT(Texts(ReadCsv("a\t\tb \t c\n", '\t')), ElementsAre(ElementsAre("a", "", "b", "c")));
}

TEST(CsvReaderTest, CellsKnowTheirSpreadsheetReference) {
  const CsvText csv = ReadCsv("a,b\n\"x\ny\",z\n,,w\n");
  ASSERT_EQ(csv.records.size(), 3u);
  EXPECT_EQ(CellReference(csv.records[1].cells[1].row, csv.records[1].cells[1].column), "B2");
  EXPECT_EQ(CellReference(csv.records[2].cells[2].row, csv.records[2].cells[2].column), "C3");
  EXPECT_EQ(ColumnLetters(0), "A");
  EXPECT_EQ(ColumnLetters(25), "Z");
  EXPECT_EQ(ColumnLetters(26), "AA");
  EXPECT_EQ(ColumnLetters(701), "ZZ");
  EXPECT_EQ(ColumnLetters(702), "AAA");
  EXPECT_THAT(Errors(ReadCsv("a,b\nc,d\"e\n")), ElementsAre(HasSubstr("cell B2, line 2, column 4")));
}

}  // namespace
}  // namespace contactplan::io
