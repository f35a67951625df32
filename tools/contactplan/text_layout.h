// The command line lays out its own messages (help, notes, errors) with the library's public text
// layout (include/contactplan/text_layout.h): one display width, one wrap, one padding for every
// terminal text the project prints.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_TEXT_LAYOUT_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_TEXT_LAYOUT_H_

#include <string_view>

#include "absl/strings/string_view.h"
#include "contactplan/text_layout.h"

namespace contactplan::cli {

using text::Count;
using text::DisplayWidth;
using text::PadRight;
using text::Wrap;

// Debian's Abseil has its own absl::string_view, which does not convert from std::string_view:
// views go to absl::StrCat and friends through Sv().
inline absl::string_view Sv(std::string_view view) { return {view.data(), view.size()}; }

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_TEXT_LAYOUT_H_
