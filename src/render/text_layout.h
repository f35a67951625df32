// Plain-text layout for terminal output: display width of UTF-8 text, padding, truncation and word
// wrapping. Widths count code points, which is right for the Latin, Greek and Cyrillic names plans
// hold; wide (CJK) characters would take two columns and are not measured specially.
#ifndef CONTACTPLAN_SRC_RENDER_TEXT_LAYOUT_H_
#define CONTACTPLAN_SRC_RENDER_TEXT_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace contactplan::render {

// Debian's Abseil has its own absl::string_view, which does not convert from std::string_view:
// views go to absl::StrCat and friends through Sv().
inline absl::string_view Sv(std::string_view text) { return {text.data(), text.size()}; }

// Columns `text` takes: its UTF-8 code points.
size_t DisplayWidth(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when cut; never splits a code point.
std::string Truncate(std::string_view text, size_t width);

// `text` truncated to `width` and padded with spaces on the right to exactly `width` columns.
std::string PadRight(std::string_view text, size_t width);
// Padded on the left (for numbers).
std::string PadLeft(std::string_view text, size_t width);

// Word-wraps `text` into lines of at most `width` columns (a longer word gets a line of its own).
// The caller has already printed `indent` columns before the first line (a label or bullet); every
// later line starts with `indent` spaces. The result has no trailing newline.
std::string Wrap(std::string_view text, size_t width, size_t indent);

// `label` followed by `text` wrapped to `width`, later lines indented by `indent` (which may be
// less than the label is wide, for long labels).
std::string Labeled(std::string_view label, std::string_view text, size_t width, size_t indent);

// `text` with every line longer than `width` columns cut to `width` (ending in "…"): the last guard
// of the terminal views' promise that no line is longer than the width they were given.
std::string FitLines(std::string_view text, size_t width);

// "1 person", "3 persons".
std::string Count(int64_t n, std::string_view one, std::string_view many);

// An enum name in lower-case words: "MOTIVATED_TO_CHANGE" -> "motivated to change",
// "NON_SUPPORTER" -> "non-supporter".
std::string Words(std::string_view enum_name);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_TEXT_LAYOUT_H_
