// Positions in text input (CSV, JSON, text format) and the diagnostics that point at them.
//
// Every reader of the io stage reports a position the same way, so a user sees one convention for all
// formats: "line L, column C: message", both 1-based. Lines end at LF, CRLF or a lone CR. A column
// counts characters (Unicode code points, a tab is one) from the start of its line. A UTF-8 byte order
// mark at the very start of the input is not a character: the first character after it is column 1.
#ifndef CONTACTPLAN_SRC_IO_TEXT_POSITION_H_
#define CONTACTPLAN_SRC_IO_TEXT_POSITION_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace contactplan::io {

// The UTF-8 encoding of U+FEFF.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

struct TextPosition {
  int line = 1;
  int column = 1;

  friend bool operator==(const TextPosition&, const TextPosition&) = default;
  friend auto operator<=>(const TextPosition&, const TextPosition&) = default;
};

// Converts byte offsets of one text into positions. Keeps a view of the text, which must outlive it.
class LineMap {
 public:
  explicit LineMap(std::string_view text);

  // Position of the character that starts at `offset` (offset == size() names the end of input).
  TextPosition At(size_t offset) const;

  // Byte offset of a position as protobuf's tokenizer reports it (both 0-based; lines end at LF only;
  // the column counts bytes and a tab advances to the next multiple of 8), clamped to the text.
  size_t OffsetOfTokenizerPosition(int line, int column) const;

  // Offset where the line holding `offset` ends: the next line's first byte, or the text's size.
  size_t LineEnd(size_t offset) const;

 private:
  friend class ForwardPositions;

  std::string_view text_;
  size_t first_offset_;               // 3 when the text starts with a byte order mark, else 0
  std::vector<size_t> line_starts_;  // offset of each line's first byte, ascending
};

// LineMap::At for offsets that never decrease, as a reader meets them: counts only the characters
// since the previous call on the same line, so positioning every cell of a wide CSV row stays linear
// in the row's length. Keeps a reference to the LineMap, which must outlive it.
class ForwardPositions {
 public:
  explicit ForwardPositions(const LineMap& lines) : lines_(lines) {}
  // `offset` must not be less than the previous call's.
  TextPosition At(size_t offset);

 private:
  const LineMap& lines_;
  size_t offset_ = 0;
  size_t line_end_ = 0;  // offset where the line of `position_` ends (the next line's start)
  TextPosition position_;
  bool started_ = false;
};

// One problem found in text input.
struct Diagnostic {
  TextPosition position;
  std::string message;  // what is wrong and what would fix it; one line
  // The spreadsheet cell ("C5") when the input is a grid, so a spreadsheet user finds it; else empty.
  std::string cell = {};
};

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// surrogates and values beyond U+10FFFF included), or npos when all of `text` is UTF-8.
size_t FirstInvalidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF, not a surrogate) to `out`.
void AppendUtf8(uint32_t code_point, std::string& out);

// "line L, column C: message", or "cell C5, line L, column C: message" when the cell is known.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// InvalidArgument with every diagnostic on its own line, sorted by position (stable for problems at
// the same position). OK when `diagnostics` is empty.
absl::Status DiagnosticsToStatus(std::vector<Diagnostic> diagnostics);

// A value from the input, for a message: in double quotes, C-escaped (so a newline cannot break the
// message's line) and cut after 64 bytes with "..." so a huge cell cannot flood the output.
std::string Quoted(std::string_view value);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_TEXT_POSITION_H_
