// Plain-text layout for a terminal, as the brief and the report lay themselves out: the display width
// of UTF-8 text, truncation, padding and word wrapping. For a host that prints its own lines beside
// those views (the command line's help, notes and errors; a tool's table of accounts) and wants them
// to line up the same way.
//
// Widths count code points, which is right for the Latin, Greek and Cyrillic names plans hold; wide
// (CJK) characters would take two columns and are not measured specially. Text is taken as UTF-8 and
// never split inside a code point. Every function is pure and thread-safe.
#ifndef CONTACTPLAN_TEXT_LAYOUT_H_
#define CONTACTPLAN_TEXT_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace contactplan::text {

// Columns `text` takes: its UTF-8 code points.
size_t DisplayWidth(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when cut; never splits a code point.
std::string Truncate(std::string_view text, size_t width);

// `text` truncated to `width` and padded with spaces on the right to exactly `width` columns.
std::string PadRight(std::string_view text, size_t width);
// The same, padded on the left (for numbers).
std::string PadLeft(std::string_view text, size_t width);

// Word-wraps `text` into lines of at most `width` columns (a longer word gets a line of its own).
// The caller has already printed `indent` columns before the first line (a label or bullet); every
// later line starts with `indent` spaces. The result has no trailing newline.
std::string Wrap(std::string_view text, size_t width, size_t indent);

// `label` followed by `text` wrapped to `width`, later lines indented by `indent` (which may be
// less than the label is wide, for long labels).
std::string Labeled(std::string_view label, std::string_view text, size_t width, size_t indent);

// "1 person", "3 persons": `n`, a space, and `one` when n is 1, else `many`.
std::string Count(int64_t n, std::string_view one, std::string_view many);

}  // namespace contactplan::text

#endif  // CONTACTPLAN_TEXT_LAYOUT_H_
