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
#include "base/problem_list.h"
#include "base/quoted.h"
#include "base/utf8.h"

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

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF, not a surrogate) to `out`.
void AppendUtf8(uint32_t code_point, std::string& out);

// "line L, column C: message", or "cell C5, line L, column C: message" when the cell is known.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// A reader lists at most this many diagnostics of one input, and at most this many bytes of their
// messages; the rest are only counted, so a hostile input (a row of a million empty cells) gets a
// message of bounded size, built at a bounded cost. The same cap as the validation's list.
inline constexpr size_t kMaxDiagnostics = 1000;
inline constexpr size_t kMaxDiagnosticBytes = 256 << 10;

// InvalidArgument with every diagnostic on its own line, sorted by position (stable for problems at
// the same position), then, when some were left out (`omitted`, and any past kMaxDiagnostics), a
// closing line saying how many: "... and 1047576 more problems (the first 1000 are listed)". OK
// when there is no problem at all.
absl::Status DiagnosticsToStatus(std::vector<Diagnostic> diagnostics, size_t omitted = 0);

// The diagnostics of one input within the bounds above, in the order they were added.
class DiagnosticList {
 public:
  // `cell` names the spreadsheet cell ("C5") when the input is a grid.
  void Add(TextPosition position, std::string message, std::string cell = {});
  bool empty() const { return listed_.empty() && omitted_ == 0; }
  const std::vector<Diagnostic>& listed() const { return listed_; }
  // How many were added past the bounds and left out.
  size_t omitted() const { return omitted_; }
  // The diagnostics listed, moved out; the list keeps its count of omitted ones.
  std::vector<Diagnostic> TakeListed() { return std::move(listed_); }
  // DiagnosticsToStatus of the listed ones and the count of the others.
  absl::Status ToStatus() &&;

 private:
  std::vector<Diagnostic> listed_;
  size_t bytes_ = 0;
  size_t omitted_ = 0;
};

// The shared helpers every reader of this stage uses, under their io names.
using ::contactplan::base::Escaped;
using ::contactplan::base::FirstInvalidUtf8;
using ::contactplan::base::kEchoedBytes;
using ::contactplan::base::kEchoedPathBytes;
using ::contactplan::base::MoreProblemsLine;
using ::contactplan::base::Quoted;

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_TEXT_POSITION_H_
