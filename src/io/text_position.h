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
};

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// surrogates and values beyond U+10FFFF included), or npos when all of `text` is UTF-8.
size_t FirstInvalidUtf8(std::string_view text);

// "line L, column C: message".
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

// The closing line of a list cut at `listed` problems: "... and 12 more problems (the first 1000
// are listed)". For every list of problems the io stage writes, so all end alike.
std::string MoreProblemsLine(size_t omitted, size_t listed);

// The diagnostics of one input within the bounds above, in the order they were added.
class DiagnosticList {
 public:
  void Add(TextPosition position, std::string message);
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

// Values from the input (ids, names, cells, option values) are echoed in messages at most this
// long, so a hostile 1 MiB value still gives a short line; a path, which a user needs whole to
// find the file, at most kEchoedPathBytes.
inline constexpr size_t kEchoedBytes = 64;
inline constexpr size_t kEchoedPathBytes = 512;

// A value from the input made safe for a one-line message, the one way every message echoes input:
// quotes and backslashes, control characters (C0, DEL and C1, so an escape sequence cannot reach a
// terminal) and bytes that are not UTF-8 are escaped (\" \\ \n \t \x1b \xff \u009b), well-formed
// UTF-8 is kept, and a value longer than `max_bytes` is cut at a character boundary. Escaped()
// gives that text alone, a cut marked with "…"; Quoted() puts it in double quotes and marks a cut
// with the value's whole size: "abc"…(70000 bytes). Both always return valid UTF-8. Thread-safe.
std::string Escaped(std::string_view value, size_t max_bytes = kEchoedBytes);
std::string Quoted(std::string_view value, size_t max_bytes = kEchoedBytes);

// `value` as written when it has at most `max_bytes`, else cut at a character boundary and ended
// with "…". For the labels of findings and recommendations, which echo names (not input errors,
// so nothing is escaped): a 60 KB name echoed by every finding about its person would multiply
// the plan's size in the analysis.
std::string Shortened(std::string_view value, size_t max_bytes);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_TEXT_POSITION_H_
