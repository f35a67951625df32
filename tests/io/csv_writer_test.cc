#include "io/csv_writer.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_reader.h"

namespace contactplan::io {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhenNeeded) {
  std::string csv;
  AppendCsvRecord({"plain", "", "a,b", "say \"hi\"", "two\nlines", " lead", "trail\t", "Zoë"},
                  &csv);
  EXPECT_EQ(csv,
            "plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\",\"trail\t\",Zoë\r\n");
}

TEST(CsvWriterTest, ReaderGivesBackWhatWasWritten) {
  const std::vector<std::string> cells = {"x", "\"", ",", "\r\n", " ", "", "tab\there", "@a"};
  std::string csv;
  AppendCsvRecord(cells, &csv);
  AppendCsvRecord({"second"}, &csv);
  const CsvText read = ReadCsv(csv);
  ASSERT_TRUE(read.errors.empty());
  ASSERT_EQ(read.records.size(), 2u);
  std::vector<std::string> texts;
  for (const CsvCell& cell : read.records[0].cells) texts.push_back(cell.text);
  EXPECT_EQ(texts, cells);
}

}  // namespace
}  // namespace contactplan::io
