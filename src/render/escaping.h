// Escaping of the plan's own text for each view. A plan's names and titles come from spreadsheets
// and CRMs: they may hold markup, terminal control sequences (ESC [2J clears a screen) or Unicode
// bidirectional controls that reorder what follows them. Every view shows such text as written, never
// obeys it.
#ifndef CONTACTPLAN_SRC_RENDER_ESCAPING_H_
#define CONTACTPLAN_SRC_RENDER_ESCAPING_H_

#include <string>
#include <string_view>

#include "google/protobuf/message.h"

namespace contactplan::render {

// `text` with every character that would act instead of print made visible: C0 and C1 control
// characters and DEL as "\x1b"-style escapes (tab and newline too: a name is one line), Unicode
// bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) as
// "\u202e", and bytes that are not UTF-8 as "\xff". Right-to-left letters themselves are kept: they
// are names, not controls. Returns `text` unchanged when it needs nothing.
std::string VisibleText(std::string_view text);

// True when VisibleText(text) would differ from `text`.
bool NeedsVisibleText(std::string_view text);

// Applies VisibleText to every string field of `message` and its sub-messages (repeated ones
// included), in place. Bytes fields are left alone. Used on copies of the plan and analysis before
// any view lays them out, so widths are measured on what is printed.
void MakeStringsVisible(google::protobuf::Message& message);

// `text` for XML and HTML character data and attribute values: & < > " ' as entities.
std::string Markup(std::string_view text);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_ESCAPING_H_
