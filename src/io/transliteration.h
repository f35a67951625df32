// Names in any script as ASCII, so ids derived from names stay ASCII: "Jürgen Müller" is
// "Jurgen Muller", "Иван Петров" is "Ivan Petrov", "王小明" is "wang xiao ming". ICU's transforms do
// the work (Any-Latin, then Latin-ASCII): a table kept by the Unicode consortium, not by us.
#ifndef CONTACTPLAN_SRC_IO_TRANSLITERATION_H_
#define CONTACTPLAN_SRC_IO_TRANSLITERATION_H_

#include <string>
#include <string_view>

namespace contactplan::io {

// `utf8` with every non-ASCII letter written in ASCII letters; characters with no Latin reading
// (symbols, emoji) are left as they were, so callers must still expect non-ASCII bytes. ASCII text is
// returned as it is without touching ICU. When ICU's transform data cannot be loaded, the text is
// returned unchanged (ids then lose the non-ASCII letters, as before transliteration existed).
// Thread-safe: one transform serves the process behind a lock, built on the first non-ASCII name
// (the first Chinese or Japanese name costs over a second while ICU compiles Han-Latin).
std::string TransliterateToAscii(std::string_view utf8);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_TRANSLITERATION_H_
