// Plain-text layout for terminal output inside the render stage: the public layout functions
// (include/contactplan/text_layout.h: display width, padding, truncation, word wrapping) under the
// render namespace, plus what only the views need (the last width guard, enum names in words).
#ifndef CONTACTPLAN_SRC_RENDER_TEXT_LAYOUT_H_
#define CONTACTPLAN_SRC_RENDER_TEXT_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "contactplan/text_layout.h"

namespace contactplan::render {

// Debian's Abseil has its own absl::string_view, which does not convert from std::string_view:
// views go to absl::StrCat and friends through Sv().
inline absl::string_view Sv(std::string_view text) { return {text.data(), text.size()}; }

// The public layout (include/contactplan/text_layout.h), by the names the views have always used.
using text::Count;
using text::DisplayWidth;
using text::Labeled;
using text::PadLeft;
using text::PadRight;
using text::Truncate;
using text::Wrap;

// `text` with every line longer than `width` columns cut to `width` (ending in "…"): the last guard
// of the terminal views' promise that no line is longer than the width they were given.
std::string FitLines(std::string_view text, size_t width);

// An enum name in lower-case words: "MOTIVATED_TO_CHANGE" -> "motivated to change",
// "NON_SUPPORTER" -> "non-supporter".
std::string Words(std::string_view enum_name);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_TEXT_LAYOUT_H_
