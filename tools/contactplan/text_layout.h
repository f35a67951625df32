// The command line lays out its own messages (help, notes, errors) with the render stage's text
// helpers: one display width, one wrap, one padding for every terminal text the project prints.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_TEXT_LAYOUT_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_TEXT_LAYOUT_H_

#include "render/text_layout.h"

namespace contactplan::cli {

using render::Count;
using render::DisplayWidth;
using render::Labeled;
using render::PadLeft;
using render::PadRight;
using render::Sv;
using render::Truncate;
using render::Words;
using render::Wrap;

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_TEXT_LAYOUT_H_
