// The one way a message echoes a value from the input (an id, a name, a cell, an option value, a
// path): escaped, cut, always valid UTF-8 on one line (docs/limits.md, "Echoed values").
#ifndef CONTACTPLAN_SRC_BASE_QUOTED_H_
#define CONTACTPLAN_SRC_BASE_QUOTED_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace contactplan::base {

// Values from the input (ids, names, cells, option values) are echoed in messages at most this
// long, so a hostile 1 MiB value still gives a short line; a path, which a user needs whole to
// find the file, at most kEchoedPathBytes.
inline constexpr size_t kEchoedBytes = 64;
inline constexpr size_t kEchoedPathBytes = 512;

// A value from the input made safe for a one-line message: quotes and backslashes, control
// characters (C0, DEL and C1, so an escape sequence cannot reach a terminal) and bytes that are not
// UTF-8 are escaped (\" \\ \n \t \x1b \xff \u009b), well-formed UTF-8 is kept, and a value longer
// than `max_bytes` is cut at a character boundary. Escaped() gives that text alone, a cut marked
// with "…"; Quoted() puts it in double quotes and marks a cut with the value's whole size:
// "abc"…(70000 bytes). Both always return valid UTF-8. Thread-safe.
std::string Escaped(std::string_view value, size_t max_bytes = kEchoedBytes);
std::string Quoted(std::string_view value, size_t max_bytes = kEchoedBytes);

// `value` as written when it has at most `max_bytes`, else cut at a character boundary and ended
// with "…". For the labels of findings and recommendations, which echo names (not input errors,
// so nothing is escaped): a 60 KB name echoed by every finding about its person would multiply
// the plan's size in the analysis.
std::string Shortened(std::string_view value, size_t max_bytes);
// Appends Shortened(value, max_bytes) to `*out` without building it apart (labels are composed
// into the message they appear in: a temporary would be a heap block of its own).
void AppendShortened(std::string* out, std::string_view value, size_t max_bytes);

}  // namespace contactplan::base

#endif  // CONTACTPLAN_SRC_BASE_QUOTED_H_
