#include "io/text_position.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace contactplan::io {
namespace {

TEST(LineMapTest, CountsLinesAtLfCrlfAndLoneCr) {
  const std::string text = "ab\ncd\r\nef\rgh";
  const LineMap lines(text);
  EXPECT_EQ(lines.At(0), (TextPosition{1, 1}));
  EXPECT_EQ(lines.At(1), (TextPosition{1, 2}));
  EXPECT_EQ(lines.At(3), (TextPosition{2, 1}));
  EXPECT_EQ(lines.At(7), (TextPosition{3, 1}));
  EXPECT_EQ(lines.At(10), (TextPosition{4, 1}));
  EXPECT_EQ(lines.At(text.size()), (TextPosition{4, 3}));
}

TEST(LineMapTest, CountsCharactersNotBytesAndATabAsOne) {
  const std::string text = "\tZoë,x";  // ë is two bytes
  const LineMap lines(text);
  EXPECT_EQ(lines.At(text.find(',')), (TextPosition{1, 5}));
}

TEST(LineMapTest, ByteOrderMarkAtStartIsNotACharacter) {
  const std::string text = "\xEF\xBB\xBF" "ab";
  const LineMap lines(text);
  EXPECT_EQ(lines.At(3), (TextPosition{1, 1}));
  EXPECT_EQ(lines.At(4), (TextPosition{1, 2}));
}

TEST(LineMapTest, ConvertsProtobufTokenizerPositions) {
  // The tokenizer counts bytes and expands tabs to multiples of 8.
  const std::string text = "a\n\tbé c";
  const LineMap lines(text);
  EXPECT_EQ(lines.At(lines.OffsetOfTokenizerPosition(1, 8)), (TextPosition{2, 2}));  // b
  EXPECT_EQ(lines.At(lines.OffsetOfTokenizerPosition(1, 12)), (TextPosition{2, 5}));  // c
  EXPECT_EQ(lines.OffsetOfTokenizerPosition(7, 0), text.size());
}

TEST(ForwardPositionsTest, AgreesWithLineMapForRisingOffsets) {
  const std::string text = "\xEF\xBB\xBF" "a,é\tb\r\n\nxyz\rq,日本,";
  const LineMap lines(text);
  ForwardPositions forward(lines);
  for (size_t offset = 3; offset <= text.size(); ++offset) {
    EXPECT_EQ(forward.At(offset), lines.At(offset)) << "offset " << offset;
  }
  // Going back is allowed too; it just costs a lookup.
  EXPECT_EQ(forward.At(4), lines.At(4));
}

TEST(FirstInvalidUtf8Test, FindsTheFirstBadSequence) {
  EXPECT_EQ(FirstInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("Zoë 日本 😀"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FirstInvalidUtf8("a\xC3"), 1u);            // cut short
  EXPECT_EQ(FirstInvalidUtf8("a\xC0\xAF"), 1u);        // overlong
  EXPECT_EQ(FirstInvalidUtf8("a\xED\xA0\x80"), 1u);    // surrogate
  EXPECT_EQ(FirstInvalidUtf8("a\xF4\x90\x80\x80"), 1u);  // past U+10FFFF
}

TEST(DiagnosticsToStatusTest, SortsByPositionOnePerLine) {
  const absl::Status status = DiagnosticsToStatus(
      {{{3, 1}, "third"}, {{1, 9}, "second"}, {{1, 2}, "first"}, {{3, 1}, "fourth"}});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "line 1, column 2: first\nline 1, column 9: second\nline 3, column 1: third\n"
            "line 3, column 1: fourth");
  EXPECT_TRUE(DiagnosticsToStatus({}).ok());
}

TEST(QuotedTest, EscapesAndCutsLongValues) {
  EXPECT_EQ(Quoted("a\"b\nc"), "\"a\\\"b\\nc\"");
  EXPECT_EQ(Quoted("Zoë"), "\"Zoë\"");
  // é straddles byte 64; the cut is marked with the whole size (the format changed from "..." so
  // that a cut value says how much was left out).
  const std::string long_value = std::string(63, 'x') + "é";
  EXPECT_EQ(Quoted(long_value), "\"" + std::string(63, 'x') + "\"\u2026(65 bytes)");
}

// Whatever a message echoes stays one line of valid UTF-8 that cannot drive a terminal.
TEST(QuotedTest, EscapesControlCharactersAndBytesThatAreNotUtf8) {
  EXPECT_EQ(Quoted("\x1b[2J"), R"("\x1b[2J")");
  EXPECT_EQ(Quoted("a\xff\xfe" "b"), R"("a\xff\xfeb")");
  EXPECT_EQ(Quoted("\xc2\x9b" "1m"), R"("\u009b1m")");  // U+009B, the one-byte CSI
  EXPECT_EQ(Quoted("tab\there\x7f"), R"("tab\there\x7f")");
  EXPECT_EQ(Escaped("back\\slash"), R"(back\\slash)");
}

TEST(QuotedTest, AHugeValueGivesAShortMessage) {
  const std::string path(1 << 20, '\xff');  // 1 MiB, none of it UTF-8
  const std::string quoted = Quoted(path);
  EXPECT_LT(quoted.size(), 300u);
  EXPECT_EQ(FirstInvalidUtf8(quoted), std::string_view::npos);
  EXPECT_TRUE(quoted.ends_with("\u2026(1048576 bytes)")) << quoted;
}

}  // namespace
}  // namespace contactplan::io
